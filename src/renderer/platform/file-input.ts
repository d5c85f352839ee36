import type { FileFilter } from './platform';

function acceptAttribute(filters: FileFilter[] | undefined): string {
  if (!filters) return '';
  return filters
    .flatMap((f) => f.extensions)
    .filter((ext) => ext !== '*')
    .map((ext) => `.${ext}`)
    .join(',');
}

/** Shows the file chooser through a hidden file input; resolves to no files when cancelled. */
export async function pickFiles(filters: FileFilter[] | undefined, multiple: boolean): Promise<File[]> {
  const input = document.createElement('input');
  input.type = 'file';
  input.multiple = multiple;
  input.accept = acceptAttribute(filters);
  input.style.display = 'none';
  document.body.append(input);
  try {
    return await new Promise<File[]>((resolve) => {
      input.addEventListener('change', () => {
        resolve(Array.from(input.files ?? []));
      });
      // Fired by Chromium when the dialog is dismissed, so a cancelled pick does not hang.
      input.addEventListener('cancel', () => {
        resolve([]);
      });
      input.click();
    });
  } finally {
    input.remove();
  }
}

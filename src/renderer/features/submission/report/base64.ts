/** Base64 of binary data, in slices so a large image never becomes one giant argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}

export const pngDataUri = (png: Uint8Array): string => `data:image/png;base64,${toBase64(png)}`;

/** File reads and writes for dialogs and saved state: capped reads, crash-safe writes. */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const formatBytes = (n: number): string =>
  n >= 1024 ** 3
    ? `${(n / 1024 ** 3).toFixed(2)} GiB`
    : n >= 1024 ** 2
      ? `${(n / 1024 ** 2).toFixed(1)} MiB`
      : `${n} bytes`;

/**
 * Read a whole file, refusing it (before reading anything) if it is larger than maxBytes. Size is
 * taken from the open handle, so a path swapped between check and read cannot slip past the cap.
 */
export async function readFileCapped(filePath: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(filePath, 'r');
  try {
    const { size, isFile } = await handle.stat().then((s) => ({ size: s.size, isFile: s.isFile() }));
    if (!isFile) throw new Error(`"${basename(filePath)}" is not a regular file`);
    if (size > maxBytes) {
      throw new Error(
        `"${basename(filePath)}" is ${formatBytes(size)}; files larger than ${formatBytes(maxBytes)} cannot be opened this way`,
      );
    }
    const data = await handle.readFile();
    // The file may have grown since stat; the cap is a promise to the renderer, so keep it.
    if (data.byteLength > maxBytes) {
      throw new Error(`"${basename(filePath)}" grew past ${formatBytes(maxBytes)} while being read`);
    }
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  } finally {
    await handle.close();
  }
}

/**
 * Write via a temp file in the same directory, fsync, then rename over the target: a crash or a
 * full disk leaves either the old file or the new one, never a truncated mix. Same directory so
 * the rename stays on one file system (atomic); exclusive create so a stale temp is never reused.
 */
export async function writeFileAtomic(filePath: string, data: Uint8Array | string): Promise<void> {
  const tempPath = join(dirname(filePath), `.${basename(filePath)}.${randomUUID()}.tmp`);
  let renamed = false;
  try {
    const handle = await open(tempPath, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, filePath);
    renamed = true;
  } finally {
    if (!renamed) await rm(tempPath, { force: true });
  }
}

/**
 * The same, synchronously, for the one place that cannot wait: a window closing while the app
 * quits, when a pending async write would be cut off.
 */
export function writeFileAtomicSync(filePath: string, data: string): void {
  const tempPath = join(dirname(filePath), `.${basename(filePath)}.${randomUUID()}.tmp`);
  let renamed = false;
  try {
    const fd = openSync(tempPath, 'wx');
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tempPath, filePath);
    renamed = true;
  } finally {
    if (!renamed) rmSync(tempPath, { force: true });
  }
}

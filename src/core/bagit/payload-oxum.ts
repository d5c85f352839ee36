import type { BagFiles } from './types';
import { isPayloadPath } from './bag-paths';

export interface PayloadOxum {
  octetCount: number;
  streamCount: number;
}

/** RFC 8493 §2.2.2: total payload octets and number of payload files, a cheap completeness check. */
export function computePayloadOxum(files: BagFiles): PayloadOxum {
  let octetCount = 0;
  let streamCount = 0;
  for (const [path, bytes] of files) {
    if (!isPayloadPath(path)) continue;
    octetCount += bytes.length;
    streamCount += 1;
  }
  return { octetCount, streamCount };
}

export function formatPayloadOxum({ octetCount, streamCount }: PayloadOxum): string {
  return `${octetCount}.${streamCount}`;
}

export function parsePayloadOxum(value: string): PayloadOxum | null {
  const match = /^(\d+)\.(\d+)$/.exec(value.trim());
  if (!match?.[1] || !match[2]) return null;
  return { octetCount: Number(match[1]), streamCount: Number(match[2]) };
}

import { deflateSync } from 'fflate';
import { crc32 } from './crc32';

/**
 * Builds zips byte by byte so tests can produce archives no honest writer (fflate included) would:
 * lying sizes, symlinks, encrypted flags, hostile names. Every header field can be overridden.
 */
export interface CraftedEntry {
  name: string;
  /** The uncompressed content; compressed here unless `storedBytes` is given. */
  content?: Uint8Array;
  method?: number;
  /** Bytes placed in the archive as the entry's data, bypassing compression. */
  storedBytes?: Uint8Array;
  crc?: number;
  compressedSize?: number;
  uncompressedSize?: number;
  flags?: number;
  versionMadeBy?: number;
  externalAttributes?: number;
  centralExtra?: Uint8Array;
  localName?: string;
  /** Write 0xFFFFFFFF in the 32-bit fields and these 64-bit sizes in a zip64 extra field. */
  zip64Sizes?: { uncompressed: bigint; compressed: bigint };
}

const encoder = new TextEncoder();

export function craftZip(
  entries: readonly CraftedEntry[],
  options: { declaredEntryCount?: number } = {},
): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const content = entry.content ?? new Uint8Array(0);
    const method = entry.method ?? 8;
    const data = entry.storedBytes ?? (method === 8 ? deflateSync(content) : content);
    const name = encoder.encode(entry.name);
    const localName = entry.localName === undefined ? name : encoder.encode(entry.localName);
    const crc = entry.crc ?? crc32(content);
    const compressed = entry.zip64Sizes ? 0xffffffff : (entry.compressedSize ?? data.length);
    const uncompressed = entry.zip64Sizes ? 0xffffffff : (entry.uncompressedSize ?? content.length);
    let extra = entry.centralExtra ?? new Uint8Array(0);
    if (entry.zip64Sizes) {
      const zip64 = new DataView(new ArrayBuffer(20));
      zip64.setUint16(0, 0x0001, true);
      zip64.setUint16(2, 16, true);
      zip64.setBigUint64(4, entry.zip64Sizes.uncompressed, true);
      zip64.setBigUint64(12, entry.zip64Sizes.compressed, true);
      extra = concat([new Uint8Array(zip64.buffer), extra]);
    }

    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, entry.flags ?? 0x0800, true);
    local.setUint16(8, method, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, compressed, true);
    local.setUint32(22, uncompressed, true);
    local.setUint16(26, localName.length, true);
    locals.push(new Uint8Array(local.buffer), localName, data);

    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, entry.versionMadeBy ?? (3 << 8) | 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(8, entry.flags ?? 0x0800, true);
    central.setUint16(10, method, true);
    central.setUint32(16, crc, true);
    central.setUint32(20, compressed, true);
    central.setUint32(24, uncompressed, true);
    central.setUint16(28, name.length, true);
    central.setUint16(30, extra.length, true);
    central.setUint32(38, entry.externalAttributes ?? (0o100644 << 16) >>> 0, true);
    central.setUint32(42, offset, true);
    centrals.push(new Uint8Array(central.buffer), name, extra);
    offset += 30 + localName.length + data.length;
  }
  const directory = concat(centrals);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, options.declaredEntryCount ?? entries.length, true);
  end.setUint16(10, options.declaredEntryCount ?? entries.length, true);
  end.setUint32(12, directory.length, true);
  end.setUint32(16, offset, true);
  return concat([...locals, directory, new Uint8Array(end.buffer)]);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

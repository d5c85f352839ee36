/** Little-endian reads that report out-of-range offsets as null instead of reading past the end. */
export class BinaryReader {
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.length;
  }

  fits(offset: number, size: number): boolean {
    return Number.isSafeInteger(offset) && offset >= 0 && size >= 0 && offset + size <= this.bytes.length;
  }

  u16(offset: number): number | null {
    return this.fits(offset, 2) ? this.view.getUint16(offset, true) : null;
  }

  u32(offset: number): number | null {
    return this.fits(offset, 4) ? this.view.getUint32(offset, true) : null;
  }

  /** 64-bit values above 2^53 cannot be sizes we would accept anyway; they come back as Infinity. */
  u64(offset: number): number | null {
    if (!this.fits(offset, 8)) return null;
    const value = this.view.getBigUint64(offset, true);
    return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(value);
  }

  slice(offset: number, size: number): Uint8Array | null {
    return this.fits(offset, size) ? this.bytes.subarray(offset, offset + size) : null;
  }
}

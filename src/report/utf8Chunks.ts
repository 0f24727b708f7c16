/** Bytes in a chunk: large enough to be few, small enough not to be a second copy of a large part. */
const CHUNK = 1 << 20;

/**
 * Text encoded as UTF-8 straight into chunks of about a megabyte (with any bytes already encoded
 * between). A long text joined up first would live through many collections as thousands of small
 * strings; encoded as it comes, each piece can go as soon as it is written. Few large chunks are
 * also quicker to deflate than many small pieces: each is a trip to zlib's thread.
 */
export class Utf8Chunks {
  private readonly encoder = new TextEncoder();
  private readonly chunks: Uint8Array[] = [];
  private chunk: Uint8Array;
  private used = 0;

  constructor(private readonly size = CHUNK) {
    // A character takes up to four bytes: a smaller chunk could never hold one.
    if (!(size >= 4)) throw new RangeError(`a chunk must hold at least 4 bytes (got ${size})`);
    this.chunk = new Uint8Array(size);
  }

  add(text: string): void {
    let rest = text;
    for (;;) {
      const { read, written } = this.encoder.encodeInto(rest, this.chunk.subarray(this.used));
      this.used += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      this.next();
    }
  }

  /** Bytes already encoded, copied in after the text before them. */
  addBytes(bytes: Uint8Array): void {
    for (let from = 0; from < bytes.length; ) {
      if (this.used === this.size) this.next();
      const taken = Math.min(bytes.length - from, this.size - this.used);
      this.chunk.set(bytes.subarray(from, from + taken), this.used);
      this.used += taken;
      from += taken;
    }
  }

  private next(): void {
    this.chunks.push(this.chunk.subarray(0, this.used));
    this.chunk = new Uint8Array(this.size);
    this.used = 0;
  }

  /** The chunks written, the last one as far as it is filled. */
  done(): Uint8Array[] {
    // A last chunk less than half used is copied out, so a short text does not hold a megabyte.
    if (this.used > 0) this.chunks.push(this.used < this.size / 2 ? this.chunk.slice(0, this.used) : this.chunk.subarray(0, this.used));
    this.chunk = new Uint8Array(0);
    this.used = 0;
    return this.chunks;
  }
}

/** Bytes in a chunk: large enough to be few, small enough not to be a second copy of a large part. */
const CHUNK = 1 << 20;

/**
 * Text encoded as UTF-8 straight into chunks of about a megabyte. A long text joined up first
 * would live through many collections as thousands of small strings; encoded as it comes, each
 * piece can go as soon as it is written.
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
      this.chunks.push(this.chunk.subarray(0, this.used));
      this.chunk = new Uint8Array(this.size);
      this.used = 0;
    }
  }

  /** The chunks written, the last one as far as it is filled. */
  done(): Uint8Array[] {
    if (this.used > 0) this.chunks.push(this.chunk.subarray(0, this.used));
    this.chunk = new Uint8Array(0);
    this.used = 0;
    return this.chunks;
  }
}

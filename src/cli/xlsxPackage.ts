import { Zip, type ZipInputFile } from 'fflate';
import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * A package's parts by name: bytes as written, text put in their place, or pieces of bytes that
 * follow one another (a part with something inserted, kept without copying it whole).
 */
export type Parts = Map<string, Uint8Array | string | Uint8Array[]>;

/** zlib's default level: the size Excel itself writes. */
const LEVEL = 6;
/**
 * A part of more than LARGE_PART bytes (a sheet of thousands of rows) is deflated at FAST_LEVEL
 * when the caller asks: twice as fast, and a tenth larger for a sheet (a third for the Word report's text).
 */
const LARGE_PART = 4_000_000;
const FAST_LEVEL = 3;

/** Bytes held as pieces one after another, read by position across them. */
class Pieces {
  private readonly starts: number[] = [];
  readonly length: number;

  constructor(private readonly list: readonly Uint8Array[]) {
    let length = 0;
    for (const piece of list) {
      this.starts.push(length);
      length += piece.length;
    }
    this.length = length;
  }

  /** Views of the bytes from `at` for `length`, one per piece they lie in; null past the end. */
  views(at: number, length: number): Uint8Array[] | null {
    if (at < 0 || length < 0 || at + length > this.length) return null;
    const out: Uint8Array[] = [];
    // The last piece starting at or before `at`.
    let i = this.starts.length - 1;
    while (this.starts[i]! > at) i--;
    for (let from = at, left = length; left > 0; i++) {
      const piece = this.list[i]!;
      const offset = from - this.starts[i]!;
      const taken = Math.min(left, piece.length - offset);
      if (taken > 0) out.push(piece.subarray(offset, offset + taken));
      from += taken;
      left -= taken;
    }
    return out.length ? out : [new Uint8Array(0)];
  }
}

/** A part's bytes, in the pieces it is held in. */
function pieces(part: Uint8Array | string | Uint8Array[]): readonly Uint8Array[] {
  // A list is an array (a test of the bytes' class fails for bytes made in another realm, as under jsdom).
  return typeof part === 'string' ? [Buffer.from(part)] : Array.isArray(part) ? part : [part];
}

/** A part as text (the XML parts are UTF-8). */
export function partText(parts: Parts, name: string): string | undefined {
  const part = parts.get(name);
  return part === undefined || typeof part === 'string' ? part : new TextDecoder().decode(Buffer.concat(pieces(part)));
}

/** Sheet name → its part, from the workbook and its relationships. */
export function sheetPaths(parts: Parts): Map<string, string> {
  const workbook = partText(parts, 'xl/workbook.xml')!;
  const rels = partText(parts, 'xl/_rels/workbook.xml.rels')!;
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const paths = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const target = targets.get(m[2]!);
    if (target) paths.set(unescapeXml(m[1]!), target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return paths;
}

/**
 * The part with `text` put before the closing tag it ends in, as pieces of bytes: a sheet of
 * 10,000 respondents is tens of megabytes, and it is not copied to add a line at its end.
 */
export function insertBeforeEnd(parts: Parts, name: string, closing: string, text: string): void {
  const part = parts.get(name);
  if (part === undefined) throw new Error(`the workbook has no part ${name}`);
  if (typeof part === 'string') {
    if (!part.endsWith(closing)) throw new Error(`${name} does not end in ${closing}`);
    parts.set(name, part.slice(0, part.length - closing.length) + text + closing);
    return;
  }
  const bytes = new Pieces(pieces(part));
  const end = bytes.length - closing.length;
  const tail = bytes.views(end, closing.length);
  if (!tail || Buffer.concat(tail).toString() !== closing) throw new Error(`${name} does not end in ${closing}`);
  parts.set(name, [...bytes.views(0, end)!, Buffer.from(text + closing)]);
}

/** Relationships added to a sheet's own relationships part (made when the sheet has none yet). */
export function addSheetRelationships(parts: Parts, sheetPath: string, items: readonly string[]): void {
  const relsPath = sheetPath.replace(/worksheets\/(sheet\d+\.xml)$/, 'worksheets/_rels/$1.rels');
  const existing = partText(parts, relsPath);
  parts.set(relsPath, existing ? existing.replace('</Relationships>', `${items.join('')}</Relationships>`) : relationships(items));
}

/** A part listing relationships. */
export function relationships(items: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}


function unescapeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * The parts packed as a package (the .xlsx, the Word report). Every part is deflated by Node's
 * own zlib on its worker threads, all at once, and fflate lays the deflated parts out as the zip
 * file: JavaScript deflate took a third of a 10,000-respondent run, and zlib fed in small chunks
 * most of a second more. Every part carries the run's date, so the same run writes the same bytes.
 */
export async function packParts(parts: Parts, date: Date, { largePartsFaster = false } = {}): Promise<Buffer> {
  const deflated = await Promise.all(
    [...parts].map(async ([name, part]) => {
      const list = pieces(part);
      const size = list.reduce((n, p) => n + p.length, 0);
      return { name, size, crc: list.reduce((c, p) => crc32(p, c), 0), data: await deflate(list, largePartsFaster && size > LARGE_PART ? FAST_LEVEL : LEVEL) };
    }),
  );
  const chunks: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failed = error;
    else chunks.push(chunk);
  });
  for (const part of deflated) {
    // A part deflated elsewhere, given to fflate as its interface for one takes it: method 8 (deflate), its size and CRC.
    const file: ZipInputFile = { filename: part.name, size: part.size, crc: part.crc, compression: 8, mtime: date };
    zip.add(file);
    file.ondata!(null, part.data, true);
  }
  zip.end();
  if (failed) throw failed;
  return Buffer.concat(chunks);
}

/** Pieces of bytes deflated as one stream, its output in chunks of 1 MiB (each chunk is a trip to zlib's thread; smaller ones measured slower and larger at the peak). */
function deflate(list: readonly Uint8Array[], level: number): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const stream = createDeflateRaw({ level, chunkSize: 1 << 20 });
    stream.on('data', (chunk: Buffer) => out.push(chunk));
    // Buffer.concat's memory is its own ArrayBuffer, never a shared one, as fflate's types ask.
    stream.on('end', () => resolve(Buffer.concat(out) as Uint8Array<ArrayBuffer>));
    stream.on('error', reject);
    for (const piece of list) stream.write(piece);
    stream.end();
  });
}

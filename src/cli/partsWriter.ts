import { EventEmitter } from 'node:events';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
// The streaming writer alone: the package's index also loads its readers, a tenth of a second of a run.
import WorkbookWriter from 'exceljs/lib/stream/xlsx/workbook-writer';
import { Utf8Chunks } from '../report/utf8Chunks';
import { escapeXml } from '../report/xmlText';
import type { Parts } from './xlsxPackage';

/** What ExcelJS writes to a part's stream: text, bytes, or its own text buffer (reused, so copied out at once). */
type Written = string | Uint8Array | { toBuffer(): Buffer };

/** A part's stream: the bytes written to it, in chunks of about a megabyte (text encoded as it comes: a sheet's text is larger held as strings). */
class PartStream extends EventEmitter {
  private readonly chunks = new Utf8Chunks();

  write(data: Written): boolean {
    if (typeof data === 'string') this.chunks.add(data);
    else this.chunks.addBytes(data instanceof Uint8Array ? data : data.toBuffer());
    return true;
  }

  end(data?: Written): void {
    if (data !== undefined) this.write(data);
    this.emit('finish');
  }

  /** The part's bytes, once it has ended. */
  bytes(): Uint8Array[] {
    return this.chunks.done();
  }

  // Called by ExcelJS to hold back events this stream never sends.
  pause(): void {}
}

/** The parts ExcelJS adds, in its order, in place of the zip it would make of them. */
class PartCollector {
  private readonly added = new Map<string, string | Uint8Array | Uint8Array[] | PartStream>();
  private out: Writable | null = null;

  /** The workbook's output, ended when ExcelJS finishes the package. */
  pipe(out: Writable): Writable {
    this.out = out;
    return out;
  }

  on(): this {
    return this;
  }

  append(source: string | Uint8Array | Uint8Array[] | PartStream, { name, base64 }: { name: string; base64?: boolean }): void {
    // Images come as files or base64 text; the workbook has none, and they are refused rather than written wrong.
    if (base64) throw new Error(`the workbook writer does not take base64 parts (${name})`);
    // ExcelJS names some parts from the root ("/xl/..."); a package's part names have no leading slash.
    this.added.set(name.replace(/^\/+/, ''), source);
  }

  finalize(): void {
    this.out?.end();
  }

  file(_path: string, { name }: { name: string }): void {
    throw new Error(`the workbook writer does not take parts from files (${name})`);
  }

  parts(): Parts {
    const parts: Parts = new Map();
    for (const [name, source] of this.added) {
      parts.set(name, source instanceof PartStream ? source.bytes() : source);
    }
    return parts;
  }
}

/**
 * The workbook's shared strings, in place of ExcelJS's table (an object used as a hash, and a
 * part written node by node through its XML stream): a large workbook's hundred thousand strings
 * took it about a third of a second. The same interface and the same part, for plain text (the
 * workbook has no rich text, which is refused).
 */
class StringTable {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  totalRefs = 0;

  get count(): number {
    return this.values.length;
  }

  getString(id: number): string | undefined {
    return this.values[id];
  }

  add(value: string): number {
    if (typeof value !== 'string') throw new Error('the workbook writer keeps plain text only, not rich text');
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    this.totalRefs++;
    return id;
  }

  /** The sharedStrings part, in pieces of about 64 KB. Its count is the number of strings, as ExcelJS writes it. */
  xml(): Uint8Array[] {
    const pieces: Uint8Array[] = [];
    let text = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.count}">`;
    for (const value of this.values) {
      // Escaped as ExcelJS escapes them, which also drops U+007F.
      const escaped = escapeXml(value).replace(/\x7f/g, '');
      // Space at either end, or a line break, is kept only when the text says so.
      text += /^\s|\n|\s$/.test(value) ? `<si><t xml:space="preserve">${escaped}</t></si>` : `<si><t>${escaped}</t></si>`;
      if (text.length >= 1 << 16) {
        pieces.push(Buffer.from(text));
        text = '';
      }
    }
    pieces.push(Buffer.from(`${text}</sst>`));
    return pieces;
  }
}

// Each writer's collector, held outside it: ExcelJS's constructor uses the zip before a subclass's own fields exist.
const collectors = new WeakMap<object, PartCollector>();

/**
 * ExcelJS's streaming workbook writer, its parts collected as they are written rather than
 * zipped: zipping, it took a checksum of every part and copied each through streams, only for the
 * package to be taken apart again to add the tables and charts and deflated once. This reaches
 * into the writer beyond its typings, as the version pinned in package.json has it: the `zip` its
 * constructor makes and pipes to the output (taken over here by the accessor), `_openStream`,
 * which gives each sheet its stream, and the shared-string table and the method that writes it.
 */
export class PartsWriter extends WorkbookWriter {
  private readonly strings = new StringTable();

  constructor(options: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>) {
    super(options);
    (this as unknown as { sharedStrings: StringTable }).sharedStrings = this.strings;
  }

  /** The parts written, once `commit()` has resolved. */
  parts(): Parts {
    return this.collector.parts();
  }

  private get collector(): PartCollector {
    let collector = collectors.get(this);
    if (!collector) collectors.set(this, (collector = new PartCollector()));
    return collector;
  }

  protected get zip(): PartCollector {
    return this.collector;
  }

  // The archive the constructor makes is not used.
  protected set zip(_archive: unknown) {}

  override addSharedStrings(): Promise<void> {
    if (this.strings.count) this.collector.append(this.strings.xml(), { name: 'xl/sharedStrings.xml' });
    return Promise.resolve();
  }

  protected _openStream(path: string): PartStream {
    const stream = new PartStream();
    this.collector.append(stream, { name: path });
    // ExcelJS waits for a sheet's part to be zipped before it finishes the package.
    stream.on('finish', () => stream.emit('zipped'));
    return stream;
  }
}

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { cleanText } from '../model/answerText';

/**
 * Opens a Word file (.docx) as far as this project reads it: the XML tree of word/document.xml.
 * A hostile or damaged file is refused in one line before it can use much time or memory: the
 * part's recorded size is checked before it is inflated, inflation stops at the limit whatever
 * the zip claims, its checksum is verified, and XML that declares entities, is malformed or is
 * nested deeper than any Word document is not parsed.
 */

export type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };
export type Opened = { readonly ok: true; readonly tree: XmlNode[] } | { readonly ok: false; readonly reason: string };

/** The most word/document.xml may inflate to: four times the file limit, where a collation's is a few MB. */
export const MAX_DOCUMENT_XML_BYTES = 40_000_000;
/** The deepest XML nesting read: body, table, row and cell are four levels, a run inside them a few more. */
export const MAX_XML_DEPTH = 100;

const NOT_DOCX = 'the file is not a Word document (.docx)';

export async function openDocx(bytes: Uint8Array): Promise<Opened> {
  let entry: JSZip.JSZipObject | null;
  try {
    // Reads the zip's directory only; no part is inflated yet.
    entry = (await JSZip.loadAsync(bytes)).file('word/document.xml');
  } catch {
    return { ok: false, reason: `${NOT_DOCX}: it could not be opened as one` };
  }
  if (!entry) return { ok: false, reason: `${NOT_DOCX}: it has no document body` };
  const recorded = (entry as unknown as JSZipInternals)._data;
  const recordedSize = recorded?.uncompressedSize ?? 0;
  if (recordedSize > MAX_DOCUMENT_XML_BYTES) return { ok: false, reason: tooLarge(`${megabytes(recordedSize)} MB`) };
  let xmlBytes: Uint8Array | null;
  try {
    xmlBytes = await inflateAtMost(entry, MAX_DOCUMENT_XML_BYTES);
  } catch {
    return { ok: false, reason: 'the file is damaged: its document text could not be unpacked' };
  }
  if (!xmlBytes) return { ok: false, reason: tooLarge(`more than ${megabytes(MAX_DOCUMENT_XML_BYTES)} MB`) };
  // Checked here, not with JSZip's checkCRC32, which inflates every part of the zip whatever its
  // size; only this part is read. JSZip keeps the recorded checksum as a signed 32-bit number.
  if (recorded?.crc32 !== undefined && crc32(xmlBytes) !== recorded.crc32 >>> 0) {
    return { ok: false, reason: 'the file is damaged: its document text fails the zip checksum, so its figures cannot be trusted' };
  }
  return parseXml(new TextDecoder().decode(xmlBytes));
}

function parseXml(xml: string): Opened {
  // Entities are declared only in a DOCTYPE; refusing both leaves nothing to expand.
  if (/<!(?:DOCTYPE|ENTITY)/i.test(xml)) return { ok: false, reason: 'the document declares XML entities, which a Word document never does' };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, reason: malformed(`line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`) };
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, processEntities: true, maxNestedTags: MAX_XML_DEPTH });
  try {
    return { ok: true, tree: parser.parse(xml) as XmlNode[] };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/nested/i.test(message)) return { ok: false, reason: `the document's XML is nested more than ${MAX_XML_DEPTH} levels deep (tables inside tables?); a Word document is far shallower` };
    return { ok: false, reason: malformed(message) };
  }
}

/** The validator's words can quote the document: cleaned of controls and cut short for a one-line message. */
function malformed(detail: string): string {
  const clean = cleanText(detail);
  return `the document's XML is malformed (${clean.length > 120 ? `${clean.slice(0, 117)}...` : clean})`;
}

function tooLarge(size: string): string {
  return `the document's text (word/document.xml) unpacks to ${size}; the limit is ${megabytes(MAX_DOCUMENT_XML_BYTES)} MB`;
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toLocaleString('en-GB', { maximumFractionDigits: 1 });
}

/** What JSZip offers beyond its type declarations: the zip directory's record of a part, and the part as a stream that can be stopped. */
interface JSZipInternals {
  readonly _data?: { readonly uncompressedSize?: number; readonly crc32?: number };
  internalStream(type: 'uint8array'): JSZipStream;
}
interface JSZipStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): JSZipStream;
  on(event: 'error', listener: (error: unknown) => void): JSZipStream;
  on(event: 'end', listener: () => void): JSZipStream;
  pause(): JSZipStream;
  resume(): JSZipStream;
}

/** The part's bytes, or null once they pass the limit: a zip can claim any size, so the count is kept while inflating. */
function inflateAtMost(entry: JSZip.JSZipObject, limit: number): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const stream = (entry as unknown as JSZipInternals).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        if (size > limit) return;
        size += chunk.length;
        if (size > limit) {
          stream.pause();
          resolve(null);
        } else chunks.push(chunk);
      })
      .on('error', reject)
      .on('end', () => {
        const out = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        resolve(out);
      })
      .resume();
  });
}

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** The zip checksum (CRC-32) of some bytes. */
function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

import archiver from 'archiver';
import { unzipSync } from 'fflate';

/** An .xlsx package's parts by name: bytes as written, or text put in their place. */
export type Parts = Map<string, Uint8Array | string>;

/** zlib's default level: the size Excel itself writes, in a fraction of a second for a large workbook. */
const LEVEL = 6;

/** The parts of a package written without compression (ExcelJS's output with compression STORE), in their order; folders are not parts. */
export function unpackStored(bytes: Uint8Array): Parts {
  return new Map(Object.entries(unzipSync(bytes)).filter(([name]) => !name.endsWith('/')));
}

/** A part as text (the XML parts are UTF-8). */
export function partText(parts: Parts, name: string): string | undefined {
  const part = parts.get(name);
  return part === undefined || typeof part === 'string' ? part : new TextDecoder().decode(part);
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
 * The part with `text` put before the last `marker` in it, worked on as bytes: a sheet of 10,000
 * respondents is tens of megabytes, and what is added goes at its end.
 */
export function insertBeforeLast(parts: Parts, name: string, marker: string, text: string): void {
  const part = parts.get(name);
  if (part === undefined) throw new Error(`the workbook has no part ${name}`);
  if (typeof part === 'string') {
    const at = part.lastIndexOf(marker);
    if (at < 0) throw new Error(`${name} has no ${marker}`);
    parts.set(name, part.slice(0, at) + text + part.slice(at));
    return;
  }
  const at = Buffer.from(part.buffer, part.byteOffset, part.byteLength).lastIndexOf(marker);
  if (at < 0) throw new Error(`${name} has no ${marker}`);
  parts.set(name, Buffer.concat([part.subarray(0, at), Buffer.from(text), part.subarray(at)]));
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

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unescapeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * The parts packed as the .xlsx, compressed by Node's own zlib through archiver. ExcelJS and JSZip
 * compress in JavaScript, which took a third of a 10,000-respondent run; zlib does it in native
 * code, off the main thread. Every part carries the run's date, so the same run writes the same
 * bytes.
 */
export async function packParts(parts: Parts, date: Date): Promise<Buffer> {
  const archive = archiver('zip', { zlib: { level: LEVEL } });
  const chunks: Buffer[] = [];
  archive.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    archive.on('end', resolve);
    archive.on('error', reject);
    archive.on('warning', reject);
  });
  for (const [name, part] of parts) {
    archive.append(typeof part === 'string' ? Buffer.from(part) : Buffer.from(part.buffer, part.byteOffset, part.byteLength), { name, date });
  }
  await archive.finalize();
  await ended;
  return Buffer.concat(chunks);
}

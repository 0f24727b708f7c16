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

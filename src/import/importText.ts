import type { Finding } from '../model/consultation';
import type { RoleOverrides } from '../model/questionRoles';
import { analyseConsultation, type Analysis } from '../model/responseAnalysis';
import { readAnnexText, type ReadResult } from './annexText';
import { decodeText } from './decodeText';

export interface ImportResult {
  readonly analysis: Analysis;
  /** The reader's findings and the analysis's, in one list for the Findings sheet and the task pane. */
  readonly findings: readonly Finding[];
  /** Why the document cannot be used at all (no tables, binary, empty); null when it can. */
  readonly fatal: string | null;
}

/** Collated text → consultation → parsed answers: the one import path the CLI and the task pane share. */
export function importText(text: string, sourceName: string, overrides: RoleOverrides = {}): ImportResult {
  return analyseRead(readAnnexText(text, sourceName), overrides);
}

/** A document's bytes, Word (.docx) or text in any of the encodings collations come in; with what was read, for re-analysis. */
export async function importDocument(bytes: Uint8Array, sourceName: string, overrides: RoleOverrides = {}): Promise<ImportResult & { readonly read: ReadResult }> {
  if (bytes.length > MAX_FILE_BYTES) {
    const read = readAnnexText('', sourceName);
    return { ...analyseRead(read, overrides, `the file is ${(bytes.length / 1e6).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1e6} MB (a collation is a few hundred kB)`), read };
  }
  if (isZip(bytes)) {
    // The Word reader (and its zip and XML libraries) loads only when a .docx is opened.
    const { readDocxCollation } = await import('./docxCollation');
    const read = await readDocxCollation(bytes, sourceName);
    return { ...analyseRead(read, overrides), read };
  }
  const decoded = decodeText(bytes);
  const read = readAnnexText(decoded.ok ? decoded.text : '', sourceName);
  return { ...analyseRead(read, overrides, decoded.ok ? undefined : decoded.reason), read };
}

/** The parsed answers of a read document, with the findings of both steps and what, if anything, makes it unusable. */
export function analyseRead(read: ReadResult, overrides: RoleOverrides, refusal?: string): ImportResult {
  const analysis = analyseConsultation(read.consultation, overrides);
  const findings = [...read.findings, ...analysis.findings];
  const fatal =
    refusal ??
    (read.consultation.respondents.length === 0
      ? (read.findings.find((f) => f.severity === 'error')?.message ?? 'no respondents found')
      : (analysis.findings.find((f) => f.severity === 'error')?.message ?? null));
  return { analysis, findings, fatal };
}

/** Larger files are refused before they are read. */
export const MAX_FILE_BYTES = 10_000_000;

/** A .docx is a zip: it starts "PK\x03\x04". */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

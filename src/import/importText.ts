import type { Finding } from '../model/consultation';
import type { RoleOverrides } from '../model/questionRoles';
import { analyseConsultation, type Analysis } from '../model/responseAnalysis';
import { readAnnexText, type ReadResult } from './annexText';
import { decodeText } from './decodeText';
import { looksLikeResponseForm, readResponseForms } from './responseForms';

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

export interface DocumentFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Documents as they arrive: one collated Annex (Word .docx or text in any of the encodings
 * collations come in), or one or more individual response forms, which are collated. Returns
 * what was read too, for re-analysis with other question choices.
 */
export async function importDocuments(files: readonly DocumentFile[], overrides: RoleOverrides = {}): Promise<ImportResult & { readonly read: ReadResult }> {
  const name = files.map((f) => f.name).join(', ');
  const texts: Array<{ sourceName: string; text: string }> = [];
  for (const file of files) {
    const text = await documentText(file);
    if (!text.ok) {
      const read = readAnnexText('', name);
      return { ...analyseRead(read, overrides, `${files.length > 1 ? `${file.name}: ` : ''}${text.reason}`), read };
    }
    texts.push({ sourceName: file.name, text: text.text });
  }
  const read = texts.length === 1 && !looksLikeResponseForm(texts[0]!.text) ? readAnnexText(texts[0]!.text, name) : readResponseForms(texts);
  return { ...analyseRead(read, overrides), read };
}

/** One document's text in the collated layout; a Word file is laid out from its XML. */
async function documentText(file: DocumentFile): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  if (file.bytes.length > MAX_FILE_BYTES) return { ok: false, reason: `the file is ${(file.bytes.length / 1e6).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1e6} MB (a collation is a few hundred kB)` };
  if (isZip(file.bytes)) {
    // The Word reader (and its zip and XML libraries) loads only when a .docx is opened.
    const { docxAsCollatedText } = await import('./docxCollation');
    return docxAsCollatedText(file.bytes);
  }
  const decoded = decodeText(file.bytes);
  return decoded.ok ? { ok: true, text: decoded.text } : decoded;
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

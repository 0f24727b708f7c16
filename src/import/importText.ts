import type { Finding } from '../model/consultation';
import type { RoleOverrides } from '../model/questionRoles';
import { combineConsultations } from '../model/combineConsultations';
import type { Analysis } from '../model/responseAnalysis';
import { readAnnexText, type ReadResult } from './annexText';
import { decodeText } from './decodeText';
import { looksLikeResponseForm, readResponseForms } from './responseForms';

/** The most respondents a model is built for: beyond it the workbook and report outgrow the memory a run may use. */
export const MAX_RESPONDENTS = 10_000;

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
export async function importDocuments(files: readonly DocumentFile[], choices: AnalysisChoices = {}): Promise<ImportResult & { readonly reads: readonly ReadResult[] }> {
  const name = files.map((f) => f.name).join(', ');
  const texts: Array<{ sourceName: string; text: string; findings: readonly Finding[] }> = [];
  for (const file of files) {
    const text = await documentText(file);
    if (!text.ok) {
      const reads = [readAnnexText('', name)];
      return { ...analyseRead(reads, choices, `${files.length > 1 ? `${file.name}: ` : ''}${text.reason}`), reads };
    }
    texts.push({ sourceName: file.name, text: text.text, findings: text.findings ?? [] });
  }
  // Several collations are consultations of one modification, earliest first; otherwise forms are collated.
  const collations = texts.every((t) => !looksLikeResponseForm(t.text));
  const reads = collations
    ? texts.map((t) => withFindings(readAnnexText(t.text, t.sourceName), t.findings))
    : [withFindings(readResponseForms(texts), texts.flatMap((t) => (texts.length > 1 ? t.findings.map((f) => ({ ...f, message: `${t.sourceName}: ${f.message}` })) : t.findings)))];
  return { ...analyseRead(reads, choices), reads };
}

/** A read with the findings of laying its Word file out (parts not read), in line order. */
function withFindings(read: ReadResult, findings: readonly Finding[]): ReadResult {
  return findings.length === 0 ? read : { ...read, findings: [...findings, ...read.findings].sort((a, b) => a.line - b.line) };
}

/** The question choices, and whether a later consultation's answers supersede an earlier one's. */
export type AnalysisChoices = RoleOverrides & { readonly laterSupersedes?: boolean };

/** One document's text in the collated layout; a Word file is laid out from its XML. */
async function documentText(file: DocumentFile): Promise<{ ok: true; text: string; findings?: readonly Finding[] } | { ok: false; reason: string }> {
  if (file.bytes.length > MAX_FILE_BYTES) return { ok: false, reason: `the file is ${(file.bytes.length / 1e6).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1e6} MB (a collation is a few hundred kB)` };
  if (isZip(file.bytes)) {
    // The Word reader (and its zip and XML libraries) loads only when a .docx is opened.
    const { docxAsCollatedText } = await import('./docxCollation');
    return docxAsCollatedText(file.bytes);
  }
  const decoded = decodeText(file.bytes);
  return decoded.ok ? { ok: true, text: decoded.text } : decoded;
}

/**
 * The parsed answers of what was read (one document, or several consultations earliest first),
 * with the findings of both steps and what, if anything, makes it unusable.
 */
export function analyseRead(read: ReadResult | readonly ReadResult[], choices: AnalysisChoices = {}, refusal?: string): ImportResult {
  const reads: readonly ReadResult[] = 'consultation' in read ? [read] : read;
  const { laterSupersedes = false, ...overrides } = choices;
  const analysis = combineConsultations(
    reads.map((r) => r.consultation),
    laterSupersedes,
    overrides,
  );
  const readFindings = reads.flatMap((r) => (reads.length > 1 ? r.findings.map((f) => ({ ...f, message: `${r.consultation.source.name}: ${f.message}` })) : r.findings));
  const findings = [...readFindings, ...analysis.findings];
  const empty = reads.find((r) => r.consultation.respondents.length === 0);
  const tooMany = analysis.results.length > MAX_RESPONDENTS ? `the document has ${analysis.results.length.toLocaleString('en-GB')} respondents; the limit is ${MAX_RESPONDENTS.toLocaleString('en-GB')} (a consultation has a few hundred at most)` : null;
  const fatal =
    refusal ??
    tooMany ??
    (empty
      ? `${reads.length > 1 ? `${empty.consultation.source.name}: ` : ''}${empty.findings.find((f) => f.severity === 'error')?.message ?? 'no respondents found'}`
      : (analysis.findings.find((f) => f.severity === 'error')?.message ?? null));
  return { analysis, findings, fatal };
}

/** Larger files are refused before they are read. */
export const MAX_FILE_BYTES = 10_000_000;

/** A .docx is a zip: it starts "PK\x03\x04". */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

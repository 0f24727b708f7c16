import type { Finding } from '../model/consultation';
import type { RoleOverrides } from '../model/questionRoles';
import { analyseConsultation, type Analysis } from '../model/responseAnalysis';
import { readAnnexText } from './annexText';

export interface ImportResult {
  readonly analysis: Analysis;
  /** The reader's findings and the analysis's, in one list for the Findings sheet and the task pane. */
  readonly findings: readonly Finding[];
  /** Why the document cannot be used at all (no tables, binary, empty); null when it can. */
  readonly fatal: string | null;
}

/** Collated text → consultation → parsed answers: the one import path the CLI and the task pane share. */
export function importText(text: string, sourceName: string, overrides: RoleOverrides = {}): ImportResult {
  const read = readAnnexText(text, sourceName);
  const analysis = analyseConsultation(read.consultation, overrides);
  const findings = [...read.findings, ...analysis.findings];
  const fatal =
    read.consultation.respondents.length === 0
      ? (read.findings.find((f) => f.severity === 'error')?.message ?? 'no respondents found')
      : (analysis.findings.find((f) => f.severity === 'error')?.message ?? null);
  return { analysis, findings, fatal };
}

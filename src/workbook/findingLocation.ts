import type { Consultation, Finding } from '../model/consultation';
import { columnLetters } from './plan';
import { FINDINGS_SHEET, RESPONSES_SHEET } from './responseSheets';

/**
 * Where a finding is best seen in the workbook: the answer row on Responses that holds its source
 * line, or else its own row on Findings. Both sheets hold one table from A1, a row per item.
 */
export function findingLocation(consultation: Consultation, findings: readonly Finding[], index: number): { sheet: string; address: string } {
  const finding = findings[index]!;
  const answer = finding.line > 0 ? consultation.answers.findIndex((a) => finding.line >= a.source.firstLine && finding.line <= a.source.lastLine) : -1;
  if (answer >= 0) return { sheet: RESPONSES_SHEET, address: `A${answer + 2}:${columnLetters(5)}${answer + 2}` };
  return { sheet: FINDINGS_SHEET, address: `A${index + 2}:D${index + 2}` };
}

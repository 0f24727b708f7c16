import type { Finding } from '../model/consultation';
import type { Analysis } from '../model/responseAnalysis';
import { lines } from './costSheets';
import { col, num, SheetCursor, text, type SheetPlan } from './plan';

export const RESPONSES_SHEET = 'Responses';
export const FINDINGS_SHEET = 'Findings';

/** Column positions in the Responses table: further columns (extra headings) follow Rationale, and Source lines is last. */
export const RESPONSES = { rowId: 0, respondent: 1, category: 2, question: 3, response: 4, rationale: 5, firstExtra: 6 } as const;

/** Every answer to every question, with the source lines it came from. */
export function responsesSheet(analysis: Analysis): SheetPlan {
  const { consultation } = analysis;
  const nameOf = new Map(consultation.respondents.map((r) => [r.id, r]));
  const extraHeadings = [...new Set(consultation.answers.flatMap((a) => Object.keys(a.extra)))];
  const p = new SheetCursor(RESPONSES_SHEET).place(consultation.answers.length, undefined, 'tblResponses', [
    col('Row id', 'text', 16),
    col('Respondent', 'text', 28),
    col('Category', 'text', 18),
    col('Question', 'integer', 10),
    col('Response', 'text', 24),
    col('Rationale', 'text', 60),
    ...extraHeadings.map((h) => col(h, 'text', 30)),
    col('Source lines', 'text', 12),
  ]);
  return {
    name: RESPONSES_SHEET,
    tables: [
      p.table(
        consultation.answers.map((a) => {
          const r = nameOf.get(a.respondentId);
          return [
            text(`q${a.question}-${a.respondentId}`),
            text(r?.name ?? a.respondentId),
            text(r?.category ?? ''),
            num(a.question),
            text(a.response),
            text(a.rationale),
            ...extraHeadings.map((h) => text(a.extra[h] ?? '')),
            text(lines(a.source)),
          ];
        }),
      ),
    ],
  };
}

/** Everything the import could not take at face value. */
export function findingsSheet(findings: readonly Finding[]): SheetPlan {
  const p = new SheetCursor(FINDINGS_SHEET).place(findings.length, undefined, 'tblFindings', [
    col('Severity', 'text', 10),
    col('Line', 'integer', 8),
    col('Text', 'text', 40),
    col('Finding', 'text', 80),
  ]);
  return {
    name: FINDINGS_SHEET,
    tables: [p.table(findings.map((f) => [text(f.severity), f.line > 0 ? num(f.line) : text(''), text(f.text), text(f.message)]))],
  };
}

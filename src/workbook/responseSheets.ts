import type { Finding, SourceSpan } from '../model/consultation';
import { costRange } from '../model/costAnswer';
import { leadTimeRange } from '../model/leadTimeAnswer';
import type { Analysis, RespondentResult } from '../model/responseAnalysis';
import { col, num, text, type Cell, type Column, type SheetPlan, type WorkbookPlan } from './plan';

/** Sheet names the add-in owns; the task pane and the CLI write the same ones. */
export const SHEET_NAMES = {
  responses: 'Responses',
  costs: 'Costs',
  leadTimes: 'Lead times',
  findings: 'Findings',
} as const;

/** Responses, Costs, Lead times and Findings: every answer with its source, and every parsed value. */
export function buildResponsePlan(analysis: Analysis, findings: readonly Finding[]): WorkbookPlan {
  const { consultation } = analysis;
  const nameOf = new Map(consultation.respondents.map((r) => [r.id, r]));
  const extraHeadings = [...new Set(consultation.answers.flatMap((a) => Object.keys(a.extra)))];

  const responses: SheetPlan = {
    name: SHEET_NAMES.responses,
    tables: [{
      name: 'tblResponses',
      columns: [
        col('Row id', 'text', 16),
        col('Respondent', 'text', 28),
        col('Category', 'text', 18),
        col('Question', 'integer', 10),
        col('Response', 'text', 24),
        col('Rationale', 'text', 60),
        ...extraHeadings.map((h) => col(h, 'text', 30)),
        col('Source lines', 'text', 12),
      ],
      rows: consultation.answers.map((a) => {
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
    }],
  };

  const costs = parsedValueSheet(SHEET_NAMES.costs, 'tblCosts', [col('Low £', 'gbp', 12), col('High £', 'gbp', 12)], analysis, (r) => {
    const range = costRange(r.cost);
    return { answer: r.cost, low: range?.low, high: range?.high, source: r.costSource };
  });
  const leadTimes = parsedValueSheet(SHEET_NAMES.leadTimes, 'tblLeadTimes', [col('Min months', 'months', 11), col('Max months', 'months', 11)], analysis, (r) => {
    const range = leadTimeRange(r.leadTime);
    return { answer: r.leadTime, low: range?.min, high: range?.max, source: r.leadTimeSource };
  });

  const findingSheet: SheetPlan = {
    name: SHEET_NAMES.findings,
    tables: [{
      name: 'tblFindings',
      columns: [col('Severity', 'text', 10), col('Line', 'integer', 8), col('Text', 'text', 40), col('Finding', 'text', 80)],
      rows: findings.map((f) => [text(f.severity), f.line > 0 ? num(f.line) : text(''), text(f.text), text(f.message)]),
    }],
  };

  return { sheets: [responses, costs, leadTimes, findingSheet] };
}

interface ParsedValue {
  readonly answer: { readonly text: string; readonly kind: string; readonly flag?: string };
  readonly low: number | null | undefined;
  readonly high: number | null | undefined;
  readonly source: SourceSpan | null;
}

/** A sheet of one parsed value per respondent: the answer as written, its kind, its two figures and flag. */
function parsedValueSheet(
  name: string,
  tableName: string,
  figures: readonly [Column, Column],
  analysis: Analysis,
  pick: (r: RespondentResult) => ParsedValue,
): SheetPlan {
  return {
    name,
    tables: [{
      name: tableName,
      columns: [
        col('Row id', 'text', 16),
        col('Respondent', 'text', 28),
        col('Category', 'text', 18),
        col('Answer', 'text', 28),
        col('Kind', 'text', 16),
        ...figures,
        col('Flag', 'text', 40),
        col('Source lines', 'text', 12),
      ],
      rows: analysis.results.map((r): Cell[] => {
        const { answer, low, high, source } = pick(r);
        return [
          text(r.respondent.id),
          text(r.respondent.name),
          text(r.respondent.category),
          text(answer.text),
          text(answer.kind),
          num(low),
          num(high),
          text(answer.flag ?? ''),
          text(source ? lines(source) : ''),
        ];
      }),
    }],
  };
}

function lines(span: SourceSpan): string {
  return span.firstLine === span.lastLine ? String(span.firstLine) : `${span.firstLine}–${span.lastLine}`;
}

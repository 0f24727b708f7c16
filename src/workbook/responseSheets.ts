import type { Finding, SourceSpan } from '../model/consultation';
import { costRange } from '../model/costAnswer';
import { leadTimeRange } from '../model/leadTimeAnswer';
import type { Analysis } from '../model/responseAnalysis';
import { num, text, type Cell, type Column, type SheetPlan, type WorkbookPlan } from './plan';

/** Sheet names the add-in owns; the task pane and the CLI write the same ones. */
export const SHEET_NAMES = {
  responses: 'Responses',
  costs: 'Costs',
  leadTimes: 'Lead times',
  findings: 'Findings',
} as const;

const col = (header: string, format: Column['format'], width: number): Column => ({ header, format, width });

/** Responses, Costs, Lead times and Findings: every answer with its source, and every parsed value. */
export function buildResponsePlan(analysis: Analysis, findings: readonly Finding[]): WorkbookPlan {
  const { consultation } = analysis;
  const nameOf = new Map(consultation.respondents.map((r) => [r.id, r]));
  const extraHeadings = [...new Set(consultation.answers.flatMap((a) => Object.keys(a.extra)))];

  const responses: SheetPlan = {
    name: SHEET_NAMES.responses,
    table: {
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
    },
  };

  const costs: SheetPlan = {
    name: SHEET_NAMES.costs,
    table: {
      name: 'tblCosts',
      columns: [
        col('Row id', 'text', 16),
        col('Respondent', 'text', 28),
        col('Category', 'text', 18),
        col('Answer', 'text', 24),
        col('Kind', 'text', 14),
        col('Low £', 'gbp', 12),
        col('High £', 'gbp', 12),
        col('Flag', 'text', 40),
        col('Source lines', 'text', 12),
      ],
      rows: analysis.results.map(({ respondent, cost, costSource }): Cell[] => {
        const range = costRange(cost);
        return [
          text(respondent.id),
          text(respondent.name),
          text(respondent.category),
          text(cost.text),
          text(cost.kind),
          num(range?.low),
          num(range?.high),
          text(cost.flag ?? ''),
          text(costSource ? lines(costSource) : ''),
        ];
      }),
    },
  };

  const leadTimes: SheetPlan = {
    name: SHEET_NAMES.leadTimes,
    table: {
      name: 'tblLeadTimes',
      columns: [
        col('Row id', 'text', 16),
        col('Respondent', 'text', 28),
        col('Category', 'text', 18),
        col('Answer', 'text', 28),
        col('Kind', 'text', 16),
        col('Min months', 'months', 11),
        col('Max months', 'months', 11),
        col('Flag', 'text', 40),
        col('Source lines', 'text', 12),
      ],
      rows: analysis.results.map(({ respondent, leadTime, leadTimeSource }): Cell[] => {
        const range = leadTimeRange(leadTime);
        return [
          text(respondent.id),
          text(respondent.name),
          text(respondent.category),
          text(leadTime.text),
          text(leadTime.kind),
          num(range?.min),
          num(range?.max),
          text(leadTime.flag ?? ''),
          text(leadTimeSource ? lines(leadTimeSource) : ''),
        ];
      }),
    },
  };

  const findingSheet: SheetPlan = {
    name: SHEET_NAMES.findings,
    table: {
      name: 'tblFindings',
      columns: [col('Severity', 'text', 10), col('Line', 'integer', 8), col('Text', 'text', 40), col('Finding', 'text', 80)],
      rows: findings.map((f) => [text(f.severity), f.line > 0 ? num(f.line) : text(''), text(f.text), text(f.message)]),
    },
  };

  return { sheets: [responses, costs, leadTimes, findingSheet] };
}

function lines(span: SourceSpan): string {
  return span.firstLine === span.lastLine ? String(span.firstLine) : `${span.firstLine}–${span.lastLine}`;
}

import { addLeadTime, RELEASE_RULE } from '../model/calendarDates';
import type { ModelAssumptions, ModelResult } from '../model/costModel';
import { A } from './assumptionsSheet';
import { LEAD, readyByFormula } from './costSheets';
import { add, call, concat, eq, gt, iff, mul, num as n, str, sub, type Expr } from './formula';
import { col, excelSerial, formula, SheetCursor, text, type Cell, type DefinedName, type Placement, type SheetPlan } from './plan';

export const TIMELINE_SHEET = 'Timeline';

const GOVERNED_BY_TEXT = { respondents: 'respondents', dcc: 'DCC lead time', notice: 'minimum notice', none: 'nothing' } as const;

/**
 * The implementation timeline as live formulas: the lead time covering the chosen share of
 * respondents (from the Lead times sheet), the DCC lead time and notice, the ready date, and the
 * first release in the calendar on or after it and any release a respondent named.
 */
export function timelineSheet(a: ModelAssumptions, model: ModelResult, leadTimes: Placement, releases: Placement): { sheet: SheetPlan; names: DefinedName[] } {
  const t = model.timeline;
  const decision = a.timeline.decisionDate;
  const cursor = new SheetCursor(TIMELINE_SHEET);
  const summary = cursor.place(10, 'Implementation timeline');
  const milestones = cursor.place(5, 'Milestones (for a Gantt chart: start and days)');

  const v = (i: number) => summary.cell(1, i);
  const months = leadTimes.column(LEAD.months);
  const releaseColumn = releases.column(0);
  const respondentsMonths = t.respondentMonths;
  const notBefore = [t.readyDate, ...t.respondents.filter((r) => r.status === 'named-release' && r.readyBy).map((r) => r.readyBy!)].sort().pop()!;
  const serial = (d: string | null) => (d === null ? 'none in the calendar' : excelSerial(d));
  const rows: Cell[][] = [
    [text('Decision date'), formula(A.decisionDate, excelSerial(decision), 'date')],
    [
      text("Respondents' lead time (months)"),
      formula(call('IFERROR', call('SMALL', months, call('MAX', n(1), call('ROUNDUP', mul(A.coverageShare, call('COUNT', months)), n(0)))), n(0)), respondentsMonths, 'months'),
    ],
    [text('DCC lead time (months)'), formula(A.dccLeadTime, a.timeline.dccLeadTimeMonths, 'months')],
    [text('Minimum notice (months)'), formula(A.noticeMonths, a.timeline.minimumNoticeMonths, 'months')],
    [text('Required lead time (months)'), formula(call('MAX', v(1), v(2), v(3)), t.requiredMonths, 'months')],
    [text('Ready by'), formula(readyByFormula(v(4)), excelSerial(t.readyDate), 'date')],
    [text('Not before (with releases respondents named)'), formula(call('MAX', v(5), call('MAX', leadTimes.column(LEAD.namedRelease))), excelSerial(notBefore), 'date')],
    [
      text('Earliest feasible release'),
      formula(
        iff(gt(call('COUNTIF', releaseColumn, concat(str('>='), v(6))), n(0)), call('INDEX', releaseColumn, add(call('COUNTIF', releaseColumn, concat(str('<'), v(6))), n(1))), str('none in the calendar')),
        serial(t.earliestRelease),
        'date',
      ),
    ],
    [text('Target release'), formula(iff(call('ISNUMBER', A.proposedRelease), A.proposedRelease, v(7)), serial(t.targetRelease), 'date')],
    [
      text('Set by'),
      formula(
        iff(eq(v(4), n(0)), str(GOVERNED_BY_TEXT.none), iff(eq(v(1), v(4)), str(GOVERNED_BY_TEXT.respondents), iff(eq(v(2), v(4)), str(GOVERNED_BY_TEXT.dcc), str(GOVERNED_BY_TEXT.notice)))),
        GOVERNED_BY_TEXT[t.governedBy],
      ),
    ],
  ];

  const end = (monthsExpr: Expr, m: number) => formula(readyByFormula(monthsExpr), excelSerial(addLeadTime(decision, m)), 'date');
  const start = (): Cell => formula(A.decisionDate, excelSerial(decision), 'date');
  // A release the calendar cannot supply is text, so its length is 0 rather than an error.
  const days = (i: number, value: number): Cell => formula(call('IFERROR', call('MAX', n(0), sub(milestones.cell(2, i), milestones.cell(1, i))), n(0)), value, 'integer');
  const dayCount = (from: string, to: string) => Math.max(0, excelSerial(to) - excelSerial(from));
  const target = t.targetRelease;
  const milestoneRows: Cell[][] = [
    [text('Decision'), start(), start(), days(0, 0)],
    [text('DCC build and test'), start(), end(A.dccLeadTime, a.timeline.dccLeadTimeMonths), days(1, dayCount(decision, addLeadTime(decision, a.timeline.dccLeadTimeMonths)))],
    [text('Parties implement'), start(), end(v(1), respondentsMonths), days(2, dayCount(decision, addLeadTime(decision, respondentsMonths)))],
    [text('Notice period'), start(), end(A.noticeMonths, a.timeline.minimumNoticeMonths), days(3, dayCount(decision, addLeadTime(decision, a.timeline.minimumNoticeMonths)))],
    [text('Release'), formula(v(8), serial(target), 'date'), formula(v(8), serial(target), 'date'), days(4, 0)],
  ];
  return {
    names: [
      { name: 'TargetRelease', sheet: TIMELINE_SHEET, row: summary.headerRow + 1 + 8, col: 1 },
      { name: 'ReadyDate', sheet: TIMELINE_SHEET, row: summary.headerRow + 1 + 5, col: 1 },
    ],
    sheet: {
      name: TIMELINE_SHEET,
      tables: [
        summary.table({ name: 'tblTimelineSummary', columns: [col('Item', 'text', 44), col('Value', 'text', 16)], rows }),
        milestones.table({ name: 'tblMilestones', columns: [col('Milestone', 'text', 44), col('Start', 'date', 16), col('End', 'date', 14), col('Days', 'integer', 8)], rows: milestoneRows }),
      ],
      charts: [
        {
          title: 'Implementation timeline',
          kind: 'gantt',
          table: 'tblMilestones',
          categoryColumn: 0,
          seriesColumns: [1, 3],
          numberFormat: 'mmm yyyy',
          axisMin: excelSerial(decision),
          at: { row: 0, col: 5 },
          size: { cols: 9, rows: 16 },
        },
      ],
      notes: [RELEASE_RULE, 'Each respondent’s ready-by date is on the Lead times sheet; the release calendar is on the Assumptions sheet.'],
    },
  };
}

import { basisText, type ResultBasis } from '../model/basis';
import { addLeadTime, excelSerial, RELEASE_RULE, type IsoDate } from '../model/calendarDates';
import type { ModelAssumptions, ModelResult } from '../model/costModel';
import { GOVERNED_BY_TEXT } from '../model/timeline';
import { A, RELEASES, type AssumptionRefs } from './assumptionsSheet';
import { LEAD, readyByFormula } from './costSheets';
import { add, addMonths, call, concat, div, eq, gt, iff, mul, name, num as n, str, sub, type Expr } from './formula';
import { col, formula, SheetCursor, text, type Cell, type DefinedName, type Placement, type SheetPlan } from './plan';

export const TIMELINE_SHEET = 'Timeline';

export const NO_RELEASE = 'none in the calendar';

/** A milestone with no length is drawn this many months wide, so it shows on the chart. */
export const MILESTONE_MARK_MONTHS = 0.25;
const DAYS_PER_MONTH = 365.25 / 12;

/** latestStart (model/calendarDates.ts) as a formula: the days taken off, then the months. */
function latestStartFormula(date: Expr, months: Expr): Expr {
  const whole = call('INT', months);
  return addMonths(sub(date, call('ROUND', mul(sub(months, whole), A.daysPerMonth), n(0))), sub(n(0), whole));
}

/**
 * The implementation timeline as live formulas: the lead time covering the chosen share of
 * respondents (from the Lead times sheet), the DCC lead time and notice, the ready date, and the
 * first release in the calendar on or after it and any later release a respondent named; then the
 * milestones in months from the decision, which the Gantt chart draws, so its axis follows them.
 */
export function timelineSheet(
  a: ModelAssumptions,
  model: ModelResult,
  basis: ResultBasis,
  basisCell: Expr,
  leadTimes: Placement,
  refs: AssumptionRefs,
): { sheet: SheetPlan; names: DefinedName[]; summary: Placement } {
  const t = model.timeline;
  const decision = a.timeline.decisionDate;
  const cursor = new SheetCursor(TIMELINE_SHEET);
  const summary = cursor.place(14, 'Implementation timeline', 'tblTimelineSummary', [col('Item', 'text', 44), col('Value', 'text', 16)]);
  const milestones = cursor.place(5, 'Milestones, in months from the decision date (the chart draws these)', 'tblMilestones', [
    col('Milestone', 'text', 44),
    col('Start', 'date', 16),
    col('End', 'date', 14),
    col('Starts after (months)', 'months', 12),
    col('Lasts (months)', 'months', 12),
    col('Bar (months)', 'months', 12),
  ]);

  const v = (i: number) => summary.cell(1, i);
  const months = leadTimes.column(LEAD.months);
  const releaseColumn = refs.releases.column(RELEASES.date);
  const notBefore = [t.readyDate, ...t.respondents.filter((r) => r.status === 'named-release' && r.readyBy).map((r) => r.readyBy!)].sort().pop()!;
  const serial = (d: string | null) => (d === null ? NO_RELEASE : excelSerial(d));
  const rows: Cell[][] = [
    [text('Decision date'), formula(A.decisionDate, excelSerial(decision), 'date')],
    [
      text("Respondents' lead time (months)"),
      formula(iff(eq(call('COUNT', months), n(0)), n(0), call('SMALL', months, call('MAX', n(1), call('ROUNDUP', mul(A.coverageShare, call('COUNT', months)), n(0))))), t.respondentMonths, 'months'),
    ],
    [text('DCC lead time (months)'), formula(A.dccLeadTime, a.timeline.dccLeadTimeMonths, 'months')],
    [text('Minimum notice (months)'), formula(A.noticeMonths, a.timeline.minimumNoticeMonths, 'months')],
    [text('Required lead time (months)'), formula(call('MAX', v(1), v(2), v(3)), t.requiredMonths, 'months')],
    [text('Ready by'), formula(readyByFormula(v(4)), excelSerial(t.readyDate), 'date')],
    [text('Not before (with later releases respondents named)'), formula(call('MAX', v(5), call('MAX', leadTimes.column(LEAD.namedCounted))), excelSerial(notBefore), 'date')],
    [
      text('Earliest feasible release'),
      formula(
        iff(gt(call('COUNTIF', releaseColumn, concat(str('>='), v(6))), n(0)), call('INDEX', releaseColumn, add(call('COUNTIF', releaseColumn, concat(str('<'), v(6))), n(1))), str(NO_RELEASE)),
        serial(t.earliestRelease),
        'date',
      ),
    ],
    [text('Target release (ProposedRelease, else the earliest feasible)'), formula(iff(call('ISNUMBER', A.proposedRelease), A.proposedRelease, v(7)), serial(t.targetRelease), 'date')],
    [
      text('Set by'),
      formula(
        iff(eq(v(4), n(0)), str(GOVERNED_BY_TEXT.none), iff(eq(v(1), v(4)), str(GOVERNED_BY_TEXT.respondents), iff(eq(v(2), v(4)), str(GOVERNED_BY_TEXT.dcc), str(GOVERNED_BY_TEXT.notice)))),
        GOVERNED_BY_TEXT[t.governedBy],
      ),
    ],
    [text('Basis'), formula(basisCell, basisText(basis.timeline))],
    [
      text('Decision needed by (for the target release)'),
      formula(iff(call('ISNUMBER', v(8)), latestStartFormula(v(8), v(4)), str(NO_RELEASE)), serial(t.decisionBy), 'date'),
    ],
    [
      text('Fallback release (if the decision comes later)'),
      formula(
        iff(
          call('ISNUMBER', v(8)),
          iff(gt(call('COUNTIF', releaseColumn, concat(str('>'), v(8))), n(0)), call('INDEX', releaseColumn, add(call('COUNTIF', releaseColumn, concat(str('<='), v(8))), n(1))), str(NO_RELEASE)),
          str(NO_RELEASE),
        ),
        serial(t.fallbackRelease),
        'date',
      ),
    ],
    [text('Respondents not ready for the target release'), formula(call('COUNTIF', leadTimes.column(LEAD.ready), str('no')), t.notReady.length, 'integer')],
  ];

  // Milestones: dates, then months from the decision; a release the calendar cannot supply is text, and draws nothing.
  const m = (k: number, i: number) => milestones.cell(k, i);
  const monthsAfter = (d: Expr) => iff(call('ISNUMBER', d), div(sub(d, A.decisionDate), A.daysPerMonth), n(0));
  const monthsOf = (from: string, to: string | null) => (to === null ? 0 : (excelSerial(to) - excelSerial(from)) / DAYS_PER_MONTH);
  const target = t.targetRelease;
  // label, start, end (formulas and values), and whether it is a point in time drawn as a mark.
  const spans: ReadonlyArray<readonly [string, Expr, Expr, IsoDate, IsoDate | null, boolean]> = [
    ['Decision', A.decisionDate, A.decisionDate, decision, decision, true],
    ['DCC build and test', A.decisionDate, readyByFormula(A.dccLeadTime), decision, addLeadTime(decision, a.timeline.dccLeadTimeMonths), false],
    ['Parties implement', A.decisionDate, readyByFormula(v(1)), decision, addLeadTime(decision, t.respondentMonths), false],
    ['Notice period', A.decisionDate, readyByFormula(A.noticeMonths), decision, addLeadTime(decision, a.timeline.minimumNoticeMonths), false],
    ['Target release', v(8), v(8), target ?? decision, target, true],
  ];
  const milestoneRows: Cell[][] = spans.map(([label, start, end, startValue, endValue, point], i) => {
    const startsAfter = target === null && i === 4 ? 0 : monthsOf(decision, startValue);
    const lasts = endValue === null ? 0 : monthsOf(startValue, endValue);
    return [
      text(label),
      formula(start, i === 4 ? serial(target) : excelSerial(startValue), 'date'),
      formula(end, endValue === null ? NO_RELEASE : excelSerial(endValue), 'date'),
      formula(monthsAfter(m(1, i)), startsAfter),
      formula(iff(call('AND', call('ISNUMBER', m(1, i)), call('ISNUMBER', m(2, i))), div(sub(m(2, i), m(1, i)), A.daysPerMonth), n(0)), lasts),
      point
        ? formula(iff(call('ISNUMBER', m(1, i)), call('MAX', m(4, i), name('MilestoneMarkMonths')), n(0)), endValue === null ? 0 : Math.max(lasts, MILESTONE_MARK_MONTHS))
        : formula(m(4, i), lasts),
    ];
  });
  return {
    summary,
    names: [
      { name: 'TargetRelease', sheet: TIMELINE_SHEET, row: summary.headerRow + 1 + 8, col: 1, description: 'Result: the target SEC release' },
      { name: 'ReadyDate', sheet: TIMELINE_SHEET, row: summary.headerRow + 1 + 5, col: 1, description: 'Result: the date every counted party would be ready' },
      { name: 'EarliestRelease', sheet: TIMELINE_SHEET, row: summary.headerRow + 1 + 7, col: 1, description: 'Result: the earliest feasible SEC release' },
    ],
    sheet: {
      name: TIMELINE_SHEET,
      tables: [summary.table(rows), milestones.table(milestoneRows)],
      charts: [
        {
          title: 'Implementation timeline (months from the decision date)',
          kind: 'gantt',
          table: 'tblMilestones',
          categoryColumn: 0,
          seriesColumns: [3, 5],
          numberFormat: '0',
          at: { row: 0, col: 7 },
          size: { cols: 9, rows: 16 },
        },
      ],
      notes: [
        RELEASE_RULE,
        'Each respondent’s ready-by date is on the Lead times sheet; the release calendar is on the Assumptions sheet.',
        `The chart measures months from the decision date; a point in time (the decision, the release) is drawn ${MILESTONE_MARK_MONTHS} of a month wide so it shows; a period of no length is not drawn.`,
      ],
    },
  };
}

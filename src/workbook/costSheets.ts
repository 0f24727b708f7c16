import type { SourceSpan } from '../model/consultation';
import { addLeadTime } from '../model/calendarDates';
import type { ModelAssumptions, ModelResult } from '../model/costModel';
import { costRange } from '../model/costAnswer';
import { leadTimeRange } from '../model/leadTimeAnswer';
import { PAST_RELEASE, releaseDate } from '../model/timeline';
import { respondentCosts } from '../model/respondentTotals';
import type { Analysis } from '../model/responseAnalysis';
import { A } from './assumptionsSheet';
import { add, addMonths, call, div, ge, gt, iff, le, mul, name, num as n, rowCell, str, sub, type Expr } from './formula';
import { col, date, excelSerial, filledFormula, num, SheetCursor, text, type FilledColumn, type Placement, type SheetPlan, type Validation } from './plan';

export const COSTS_SHEET = 'Costs';
export const LEAD_TIMES_SHEET = 'Lead times';

/** Column positions formulas elsewhere, and the reader, refer to. */
export const COSTS = {
  rowId: 0,
  name: 1,
  category: 2,
  answer: 3,
  kind: 4,
  parsedLow: 5,
  parsedHigh: 6,
  overrideLow: 7,
  overrideHigh: 8,
  low: 9,
  high: 10,
  central: 11,
  figure: 12,
  parsedOngoingLow: 13,
  parsedOngoingHigh: 14,
  overrideOngoingLow: 15,
  overrideOngoingHigh: 16,
  ongoingLow: 17,
  ongoingHigh: 18,
  ongoingCentral: 19,
  overridesValid: 20,
  flag: 21,
  source: 22,
} as const;
export const LEAD = { rowId: 0, kind: 4, parsedMax: 6, overrideMonths: 7, months: 8, namedRelease: 9, readyBy: 10, namedCounted: 11, ready: 12, flag: 13 } as const;

const isNum = (e: Expr) => call('ISNUMBER', e);
const blank = str('');

/** The target release is defined on the Timeline sheet; readiness compares against it. */
export const TARGET_RELEASE = name('TargetRelease');

/** Lead time in months added to the decision date as the engine adds it: whole calendar months, then days. */
export function readyByFormula(months: Expr): Expr {
  const whole = call('INT', months);
  return add(addMonths(A.decisionDate, whole), call('ROUND', mul(sub(months, whole), A.daysPerMonth), n(0)));
}

/** Parsed, override (an input, £0 to £10bn) and used figures with the central: one set for one-off costs, one for yearly. */
function moneyColumns(kind: '' | 'ongoing ', per: '' | ' a year') {
  const valid: Validation = { kind: 'decimal', min: 0, max: 1e10 };
  const named = (stage: string, end: string) => {
    const label = `${stage}${kind}${end} £${per}`;
    return `${label[0]!.toUpperCase()}${label.slice(1)}`;
  };
  return [
    col(named('Parsed ', 'low'), 'gbp', 12),
    col(named('Parsed ', 'high'), 'gbp', 12),
    col(named('Override ', 'low'), 'gbp', 12, true, valid),
    col(named('Override ', 'high'), 'gbp', 12, true, valid),
    ...['low', 'high', 'central'].map((end) => col(named('', end), 'gbp', 12)),
  ];
}

/**
 * Costs: each respondent's answer, the parsed figures, override cells for the modeller, and the
 * figures the model uses (live: the override if entered, else the parsed band, an open-ended band
 * capped at OpenEndedCap × its lower figure).
 */
export function costsSheet(analysis: Analysis, a: ModelAssumptions): { sheet: SheetPlan; placement: Placement } {
  const results = analysis.results;
  const p = new SheetCursor(COSTS_SHEET).place(results.length, undefined, 'tblCosts', [
    col('Row id', 'text', 16),
    col('Respondent', 'text', 28),
    col('Category', 'text', 18),
    col('Answer', 'text', 24),
    col('Kind', 'text', 13),
    ...moneyColumns('', ''),
    col('With a figure', 'integer', 9),
    ...moneyColumns('ongoing ', ' a year'),
    col('Overrides valid', 'text', 9),
    col('Flag', 'text', 40),
    col('Source lines', 'text', 10),
  ]);
  const used = new Map(respondentCosts(results, a.costs, a.overrides.costs).map((c) => [c.respondentId, c]));
  // Each formula column, built for a row when the row is written: ten thousand rows of formulas held at once are a hundred megabytes.
  const c = (k: number, i: number) => p.cell(k, i);
  const pair = (i: number) => pairFormulas(c(COSTS.overrideLow, i), c(COSTS.overrideHigh, i), c(COSTS.parsedLow, i), c(COSTS.parsedHigh, i), blank);
  const hasFigure = (i: number) => isNum(c(COSTS.low, i));
  // A respondent with a figure and no yearly one counts £0 a year; without a figure, nothing.
  const ongoing = (i: number) => pairFormulas(c(COSTS.overrideOngoingLow, i), c(COSTS.overrideOngoingHigh, i), c(COSTS.parsedOngoingLow, i), c(COSTS.parsedOngoingHigh, i), n(0));
  const whenFigure = (i: number, e: Expr) => iff(hasFigure(i), e, blank);
  const fill = {
    low: (i) => pair(i).low,
    high: (i) => pair(i).high,
    central: (i) => iff(hasFigure(i), div(add(c(COSTS.low, i), c(COSTS.high, i)), n(2)), blank),
    figure: (i) => iff(hasFigure(i), n(1), n(0)),
    ongoingLow: (i) => whenFigure(i, ongoing(i).low),
    ongoingHigh: (i) => whenFigure(i, ongoing(i).high),
    ongoingCentral: (i) => whenFigure(i, div(add(c(COSTS.ongoingLow, i), c(COSTS.ongoingHigh, i)), n(2))),
    overridesValid: (i) => overridesValid([c(COSTS.overrideLow, i), c(COSTS.overrideHigh, i)], [c(COSTS.overrideOngoingLow, i), c(COSTS.overrideOngoingHigh, i)]),
  } satisfies Record<string, FilledColumn>;
  const rows = results.map((r, i) => {
    const parsed = costRange(r.cost);
    const override = a.overrides.costs[r.respondent.id] ?? {};
    const u = used.get(r.respondent.id);
    const validNow = [override.low, override.high, override.ongoingLow, override.ongoingHigh].every((v) => v === undefined || v >= 0) &&
      (override.low === undefined || override.high === undefined || override.low <= override.high) &&
      (override.ongoingLow === undefined || override.ongoingHigh === undefined || override.ongoingLow <= override.ongoingHigh);
    return [
      text(r.respondent.id),
      text(r.respondent.name),
      text(r.respondent.category),
      text(r.cost.text),
      text(r.cost.kind),
      num(parsed?.low),
      num(parsed?.high),
      num(override.low),
      num(override.high),
      filledFormula(fill.low, i, u?.low),
      filledFormula(fill.high, i, u?.high),
      filledFormula(fill.central, i, u?.central),
      filledFormula(fill.figure, i, u ? 1 : 0),
      num(parsed?.ongoing?.low),
      num(parsed?.ongoing ? parsed.ongoing.high : null),
      num(override.ongoingLow),
      num(override.ongoingHigh),
      filledFormula(fill.ongoingLow, i, u?.ongoing.low),
      filledFormula(fill.ongoingHigh, i, u?.ongoing.high),
      filledFormula(fill.ongoingCentral, i, u?.ongoing.central),
      filledFormula(fill.overridesValid, i, validNow ? 'yes' : 'no'),
      text(r.cost.flag ?? ''),
      text(r.costSource ? lines(r.costSource) : ''),
    ];
  });
  return {
    placement: p,
    sheet: {
      name: COSTS_SHEET,
      tables: [p.table(rows)],
      highlights: [{ table: 'tblCosts', when: flagged(p, COSTS.flag), colour: 'flag' }],
      notes: [
        'Override low/high: enter a figure to replace the parsed one-off answer (one figure alone is a point estimate); clear them to use the answer again. The ongoing override columns do the same for the yearly cost. Re-importing keeps them.',
        'An open-ended band (More than £1m) counts up to OpenEndedCap times its lower figure. A respondent with a figure but no yearly one counts £0 a year.',
      ],
    },
  };
}

/**
 * The low and high figures a row uses: the modeller's override if either is entered (one alone
 * is a point estimate), else the parsed pair, an open-ended one capped at OpenEndedCap × its low.
 */
function pairFormulas(overrideLow: Expr, overrideHigh: Expr, parsedLow: Expr, parsedHigh: Expr, none: Expr): { low: Expr; high: Expr } {
  const entered = call('OR', isNum(overrideLow), isNum(overrideHigh));
  return {
    low: iff(entered, iff(isNum(overrideLow), overrideLow, overrideHigh), iff(isNum(parsedLow), parsedLow, none)),
    high: iff(entered, iff(isNum(overrideHigh), overrideHigh, overrideLow), iff(isNum(parsedHigh), parsedHigh, iff(isNum(parsedLow), mul(parsedLow, A.openEndedCap), none))),
  };
}

/** "yes" when every override pair on the row is £0 or more with its low no higher than its high. */
function overridesValid(...pairs: readonly (readonly [Expr, Expr])[]): Expr {
  const okValue = (e: Expr) => call('OR', call('NOT', isNum(e)), ge(e, n(0)));
  const okPair = ([lo, hi]: readonly [Expr, Expr]) => call('AND', okValue(lo), okValue(hi), call('OR', call('NOT', isNum(lo)), call('NOT', isNum(hi)), le(lo, hi)));
  return iff(call('AND', ...pairs.map(okPair)), str('yes'), str('no'));
}


/**
 * Lead times: the parsed answer, an override cell, the months the model uses, and each
 * respondent's ready-by date. A release named on or before the decision date says nothing about
 * readiness now: it is shown, not counted, until the modeller enters months.
 */
export function leadTimesSheet(analysis: Analysis, a: ModelAssumptions, model: ModelResult): { sheet: SheetPlan; placement: Placement } {
  const results = analysis.results;
  const p = new SheetCursor(LEAD_TIMES_SHEET).place(results.length, undefined, 'tblLeadTimes', [
    col('Row id', 'text', 16),
    col('Respondent', 'text', 28),
    col('Category', 'text', 18),
    col('Answer', 'text', 28),
    col('Kind', 'text', 16),
    col('Parsed min months', 'months', 10),
    col('Parsed max months', 'months', 10),
    col('Override months', 'months', 10, true, { kind: 'decimal', min: 0, max: 120 }),
    col('Months', 'months', 10),
    col('Named release', 'date', 13),
    col('Ready by', 'date', 13),
    col('Named release counted', 'date', 13),
    col('Ready for the release', 'text', 14),
    col('Flag', 'text', 40),
    col('Source lines', 'text', 10),
  ]);
  const readiness = new Map(model.timeline.respondents.map((r) => [r.respondentId, r]));
  const target = model.timeline.targetRelease;
  // Formula columns built when a row is written, as on Costs.
  const c = (k: number, i: number) => p.cell(k, i);
  const [o, m, nr, rb] = [LEAD.overrideMonths, LEAD.months, LEAD.namedRelease, LEAD.readyBy].map((k) => (i: number) => c(k, i)) as [FilledColumn, FilledColumn, FilledColumn, FilledColumn];
  const fill = {
    months: (i) => iff(isNum(o(i)), o(i), iff(isNum(c(LEAD.parsedMax, i)), c(LEAD.parsedMax, i), blank)),
    readyBy: (i) => iff(isNum(m(i)), readyByFormula(m(i)), iff(call('AND', isNum(nr(i)), gt(nr(i), A.decisionDate)), nr(i), blank)),
    namedCounted: (i) => iff(isNum(m(i)), blank, rb(i)),
    ready: (i) => iff(isNum(rb(i)), iff(le(rb(i), TARGET_RELEASE), str('yes'), str('no')), iff(isNum(nr(i)), str(PAST_RELEASE), blank)),
  } satisfies Record<string, FilledColumn>;
  const rows = results.map((r, i) => {
    const parsed = leadTimeRange(r.leadTime);
    const ready = readiness.get(r.respondent.id);
    const override = a.overrides.leadTimeMonths[r.respondent.id];
    const months = override ?? parsed?.max;
    const named = releaseNamed(r, a);
    const readyBy = months !== undefined ? addLeadTime(a.timeline.decisionDate, months) : ready?.status === 'named-release' ? ready.readyBy : null;
    const namedCounted = months === undefined && ready?.status === 'named-release' ? ready.readyBy : null;
    const readyText = readyBy !== null ? (target === null || readyBy <= target ? 'yes' : 'no') : ready?.status === 'past-release' ? PAST_RELEASE : null;
    return [
      text(r.respondent.id),
      text(r.respondent.name),
      text(r.respondent.category),
      text(r.leadTime.text),
      text(r.leadTime.kind),
      num(parsed?.min),
      num(parsed?.max),
      num(override),
      filledFormula(fill.months, i, months),
      date(named),
      filledFormula(fill.readyBy, i, readyBy ? excelSerial(readyBy) : null, 'date'),
      filledFormula(fill.namedCounted, i, namedCounted ? excelSerial(namedCounted) : null, 'date'),
      filledFormula(fill.ready, i, readyText),
      text(r.leadTime.flag ?? ''),
      text(r.leadTimeSource ? lines(r.leadTimeSource) : ''),
    ];
  });
  return {
    placement: p,
    sheet: {
      name: LEAD_TIMES_SHEET,
      tables: [p.table(rows)],
      highlights: [{ table: 'tblLeadTimes', when: flagged(p, LEAD.flag), colour: 'flag' }],
      notes: [
        'Override months: enter the lead time to use for a respondent (from approval); clear it to use the answer again. Re-importing keeps it.',
        'A release a respondent named counts only when it is after the decision date; an earlier one says nothing about readiness now.',
      ],
    },
  };
}

/** The date of a release a respondent named, as the timeline reads it (shown even when it is past). */
function releaseNamed(r: Analysis['results'][number], a: ModelAssumptions): string | null {
  return r.leadTime.kind === 'release' ? releaseDate(r.leadTime.release, a.timeline.releases) : null;
}

/** True on rows whose Flag cell holds text: the answer was read with a guess, not read, or has a note to check. */
function flagged(p: Placement, flagColumn: number): Expr {
  return gt(call('LEN', rowCell(p.sheet, p.headerRow + 1, flagColumn)), n(0));
}

export function lines(span: SourceSpan): string {
  return span.firstLine === span.lastLine ? String(span.firstLine) : `${span.firstLine}–${span.lastLine}`;
}

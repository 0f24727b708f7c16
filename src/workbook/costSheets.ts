import type { SourceSpan } from '../model/consultation';
import { addLeadTime } from '../model/calendarDates';
import type { ModelAssumptions, ModelResult } from '../model/costModel';
import { costRange } from '../model/costAnswer';
import { leadTimeRange } from '../model/leadTimeAnswer';
import { respondentCosts } from '../model/respondentTotals';
import type { Analysis } from '../model/responseAnalysis';
import { A } from './assumptionsSheet';
import { add, addMonths, call, div, gt, iff, le, mul, name, num as n, rowCell, str, sub, type Expr } from './formula';
import { col, date, excelSerial, formula, num, SheetCursor, text, type Placement, type SheetPlan } from './plan';

export const COSTS_SHEET = 'Costs';
export const LEAD_TIMES_SHEET = 'Lead times';

/** Column positions formulas elsewhere refer to. */
export const COSTS = { rowId: 0, category: 2, kind: 4, parsedLow: 5, parsedHigh: 6, overrideLow: 7, overrideHigh: 8, low: 9, high: 10, central: 11, figure: 12 } as const;
export const LEAD = { rowId: 0, overrideMonths: 7, months: 8, namedRelease: 9, readyBy: 10 } as const;

const isNum = (e: Expr) => call('ISNUMBER', e);
const blank = str('');

/** The target release is defined on the Timeline sheet; readiness compares against it. */
export const TARGET_RELEASE = name('TargetRelease');

/** Lead time in months added to the decision date as the engine adds it: whole calendar months, then days. */
export function readyByFormula(months: Expr): Expr {
  const whole = call('INT', months);
  return add(addMonths(A.decisionDate, whole), call('ROUND', mul(sub(months, whole), n(365.25 / 12)), n(0)));
}

/**
 * Costs: each respondent's answer, the parsed figures, override cells for the modeller, and the
 * figures the model uses (live: the override if entered, else the parsed band, an open-ended band
 * capped at OpenEndedCap × its lower figure).
 */
export function costsSheet(analysis: Analysis, a: ModelAssumptions): { sheet: SheetPlan; placement: Placement } {
  const results = analysis.results;
  const p = new SheetCursor(COSTS_SHEET).place(results.length);
  const used = new Map(respondentCosts(results, a.costs, a.overrides.costs).map((c) => [c.respondentId, c]));
  const rows = results.map((r, i) => {
    const parsed = costRange(r.cost);
    const override = a.overrides.costs[r.respondent.id] ?? {};
    const u = used.get(r.respondent.id);
    const [ol, oh, pl, ph] = [p.cell(COSTS.overrideLow, i), p.cell(COSTS.overrideHigh, i), p.cell(COSTS.parsedLow, i), p.cell(COSTS.parsedHigh, i)];
    const entered = call('OR', isNum(ol), isNum(oh));
    const low = p.cell(COSTS.low, i);
    const high = p.cell(COSTS.high, i);
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
      formula(iff(entered, iff(isNum(ol), ol, oh), iff(isNum(pl), pl, blank)), u?.low),
      formula(iff(entered, iff(isNum(oh), oh, ol), iff(isNum(ph), ph, iff(isNum(pl), mul(pl, A.openEndedCap), blank))), u?.high),
      formula(iff(isNum(low), div(add(low, high), n(2)), blank), u?.central),
      formula(iff(isNum(low), n(1), n(0)), u ? 1 : 0),
      text(r.cost.flag ?? ''),
      text(r.costSource ? lines(r.costSource) : ''),
    ];
  });
  return {
    placement: p,
    sheet: {
      name: COSTS_SHEET,
      tables: [
        p.table({
          name: 'tblCosts',
          columns: [
            col('Row id', 'text', 16),
            col('Respondent', 'text', 28),
            col('Category', 'text', 18),
            col('Answer', 'text', 24),
            col('Kind', 'text', 13),
            col('Parsed low £', 'gbp', 12),
            col('Parsed high £', 'gbp', 12),
            col('Override low £', 'gbp', 12, true),
            col('Override high £', 'gbp', 12, true),
            col('Low £', 'gbp', 12),
            col('High £', 'gbp', 12),
            col('Central £', 'gbp', 12),
            col('With a figure', 'integer', 9),
            col('Flag', 'text', 40),
            col('Source lines', 'text', 10),
          ],
          rows,
        }),
      ],
      highlights: [{ table: 'tblCosts', when: flagged(p, 13), colour: 'flag' }],
      notes: [
        'Override low/high: enter a figure to replace the parsed answer (one figure alone is a point estimate); clear them to use the answer again. Re-importing keeps them.',
      ],
    },
  };
}

/** Lead times: the parsed answer, an override cell, the months the model uses, and each respondent's ready-by date. */
export function leadTimesSheet(analysis: Analysis, a: ModelAssumptions, model: ModelResult): { sheet: SheetPlan; placement: Placement } {
  const results = analysis.results;
  const p = new SheetCursor(LEAD_TIMES_SHEET).place(results.length);
  const readiness = new Map(model.timeline.respondents.map((r) => [r.respondentId, r]));
  const target = model.timeline.targetRelease;
  const rows = results.map((r, i) => {
    const parsed = leadTimeRange(r.leadTime);
    const ready = readiness.get(r.respondent.id);
    const override = a.overrides.leadTimeMonths[r.respondent.id];
    const [o, pm, m, nr, rb] = [p.cell(LEAD.overrideMonths, i), p.cell(6, i), p.cell(LEAD.months, i), p.cell(LEAD.namedRelease, i), p.cell(LEAD.readyBy, i)];
    const months = override ?? parsed?.max;
    const readyBy = months !== undefined ? addLeadTime(a.timeline.decisionDate, months) : ready?.status === 'named-release' ? ready.readyBy : null;
    return [
      text(r.respondent.id),
      text(r.respondent.name),
      text(r.respondent.category),
      text(r.leadTime.text),
      text(r.leadTime.kind),
      num(parsed?.min),
      num(parsed?.max),
      num(override),
      formula(iff(isNum(o), o, iff(isNum(pm), pm, blank)), months),
      date(ready?.status === 'named-release' ? ready.readyBy : null),
      formula(iff(isNum(m), readyByFormula(m), iff(isNum(nr), nr, blank)), readyBy ? excelSerial(readyBy) : null, 'date'),
      formula(iff(isNum(rb), iff(le(rb, TARGET_RELEASE), str('yes'), str('no')), blank), readyBy === null ? null : target === null || readyBy <= target ? 'yes' : 'no'),
      text(r.leadTime.flag ?? ''),
      text(r.leadTimeSource ? lines(r.leadTimeSource) : ''),
    ];
  });
  return {
    placement: p,
    sheet: {
      name: LEAD_TIMES_SHEET,
      tables: [
        p.table({
          name: 'tblLeadTimes',
          columns: [
            col('Row id', 'text', 16),
            col('Respondent', 'text', 28),
            col('Category', 'text', 18),
            col('Answer', 'text', 28),
            col('Kind', 'text', 16),
            col('Parsed min months', 'months', 10),
            col('Parsed max months', 'months', 10),
            col('Override months', 'months', 10, true),
            col('Months', 'months', 10),
            col('Named release', 'date', 13),
            col('Ready by', 'date', 13),
            col('Ready for the release', 'text', 10),
            col('Flag', 'text', 40),
            col('Source lines', 'text', 10),
          ],
          rows,
        }),
      ],
      highlights: [{ table: 'tblLeadTimes', when: flagged(p, 12), colour: 'flag' }],
      notes: ['Override months: enter the lead time to use for a respondent (from approval); clear it to use the answer again. Re-importing keeps it.'],
    },
  };
}

/** True on rows whose Flag cell holds text: the answer was read with a guess, or not read. */
function flagged(p: Placement, flagColumn: number): Expr {
  return gt(call('LEN', rowCell(p.sheet, p.headerRow + 1, flagColumn)), n(0));
}

export function lines(span: SourceSpan): string {
  return span.firstLine === span.lastLine ? String(span.firstLine) : `${span.firstLine}–${span.lastLine}`;
}

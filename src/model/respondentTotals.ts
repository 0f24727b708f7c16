import { SEC_COST_BANDS, type CostBand } from './costBands';
import { costRange, type CostKind } from './costAnswer';
import { leadTimeRange, months, type Months } from './leadTimeAnswer';
import { gbp, type Gbp } from './money';
import type { RespondentResult } from './responseAnalysis';

export interface CostOptions {
  /** An open-ended band ("More than £1m") is capped at this multiple of its lower figure. */
  readonly openEndedCapMultiple: number;
  /** The bands the report counts figures in. */
  readonly bands: readonly CostBand[];
}

export const DEFAULT_COST_OPTIONS: CostOptions = { openEndedCapMultiple: 2, bands: SEC_COST_BANDS };

/**
 * A modeller's figures for a respondent, replacing the parsed ones: the one-off band, and the
 * yearly ongoing cost. One figure alone is a point estimate: it is both low and high.
 */
export interface CostOverride {
  readonly low?: number;
  readonly high?: number;
  readonly ongoingLow?: number;
  readonly ongoingHigh?: number;
}

export type CostOverrides = Readonly<Record<string, CostOverride>>;

/** A respondent who gave a figure (a band or zero), as the totals and the simulation use it. */
export interface RespondentCost {
  readonly respondentId: string;
  readonly category: string;
  readonly low: Gbp;
  /** Midpoint of low and high. */
  readonly central: Gbp;
  /** The stated high figure, or the cap for an open-ended band. */
  readonly high: Gbp;
  /** True when `high` is the cap rather than a figure the respondent gave. */
  readonly capped: boolean;
  /** The yearly ongoing cost, low, midpoint and high (£0 when none was given); capped likewise when open-ended. */
  readonly ongoing: { readonly low: Gbp; readonly central: Gbp; readonly high: Gbp };
}

export interface RespondentTotals {
  readonly low: Gbp;
  readonly central: Gbp;
  readonly high: Gbp;
  /** The respondents' yearly ongoing costs. */
  readonly ongoing: { readonly low: Gbp; readonly central: Gbp; readonly high: Gbp };
  readonly counts: Readonly<Record<CostKind, number>> & { readonly notImplementing: number };
  /** Respondents whose high figure is the open-ended cap. */
  readonly capped: readonly string[];
}

/**
 * The last costs worked out for each list of results, with the options and overrides they were
 * worked out with: a run asks for the same costs several times (the model, its bands and its
 * simulation, the report, the workbook), a large one thousands of objects each time.
 */
const lastCosts = new WeakMap<readonly RespondentResult[], { readonly options: CostOptions; readonly overrides: CostOverrides; readonly costs: readonly RespondentCost[] }>();

/** The respondents with a figure (given, or entered by the modeller), with low, central and high in pounds. */
export function respondentCosts(
  results: readonly RespondentResult[],
  options: CostOptions = DEFAULT_COST_OPTIONS,
  overrides: CostOverrides = {},
): readonly RespondentCost[] {
  const last = lastCosts.get(results);
  if (last && last.options === options && last.overrides === overrides) return last.costs;
  const costs = workedOut(results, options, overrides);
  lastCosts.set(results, { options, overrides, costs });
  return costs;
}

function workedOut(results: readonly RespondentResult[], options: CostOptions, overrides: CostOverrides): readonly RespondentCost[] {
  return results.flatMap((r) => {
    const o = overrides[r.respondent.id] ?? {};
    const parsed = costRange(r.cost);
    const oneOff = pointOrRange(o.low, o.high) ?? parsed;
    if (!oneOff) return [];
    const yearly = pointOrRange(o.ongoingLow, o.ongoingHigh) ?? parsed?.ongoing ?? { low: gbp(0), high: gbp(0) };
    const cap = (low: Gbp, high: Gbp | null) => gbp(high ?? low * options.openEndedCapMultiple);
    const high = cap(oneOff.low, oneOff.high);
    const ongoingHigh = cap(yearly.low, yearly.high);
    return [
      {
        respondentId: r.respondent.id,
        category: r.respondent.category,
        low: oneOff.low,
        central: gbp((oneOff.low + high) / 2),
        high,
        capped: oneOff.high === null,
        ongoing: { low: yearly.low, central: gbp((yearly.low + ongoingHigh) / 2), high: ongoingHigh },
      },
    ];
  });
}

/** A modeller's pair of figures: either alone is a point estimate; neither is no override. */
function pointOrRange(low: number | undefined, high: number | undefined): { low: Gbp; high: Gbp } | null {
  if (low === undefined && high === undefined) return null;
  return { low: gbp((low ?? high)!), high: gbp((high ?? low)!) };
}

/** Sums of the respondents' figures, and how many answered each way (as written, before overrides). */
export function respondentTotals(
  results: readonly RespondentResult[],
  options: CostOptions = DEFAULT_COST_OPTIONS,
  overrides: CostOverrides = {},
): RespondentTotals {
  const counts = { band: 0, zero: 0, unquantified: 0, none: 0, unreadable: 0, notImplementing: 0 };
  for (const r of results) {
    counts[r.cost.kind]++;
    if (r.leadTime.kind === 'not-implementing') counts.notImplementing++;
  }
  const costs = respondentCosts(results, options, overrides);
  const sum = (pick: (c: RespondentCost) => number) => gbp(costs.reduce((s, c) => s + pick(c), 0));
  return {
    low: sum((c) => c.low),
    central: sum((c) => c.central),
    high: sum((c) => c.high),
    ongoing: { low: sum((c) => c.ongoing.low), central: sum((c) => c.ongoing.central), high: sum((c) => c.ongoing.high) },
    counts,
    capped: costs.filter((c) => c.capped).map((c) => c.respondentId),
  };
}

/** The longest stated lead time (upper figure) among respondents who gave one; null when none did. */
export function longestLeadTime(results: readonly RespondentResult[]): { months: Months; respondentId: string } | null {
  let best: { months: Months; respondentId: string } | null = null;
  for (const r of results) {
    const range = leadTimeRange(r.leadTime);
    if (range && (!best || range.max > best.months)) best = { months: months(range.max), respondentId: r.respondent.id };
  }
  return best;
}

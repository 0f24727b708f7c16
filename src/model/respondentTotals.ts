import { costRange, type CostKind } from './costAnswer';
import { leadTimeRange, months, type Months } from './leadTimeAnswer';
import { gbp, type Gbp } from './money';
import type { RespondentResult } from './responseAnalysis';

export interface RespondentTotalsOptions {
  /** An open-ended band ("More than £1m") is capped at this multiple of its lower figure. */
  readonly openEndedCapMultiple: number;
}

export const DEFAULT_TOTALS_OPTIONS: RespondentTotalsOptions = { openEndedCapMultiple: 2 };

export interface RespondentTotals {
  /** Sums over respondents whose answer carries a figure (bands and zeros). */
  readonly low: Gbp;
  readonly high: Gbp;
  readonly counts: Readonly<Record<CostKind, number>>;
  /** Respondents whose high figure is the open-ended cap rather than a stated figure. */
  readonly cappedRespondents: readonly string[];
}

/** The sum of the respondents' stated cost ranges. */
export function respondentTotals(
  results: readonly RespondentResult[],
  options: RespondentTotalsOptions = DEFAULT_TOTALS_OPTIONS,
): RespondentTotals {
  const counts: Record<CostKind, number> = { band: 0, zero: 0, unquantified: 0, none: 0, unreadable: 0 };
  let low = 0;
  let high = 0;
  const cappedRespondents: string[] = [];
  for (const r of results) {
    counts[r.cost.kind]++;
    const range = costRange(r.cost);
    if (!range) continue;
    low += range.low;
    if (range.high === null) {
      high += range.low * options.openEndedCapMultiple;
      cappedRespondents.push(r.respondent.id);
    } else {
      high += range.high;
    }
  }
  return { low: gbp(low), high: gbp(high), counts, cappedRespondents };
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

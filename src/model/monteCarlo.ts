import { jStat } from 'jstat';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { industryTotalFor, type IndustryLinear } from './industryCost';
import type { RespondentCost } from './respondentTotals';

/** How a respondent's cost is spread within their band. The mode is a position in the band: 0 = low, 1 = high. */
export type BandDistribution =
  | { readonly kind: 'uniform' }
  | { readonly kind: 'triangular'; readonly modePosition: number }
  | { readonly kind: 'pert'; readonly modePosition: number };

export interface MonteCarloOptions {
  readonly seed: number;
  readonly iterations: number;
  readonly distribution: BandDistribution;
  readonly histogramBins: number;
}

export const DEFAULT_MONTE_CARLO: MonteCarloOptions = {
  seed: 20260101,
  iterations: 10_000,
  distribution: { kind: 'uniform' },
  histogramBins: 20,
};

/** Percentiles are Excel's PERCENTILE.INC: linear between order statistics at (n - 1)·p. */
export interface Summary {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

export interface MonteCarloResult {
  readonly seed: number;
  readonly iterations: number;
  readonly distribution: BandDistribution;
  readonly respondentTotal: Summary;
  readonly industryTotal: Summary;
  readonly histogram: readonly HistogramBin[];
  /**
   * The deterministic industry total (low, central, high) of the inputs the run drew from: when the
   * inputs move, these no longer match the model's, and the run is out of date.
   */
  readonly ranOn: { readonly low: number; readonly central: number; readonly high: number };
}

export const SIMULATION_CURRENT = 'Current';
export const SIMULATION_STALE = 'Out of date: run the simulation again';

/** How far apart (relative) a run's recorded totals and today's may be and still be the same inputs: summing in another order, no more. */
export const SIMULATION_TOLERANCE = 1e-9;

/** Whether a run still fits the model's inputs: its recorded totals equal today's. */
export function simulationCurrent(mc: MonteCarloResult, total: { readonly low: number; readonly central: number; readonly high: number }): boolean {
  return (['low', 'central', 'high'] as const).every((k) => Math.abs(mc.ranOn[k] - total[k]) <= SIMULATION_TOLERANCE * Math.max(1, Math.abs(total[k])));
}

/**
 * Latin hypercube sampling over every respondent's band: each respondent's draws cover the
 * iterations' equal-probability strata once each, in an order shuffled by that respondent's own
 * generator. A respondent's generator is seeded from the run's seed and its stable id, and
 * respondents are accumulated in id order, so the same seed and inputs give identical results
 * whatever order the document listed them in.
 */
export function runMonteCarlo(
  costs: readonly RespondentCost[],
  linear: IndustryLinear,
  options: MonteCarloOptions,
  onProgress?: (done: number, total: number) => void,
): MonteCarloResult {
  const n = options.iterations;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`iterations must be a whole number of at least 1 (got ${n})`);
  const respondentTotals = new Float64Array(n);
  const industryTotals = new Float64Array(n).fill(linear.constant);
  const order = new Int32Array(n);
  const byId = new Map(costs.map((c) => [c.respondentId, c]));
  const at = (k: 'low' | 'central' | 'high') => industryTotalFor(linear, (id) => byId.get(id)?.[k] ?? 0);
  const ordered = [...costs].sort((a, b) => (a.respondentId < b.respondentId ? -1 : a.respondentId > b.respondentId ? 1 : 0));
  // Each respondent's probabilities, then (in place) its draws.
  const draws = new Float64Array(n);
  ordered.forEach((cost, index) => {
    const rng = xoroshiro128plus(streamSeed(options.seed, cost.respondentId));
    const weight = linear.weights.get(cost.respondentId) ?? 0;
    for (let i = 0; i < n; i++) order[i] = i;
    // A backward Fisher-Yates shuffle fixes position i at step i, so each draw's stratum is settled in turn.
    for (let i = n - 1; i >= 0; i--) {
      const j = Math.floor(unit32(rng) * (i + 1));
      const stratum = order[j]!;
      order[j] = order[i]!;
      draws[i] = (stratum + unit32(rng)) / n;
    }
    toQuantiles(cost, options.distribution, draws);
    for (let i = 0; i < n; i++) {
      respondentTotals[i]! += draws[i]!;
      industryTotals[i]! += weight * draws[i]!;
    }
    onProgress?.(index + 1, ordered.length);
  });
  return {
    seed: options.seed,
    iterations: n,
    distribution: options.distribution,
    respondentTotal: summarise(respondentTotals),
    industryTotal: summarise(industryTotals),
    histogram: histogram(industryTotals, options.histogramBins),
    ranOn: { low: at('low'), central: at('central'), high: at('high') },
  };
}

/**
 * A uniform number in [0, 1) from one 32-bit output. Enough here: it picks a place within a
 * stratum already 1/iterations wide, or a shuffle index far below 2^32.
 */
function unit32(rng: { next(): number }): number {
  return (rng.next() >>> 0) * 2.3283064365386963e-10;
}

/** 32-bit FNV-1a of the id, mixed with the run seed: one independent stream per respondent. */
function streamSeed(seed: number, id: string): number {
  let h = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * The inverse CDF of a respondent's band under the chosen distribution, applied in place to
 * probabilities from 0 to 1: one call a respondent rather than one a draw, which kept every draw
 * as a number object of its own (two hundred megabytes for 10,000 respondents).
 */
export function toQuantiles(cost: RespondentCost, distribution: BandDistribution, us: Float64Array): void {
  const { low, high } = cost;
  const width = high - low;
  if (width <= 0) {
    us.fill(low);
    return;
  }
  switch (distribution.kind) {
    case 'uniform':
      for (let k = 0; k < us.length; k++) us[k] = low + us[k]! * width;
      return;
    case 'triangular': {
      const c = clampPosition(distribution.modePosition);
      for (let k = 0; k < us.length; k++) {
        const u = us[k]!;
        us[k] = u < c ? low + width * Math.sqrt(u * c) : high - width * Math.sqrt((1 - u) * (1 - c));
      }
      return;
    }
    case 'pert': {
      const table = pertTable(clampPosition(distribution.modePosition));
      const last = table.length - 1;
      for (let k = 0; k < us.length; k++) {
        const x = us[k]! * last;
        const i = Math.min(Math.floor(x), last - 1);
        us[k] = low + width * (table[i]! + (x - i) * (table[i + 1]! - table[i]!));
      }
      return;
    }
    default: {
      const never: never = distribution;
      return never;
    }
  }
}

function clampPosition(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`the mode must be a position in the band from 0 to 1 (got ${p})`);
  return p;
}

const PERT_POINTS = 2048;
const pertTables = new Map<number, Float64Array>();

/**
 * The PERT (beta) quantiles at PERT_POINTS + 1 evenly spaced probabilities, for a band scaled to
 * 0..1; draws interpolate between them. Computed once per mode position.
 */
function pertTable(mode: number): Float64Array {
  const cached = pertTables.get(mode);
  if (cached) return cached;
  const alpha = 1 + 4 * mode;
  const beta = 1 + 4 * (1 - mode);
  const table = new Float64Array(PERT_POINTS + 1);
  for (let i = 0; i <= PERT_POINTS; i++) table[i] = i === 0 ? 0 : i === PERT_POINTS ? 1 : jStat.beta.inv(i / PERT_POINTS, alpha, beta);
  pertTables.set(mode, table);
  return table;
}

export function summarise(values: Float64Array): Summary {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    p10: percentileInc(sorted, 0.1),
    p50: percentileInc(sorted, 0.5),
    p90: percentileInc(sorted, 0.9),
    mean: sum / sorted.length,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

/** Excel's PERCENTILE.INC on sorted values. */
export function percentileInc(sorted: Float64Array, p: number): number {
  const rank = (sorted.length - 1) * p;
  const i = Math.floor(rank);
  const next = sorted[Math.min(i + 1, sorted.length - 1)]!;
  return sorted[i]! + (rank - i) * (next - sorted[i]!);
}

function histogram(values: Float64Array, bins: number): HistogramBin[] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) return [{ from: min, to: max, count: values.length }];
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - min) / width))]!++;
  return counts.map((count, i) => ({ from: min + i * width, to: i === bins - 1 ? max : min + (i + 1) * width, count }));
}

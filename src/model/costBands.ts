import type { CostKind } from './costAnswer';
import type { RespondentCost } from './respondentTotals';
import type { RespondentResult } from './responseAnalysis';

/**
 * A band a Modification Report counts cost figures in. A figure belongs to the band it lies in; a
 * range belongs to a band only when it lies within it, so "Less than £100k" (£0–£100k) is in
 * "Less than £100k" and a single figure of exactly £100k is in "£100k–£250k". The last band has
 * no upper figure.
 */
export interface CostBand {
  readonly label: string;
  readonly from: number;
  readonly to: number | null;
}

/** The bands SEC consultations offer respondents. */
export const SEC_COST_BANDS: readonly CostBand[] = [
  { label: 'Less than £100k', from: 0, to: 100_000 },
  { label: '£100k–£250k', from: 100_000, to: 250_000 },
  { label: '£250k–£500k', from: 250_000, to: 500_000 },
  { label: '£500k–£1m', from: 500_000, to: 1_000_000 },
  { label: 'More than £1m', from: 1_000_000, to: null },
];

/** What a row of the band count holds: a band, or the answers no band can hold. */
export type BandRowKind = 'band' | 'zero' | 'across' | Exclude<CostKind, 'band' | 'zero'>;

export interface BandRow {
  readonly label: string;
  readonly kind: BandRowKind;
  /** The band itself, on a band's row. */
  readonly band: CostBand | null;
  readonly count: number;
}

/** The rows after the bands, always in this order, so the workbook's rows stay put as figures change. */
export const OTHER_BAND_ROWS: readonly { readonly kind: Exclude<BandRowKind, 'band'>; readonly label: string }[] = [
  { kind: 'zero', label: 'No cost (£0)' },
  { kind: 'across', label: 'A range across two or more bands' },
  { kind: 'unquantified', label: 'Cost without a figure' },
  { kind: 'none', label: 'No answer' },
  { kind: 'unreadable', label: 'Could not be read' },
];

/** The band a used figure (low to high, the cap for an open-ended one) lies in; null for £0 or a range across bands. */
export function bandOf(bands: readonly CostBand[], low: number, high: number): number | null {
  if (high === 0) return null;
  const i = bands.findIndex((b) => low >= b.from && (b.to === null || (low < b.to && high <= b.to)));
  return i < 0 ? null : i;
}

/**
 * Every respondent counted once: by the band of the figure the model uses (the modeller's where
 * entered), else by the kind of answer that gave none.
 */
export function bandCounts(results: readonly RespondentResult[], used: readonly RespondentCost[], bands: readonly CostBand[]): BandRow[] {
  const byId = new Map(used.map((c) => [c.respondentId, c]));
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const { respondent, cost } of results) {
    const figure = byId.get(respondent.id);
    if (!figure) add(cost.kind);
    else if (figure.high === 0) add('zero');
    else add(String(bandOf(bands, figure.low, figure.high) ?? 'across'));
  }
  return [
    ...bands.map((band, i) => ({ label: band.label, kind: 'band' as const, band, count: counts.get(String(i)) ?? 0 })),
    ...OTHER_BAND_ROWS.map(({ kind, label }) => ({ label, kind, band: null, count: counts.get(kind) ?? 0 })),
  ];
}

/** What is wrong with one band of a list, in the words the workbook's Check column uses; null when nothing is. */
export function bandRowProblem(bands: readonly CostBand[], i: number): string | null {
  const b = bands[i]!;
  const above = bands[i - 1];
  if (!b.label.trim()) return 'needs a name';
  if (!(b.from >= 0)) return 'needs a From figure of £0 or more';
  if (b.to !== null && !(b.to > b.from)) return 'must end above its From';
  if (b.to === null && i < bands.length - 1) return 'only the last band can be left open';
  if (above && above.to !== b.from) return 'must start where the band above ends';
  return null;
}

/** Why a list of bands cannot be used, in words; empty when it can. */
export function bandProblems(bands: readonly CostBand[]): string[] {
  if (bands.length === 0) return ['the report needs at least one cost band'];
  return bands.flatMap((b, i) => {
    const problem = bandRowProblem(bands, i);
    return problem ? [`cost band ${i + 1} (${b.label.trim() || 'no name'}) ${problem}`] : [];
  });
}

/** Pounds sterling. Raw numbers only at the edges (text, cells, flags); inside the model money carries its unit. */
export type Gbp = number & { readonly unit: 'GBP' };

export function gbp(pounds: number): Gbp {
  return pounds as Gbp;
}

/**
 * Rounds as Excel's ROUND does: to 15 significant digits first (what a cell shows), then half away
 * from zero, so text the engine writes reads the same as the workbook's formulas write it
 * (37.05 to one place is 37.1 in both, where 37.05.toFixed(1) gives 37.0).
 */
export function roundAsExcel(x: number, places = 0): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const [mantissa, exponent] = Math.abs(x).toExponential(14).split('e') as [string, string];
  const shifted = Number(`${mantissa}e${Number(exponent) + places}`);
  return (x < 0 ? -1 : 1) * Number(`${Math.round(shifted)}e${-places}`);
}

/**
 * Short report form, rounded as reports write it: £1.25m (two decimals at most), £525k (whole
 * thousands from £100k), £75.5k (one decimal below £100k), £950 (whole pounds). Negatives take a
 * minus sign: −£641k.
 */
export function formatGbpShort(value: number): string {
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  const thousands = abs >= 100_000 ? roundAsExcel(abs / 1_000) : roundAsExcel(abs / 100) / 10;
  if (abs >= 1_000_000 || thousands >= 1_000) return `${sign}£${roundAsExcel(abs / 1_000_000, 2)}m`;
  if (abs >= 1_000 || roundAsExcel(abs) >= 1_000) return `${sign}£${thousands}k`;
  return `${sign}£${roundAsExcel(abs)}`;
}

/** A range in report form with an en dash: £100k–£250k; a point value once: £75k. */
export function formatGbpRange(low: number, high: number): string {
  return low === high ? formatGbpShort(low) : `${formatGbpShort(low)}–${formatGbpShort(high)}`;
}

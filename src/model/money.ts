/** Pounds sterling. Raw numbers only at the edges (text, cells, flags); inside the model money carries its unit. */
export type Gbp = number & { readonly unit: 'GBP' };

export function gbp(pounds: number): Gbp {
  return pounds as Gbp;
}

/**
 * Short report form, rounded as reports write it: £1.25m (two decimals at most), £525k (whole
 * thousands from £100k), £75.5k (one decimal below £100k), £950 (whole pounds). Negatives take a
 * minus sign: −£641k.
 */
export function formatGbpShort(value: number): string {
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  const thousands = abs >= 100_000 ? Math.round(abs / 1_000) : Math.round(abs / 100) / 10;
  if (abs >= 1_000_000 || thousands >= 1_000) return `${sign}£${trimDecimals(abs / 1_000_000, 2)}m`;
  if (abs >= 1_000 || Math.round(abs) >= 1_000) return `${sign}£${trimDecimals(thousands, 1)}k`;
  return `${sign}£${Math.round(abs)}`;
}

/** A range in report form with an en dash: £100k–£250k; a point value once: £75k. */
export function formatGbpRange(low: number, high: number): string {
  return low === high ? formatGbpShort(low) : `${formatGbpShort(low)}–${formatGbpShort(high)}`;
}

/** At most `places` decimals, no trailing zeros: 1.25 → "1.25", 100 → "100". */
function trimDecimals(n: number, places: number): string {
  return String(Number(n.toFixed(places)));
}

/** Pounds sterling. Raw numbers only at the edges (text, cells, flags); inside the model money carries its unit. */
export type Gbp = number & { readonly unit: 'GBP' };

export function gbp(pounds: number): Gbp {
  return pounds as Gbp;
}

/** Short report form: £0, £75k, £1.2m, £950k. Values below £1k are written in full. */
export function formatGbpShort(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${sign}£${trimDecimals(abs / 1_000_000)}m`;
  if (abs >= 1_000) return `${sign}£${trimDecimals(abs / 1_000)}k`;
  return `${sign}£${trimDecimals(abs)}`;
}

/** A range in report form with an en dash: £100k–£250k; a point value once: £75k. */
export function formatGbpRange(low: number, high: number): string {
  return low === high ? formatGbpShort(low) : `${formatGbpShort(low)}–${formatGbpShort(high)}`;
}

/** Up to three decimals, no trailing zeros: 1.25 → "1.25", 100 → "100". */
function trimDecimals(n: number): string {
  return String(Number(n.toFixed(3)));
}

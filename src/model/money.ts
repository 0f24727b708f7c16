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
  // A whole number of up to 15 digits is already its own 15 significant digits, and rounding it to a few places leaves it as it is.
  if (Number.isInteger(x) && places >= 0 && places <= 6 && Math.abs(x) < 1e15) return x;
  const [mantissa, exponent] = Math.abs(x).toExponential(14).split('e') as [string, string];
  const shifted = Number(`${mantissa}e${Number(exponent) + places}`);
  return (x < 0 ? -1 : 1) * Number(`${Math.round(shifted)}e${-places}`);
}

/**
 * Short report form, to three significant figures with their zeros: £1.25m, £4.10m, £12.5m, £525k,
 * £75.0k, £7.50k; whole pounds below £1,000 (£950). Negatives take a minus sign: −£641k.
 */
export function formatGbpShort(value: number): string {
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  // Millions from what rounds to a thousand thousands, thousands from what rounds to a thousand pounds.
  if (roundAsExcel(abs / 1_000) >= 1_000) return `${sign}£${threeFigures(abs, 1_000_000)}m`;
  if (roundAsExcel(abs) >= 1_000) return `${sign}£${threeFigures(abs, 1_000)}k`;
  return `${sign}£${roundAsExcel(abs)}`;
}

/**
 * A figure someone stated or typed (an answer, an input, a cap), in short form without the zeros
 * three significant figures would add: £75k, £1.2m, £7.54k.
 */
export function formatGbpStated(value: number): string {
  return formatGbpShort(value).replace(/(\.\d*?)0+(?=[km]$)/, '$1').replace(/\.(?=[km]$)/, '');
}

/**
 * `abs` in `unit`s (at least one) to three significant figures: two places below 10, one below 100.
 * Every choice of form is made on a rounded figure (999 or 1,000; 9.99 or 10.00), never by comparing
 * the raw figure with a boundary such as 999,500: spreadsheets compare near-equal figures with a
 * tolerance, so only a rounded figure gives the same text here, in Excel and in the workbook's
 * formulas (workbook/textFormulas.ts).
 */
function threeFigures(abs: number, unit: number): string {
  const x = abs / unit;
  const places = (roundAsExcel(x, 2) < 10 ? 1 : 0) + (roundAsExcel(x, 1) < 100 ? 1 : 0);
  return roundAsExcel(x, places).toFixed(places);
}

/**
 * A range in report form with an en dash: £100k–£250k; a point value once: £75k. Ends the same to
 * the pound are a point value: a spreadsheet compares whole pounds exactly, where it would call two
 * figures a few parts in 10^14 apart equal.
 */
export function formatGbpRange(low: number, high: number, stated = false): string {
  const f = stated ? formatGbpStated : formatGbpShort;
  return roundAsExcel(low) === roundAsExcel(high) ? f(low) : `${f(low)}–${f(high)}`;
}

/** The whole number that reaches `x` (4.27 parties need 5), once float noise is rounded off: 4.000000000001 is 4. */
export function wholeReaching(x: number): number {
  return Math.ceil(roundAsExcel(x, 6));
}

/**
 * Discounting as HM Treasury's Green Book prescribes: a real rate that steps down with time.
 * Kept as a dated, sourced parameter because it is revised; modellers may replace it.
 */

export interface DiscountBand {
  /** First and last year (inclusive) the rate applies to; year 0 is the appraisal's first year. */
  readonly fromYear: number;
  readonly toYear: number;
  readonly rate: number;
}

export interface DiscountSchedule {
  readonly bands: readonly DiscountBand[];
  readonly source: string;
  /** When the source was published (ISO date). */
  readonly asOf: string;
}

export const GREEN_BOOK_DISCOUNTING: DiscountSchedule = {
  bands: [
    { fromYear: 0, toYear: 30, rate: 0.035 },
    { fromYear: 31, toYear: 75, rate: 0.03 },
  ],
  source: 'HM Treasury, The Green Book (2022): standard real discount rate 3.5% for years 0–30, 3.0% for years 31–75',
  asOf: '2022-11-18',
};

/** A flat schedule, for sensitivity runs and for modellers who use one rate. */
export function flatDiscounting(rate: number, source: string): DiscountSchedule {
  return { bands: [{ fromYear: 0, toYear: Number.MAX_SAFE_INTEGER, rate }], source, asOf: '' };
}

/** The rate that discounts year `year` back to year `year - 1`. */
export function rateForYear(schedule: DiscountSchedule, year: number): number {
  const band = schedule.bands.find((b) => year >= b.fromYear && year <= b.toYear) ?? schedule.bands[schedule.bands.length - 1];
  if (!band) throw new Error('a discount schedule needs at least one band');
  return band.rate;
}

/**
 * Discount factors for years 0..years-1: year 0 is 1, and each later year divides by one plus
 * that year's rate, so the rate in force steps down after year 30 without a jump in the factor.
 */
export function discountFactors(schedule: DiscountSchedule, years: number): number[] {
  const factors: number[] = [];
  let factor = 1;
  for (let t = 0; t < years; t++) {
    if (t > 0) factor /= 1 + rateForYear(schedule, t);
    factors.push(factor);
  }
  return factors;
}

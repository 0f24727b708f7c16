import { addDays, addMonths, format, isValid, lastDayOfMonth, parse, startOfMonth } from 'date-fns';

/**
 * Calendar dates as ISO strings ("2027-03-01"): what cells, flags and JSON carry. Arithmetic goes
 * through date-fns on local midnights, so no time zone can move a date to the day before.
 */
export type IsoDate = string & { readonly format: 'yyyy-MM-dd' };

const ISO = 'yyyy-MM-dd';
const DAYS_PER_MONTH = 365.25 / 12;

export function isoDate(text: string): IsoDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const d = parse(text, ISO, new Date(2000, 0, 1));
  return isValid(d) && format(d, ISO) === text ? (text as IsoDate) : null;
}

export function toDate(date: IsoDate): Date {
  // A day up to the 28th exists in every month: such a date is built directly (date-fns reads a format string each time, slow over thousands of rows).
  const m = ISO_PARTS.exec(date);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= 28 && Number(m[1]) >= 1000) {
    const d = new Date(2000, 0, 1);
    d.setFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return d;
  }
  return parse(date, ISO, new Date(2000, 0, 1));
}

export function fromDate(date: Date): IsoDate {
  const year = date.getFullYear();
  if (!(year >= 1000 && year <= 9999)) return format(date, ISO) as IsoDate;
  const month = date.getMonth() + 1;
  const day = date.getDate();
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}` as IsoDate;
}
const ISO_PARTS = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Adds a lead time in months: whole months as calendar months (1 March + 8 → 1 November), and a
 * fraction of a month as days at 365.25/12 days a month (12 weeks is 2 months and 23 days).
 */
export function addLeadTime(date: IsoDate, months: number): IsoDate {
  const whole = Math.floor(months + 1e-9);
  const days = Math.round((months - whole) * DAYS_PER_MONTH);
  return fromDate(addDays(addMonths(toDate(date), whole), days));
}

/**
 * The latest start from which a lead time of `months` ends on or before `date`: addLeadTime run
 * backwards, the days taken off first and then the months, so going forward again never passes it.
 */
export function latestStart(date: IsoDate, months: number): IsoDate {
  const whole = Math.floor(months + 1e-9);
  const days = Math.round((months - whole) * DAYS_PER_MONTH);
  return fromDate(addMonths(addDays(toDate(date), -days), -whole));
}

/** Day of week 0 (Sunday) to 6 (Saturday). */
const THURSDAY = 4;

export function lastWeekdayOfMonth(year: number, month: number, weekday: number): IsoDate {
  const last = lastDayOfMonth(new Date(year, month - 1, 1));
  return fromDate(addDays(last, -((last.getDay() - weekday + 7) % 7)));
}

export function firstWeekdayOfMonth(year: number, month: number, weekday: number): IsoDate {
  const first = startOfMonth(new Date(year, month - 1, 1));
  return fromDate(addDays(first, (weekday - first.getDay() + 7) % 7));
}

export const RELEASE_RULE =
  'SEC releases in February, June and November: the last Thursday of February and of June, and the first Thursday of November (actual dates vary; edit the list).';

/** The default SEC release calendar for the years given, by RELEASE_RULE. */
export function defaultReleaseCalendar(fromYear: number, toYear: number): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    dates.push(lastWeekdayOfMonth(y, 2, THURSDAY), lastWeekdayOfMonth(y, 6, THURSDAY), firstWeekdayOfMonth(y, 11, THURSDAY));
  }
  return dates;
}

/** ISO date to Excel's serial day number (1900 date system: 25569 is 1 January 1970). */
export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

/** Excel's serial day number (whole days) to an ISO date. */
export function isoFromSerial(serial: number): string {
  return new Date((Math.floor(serial) - 25_569) * 86_400_000).toISOString().slice(0, 10);
}

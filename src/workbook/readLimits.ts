import { excelSerial } from '../model/calendarDates';

/** The kinds of figure a workbook's input cells hold, for the limits below. */
export type FigureKind = 'money' | 'months' | 'rate' | 'number' | 'date';

/**
 * The widest figures the engine can compute with. A cell read back beyond them is reported and
 * not carried: past these, sums overflow to infinity, dates leave the calendar, or discounting
 * divides by zero. The cells' own, narrower rules are for the Checks sheet to test, as before.
 */
const LIMITS: Readonly<Record<FigureKind, { readonly min: number; readonly max: number; readonly why: string }>> = {
  money: { min: -1e12, max: 1e12, why: 'more than £1 trillion either way, beyond anything a party could spend' },
  months: { min: -1200, max: 1200, why: 'more than 100 years either way' },
  // Below 0%, discounting over the centuries the dates allow overflows.
  rate: { min: 0, max: 1, why: 'outside the rates the model can discount at (0% to 100%)' },
  number: { min: -1e7, max: 1e7, why: 'more than 10 million either way' },
  date: { min: excelSerial('1900-01-01'), max: excelSerial('2999-12-31') + 0.99999, why: 'which is not a date from 1900 to 2999' },
};

/** Why a cell's value cannot be carried (words to follow "holds X, "), or null when it can. Blank cells are the caller's. */
export function unusable(kind: FigureKind, value: unknown): string | null {
  if (typeof value !== 'number') return kind === 'date' ? 'which is not a date' : 'which is not a number';
  const { min, max, why } = LIMITS[kind];
  return Number.isFinite(value) && value >= min && value <= max ? null : why;
}

/** Text as one line of a message: line breaks, runs of spaces and control characters become one space. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ');
}

/** A cell's value as a message quotes it: numbers as they are, text in quotes, short and on one line. */
export function quoted(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  const line = oneLine(value);
  return `"${line.length > 40 ? `${line.slice(0, 40)}…` : line}"`;
}

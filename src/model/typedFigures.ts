import { answerKey } from './answerText';
import { isoDate, type IsoDate } from './calendarDates';
import { MONTH_NAMES } from './leadTimeAnswer';
import { roundAsExcel } from './money';
import { findMoneyExpressions } from './moneyExpressions';

/**
 * Figures typed into a box, read as a modeller writes them: money through the same reader as the
 * consultation answers (40k, £40k, £1.2m, 40,000), percentages with or without their sign, months
 * and counts as plain numbers. What cannot be read is refused with the reason, never dropped.
 */

export type FigureUnit = 'gbp' | 'percent' | 'months' | 'days' | 'count' | 'years';

export interface FigureRule {
  readonly unit: FigureUnit;
  readonly min?: number;
  readonly max?: number;
  /** A blank box means something (not yet provided, the parsed answer counts) instead of being an error. */
  readonly blankAllowed?: boolean;
}

export type Typed<T> = { readonly kind: 'blank' } | { readonly kind: 'value'; readonly value: T } | { readonly kind: 'invalid'; readonly message: string };
export type TypedFigure = Typed<number>;

const HOW: Readonly<Record<FigureUnit, string>> = {
  gbp: 'a sum of money: type it as 40k, £40k, £1.2m or 40,000',
  percent: 'a percentage: type it as 25 or 25%',
  months: 'a number of months, such as 6 or 7.5',
  days: 'a number of days, such as 30 or 12.5',
  count: 'a whole number',
  years: 'a whole number of years',
};

const WHOLE: ReadonlySet<FigureUnit> = new Set(['count', 'years']);

export function readFigure(text: string, rule: FigureRule): TypedFigure {
  const typed = text.trim();
  if (typed === '') return rule.blankAllowed ? { kind: 'blank' } : { kind: 'invalid', message: 'enter a figure' };
  const value = rule.unit === 'gbp' ? moneyOf(typed) : plainNumber(typed, rule.unit);
  if (value === null) return { kind: 'invalid', message: `“${typed}” is not ${HOW[rule.unit]}` };
  if (WHOLE.has(rule.unit) && !Number.isInteger(value)) return { kind: 'invalid', message: `“${typed}” is not ${HOW[rule.unit]}` };
  const { min, max } = rule;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const bounds = min !== undefined && max !== undefined ? `from ${figureText(min, rule.unit)} to ${figureText(max, rule.unit)}` : min !== undefined ? `at least ${figureText(min, rule.unit)}` : `at most ${figureText(max!, rule.unit)}`;
    return { kind: 'invalid', message: `must be ${bounds}` };
  }
  return { kind: 'value', value };
}

/** One sum of money and nothing else: "40k", "£1.2m", "40,000"; not a range, not "about 40k". */
function moneyOf(typed: string): number | null {
  const key = answerKey(typed);
  const found = findMoneyExpressions(key);
  const only = found.length === 1 ? found[0]! : null;
  if (!only || only.problem || only.high === null || only.low !== only.high || only.approximate) return null;
  return only.start === 0 && only.end === key.length ? only.low : null;
}

function plainNumber(typed: string, unit: FigureUnit): number | null {
  const bare = unit === 'percent' ? typed.replace(/\s*%$/, '') : typed;
  const digits = unit === 'count' ? bare.replace(/,(?=\d{3}\b)/g, '') : bare;
  if (!/^-?(?:\d+(?:\.\d*)?|\.\d+)$/.test(digits)) return null;
  const n = Number(digits);
  return unit === 'percent' ? roundAsExcel(n / 100, 12) : n;
}

/**
 * A value as its box shows it, which reads back to exactly the value: money as £40k or £1.2m
 * where that is exact, else in full pounds; a share as a percentage.
 */
export function figureText(value: number, unit: FigureUnit): string {
  switch (unit) {
    case 'gbp':
      return moneyText(value);
    case 'percent':
      return `${roundAsExcel(value * 100, 10)}%`;
    case 'count':
      return value.toLocaleString('en-GB', { maximumFractionDigits: 0 });
    default:
      return String(value);
  }
}

/** £40k, £1.25m, £2bn where that is the exact value; otherwise every pound: £1,234,567. */
function moneyText(value: number): string {
  for (const [unit, exponent, places] of [
    ['bn', 9, 2],
    ['m', 6, 2],
    ['k', 3, 1],
  ] as const) {
    const scaled = roundAsExcel(value / 10 ** exponent, places);
    // Scaled back in decimal text, as the reader scales, so "exact" means it reads back the same.
    if (Math.abs(value) >= 10 ** exponent && Number(`${scaled}e${exponent}`) === value) return `£${scaled}${unit}`;
  }
  const pence = Number.isInteger(value) ? 0 : 2;
  return `£${value.toLocaleString('en-GB', { minimumFractionDigits: pence, maximumFractionDigits: pence })}`;
}

/**
 * A date as a UK modeller types it: 01/03/2027, 1/3/2027, 1 March 2027, 1 Mar 2027 or 2027-03-01.
 * Day before month: this tool is for GB users, and 01/03 is never read as January.
 */
export function readDate(text: string, blankAllowed = false): Typed<IsoDate> {
  const typed = text.trim();
  if (typed === '') return blankAllowed ? { kind: 'blank' } : { kind: 'invalid', message: 'enter a date' };
  const iso = isoDate(typed) ?? isoDate(dayFirst(typed) ?? '');
  return iso ? { kind: 'value', value: iso } : { kind: 'invalid', message: `“${typed}” is not a date: type it as 01/03/2027 or 1 March 2027` };
}

function dayFirst(typed: string): string | null {
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(typed);
  const named = /^(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i.exec(typed);
  // A month name or its start of three letters or more: "Mar", "Sept", "March".
  const month = numeric ? Number(numeric[2]) : named ? MONTH_NAMES.findIndex((m) => m.toLowerCase().startsWith(named[2]!.toLowerCase())) + 1 : 0;
  const parts = numeric ?? named;
  if (!parts || month < 1) return null;
  return `${parts[3]}-${String(month).padStart(2, '0')}-${parts[1]!.padStart(2, '0')}`;
}

/** 01/03/2027: how a date box shows a date, and reads it back. */
export function dateText(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

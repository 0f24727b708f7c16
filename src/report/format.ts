import { MONTH_NAMES } from '../model/leadTimeAnswer';
import { roundAsExcel } from '../model/money';

/**
 * The report's house style for everything but money (money is model/money.ts): dates as
 * "1 March 2027", small counts in words at the start of a sentence, lead times in months.
 */

export function formatReportDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** Counts up to ten in words, as report prose writes them; larger ones in figures. */
export function countWord(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < WORDS.length ? WORDS[n]! : n.toLocaleString('en-GB');
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "6 months", "1 month", "2.8 months". */
export function formatMonths(m: number): string {
  const rounded = roundAsExcel(m, 1);
  return `${rounded} month${rounded === 1 ? '' : 's'}`;
}

export function formatShare(share: number): string {
  return `${roundAsExcel(share * 1000) / 10}%`;
}

/** "a, b and c" (or "a, b or c"). */
export function listing(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

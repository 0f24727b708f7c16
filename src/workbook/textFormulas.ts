import { MONTH_NAMES } from '../model/leadTimeAnswer';
import { abs, call, concat, div, ge, iff, lt, mul, num, str, type Expr } from './formula';

/**
 * Formulas that write figures as the report writes them, so text built in the workbook follows
 * its numbers live and reads exactly as the engine's text (model/money.ts, report/format.ts).
 * The numbers in them are display units (a thousand, a million), not assumptions.
 */

const round = (x: Expr, places: number) => call('ROUND', x, num(places));
const text = (x: Expr) => concat(x, str(''));

/** £1.25m, £525k, £75.5k, £950; a negative with a minus sign: −£641k (formatGbpShort). */
export function gbpText(x: Expr): Expr {
  const a = abs(x);
  // Millions once it rounds to a thousand thousands; thousands once it rounds to a thousand pounds.
  const body = iff(
    ge(round(div(a, num(1000)), 0), num(1000)),
    concat(text(round(div(a, num(1_000_000)), 2)), str('m')),
    iff(ge(round(a, 0), num(1000)), concat(iff(ge(a, num(100_000)), round(div(a, num(1000)), 0), div(round(div(a, num(100)), 0), num(10))), str('k')), text(round(a, 0))),
  );
  return concat(concat(iff(lt(x, num(0)), str('−'), str('')), str('£')), body);
}

/** £100k–£250k, or one figure when both ends are the same (formatGbpRange). */
export function gbpRangeText(low: Expr, high: Expr): Expr {
  return iff(call('AND', ge(low, high), ge(high, low)), gbpText(low), concat(concat(gbpText(low), str('–')), gbpText(high)));
}

/** 4 November 2027 (formatReportDate). */
export function dateText(serial: Expr): Expr {
  return concat(concat(concat(call('DAY', serial), str(' ')), concat(call('CHOOSE', call('MONTH', serial), ...MONTH_NAMES.map(str)), str(' '))), call('YEAR', serial));
}

/** 25%, 12.5% (formatShare: to a tenth of a per cent). */
export function shareText(x: Expr): Expr {
  return concat(div(round(mul(x, num(1000)), 0), num(10)), str('%'));
}

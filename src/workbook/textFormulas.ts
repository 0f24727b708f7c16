import { MONTH_NAMES } from '../model/leadTimeAnswer';
import { abs, add, call, concat, div, eq, ge, iff, lt, mul, num, str, type Expr } from './formula';

/**
 * Formulas that write figures as the report writes them, so text built in the workbook follows
 * its numbers live and reads exactly as the engine's text (model/money.ts, report/format.ts).
 * The numbers in them are display units (a thousand, a million), not assumptions.
 */

const round = (x: Expr, places: number | Expr) => call('ROUND', x, typeof places === 'number' ? num(places) : places);

/**
 * £1.25m, £4.10m, £525k, £75.0k, £950; a negative with a minus sign: −£641k (formatGbpShort).
 * A figure someone stated goes without the zeros three figures would add: £75k (formatGbpStated).
 */
export function gbpText(x: Expr, stated = false): Expr {
  const a = abs(x);
  // Millions from what rounds to a thousand thousands, thousands from what rounds to a thousand pounds.
  const body = iff(
    ge(round(div(a, num(1_000)), 0), num(1_000)),
    concat(threeFigures(a, 1_000_000, stated), str('m')),
    iff(ge(round(a, 0), num(1_000)), concat(threeFigures(a, 1_000, stated), str('k')), round(a, 0)),
  );
  // A figure joined to "£" becomes text: the body needs no conversion of its own.
  return concat(concat(iff(lt(x, num(0)), str('−'), str('')), str('£')), body);
}

/**
 * `a` in `unit`s to three significant figures with their zeros (threeFigures): ROUND does the
 * rounding as the engine does, and TEXT only writes the places out. Each choice of form compares a
 * rounded figure, as the engine does, so Excel's tolerance in comparing near-equal figures cannot
 * tip it. The format's decimal point is the English one, as the report's is.
 */
function threeFigures(a: Expr, unit: number, stated: boolean): Expr {
  const x = div(a, num(unit));
  const places = add(lt(round(x, 2), num(10)), lt(round(x, 1), num(100)));
  const rounded = round(x, places);
  return stated ? rounded : call('TEXT', rounded, call('CHOOSE', add(places, num(1)), str('0'), str('0.0'), str('0.00')));
}

/** £100k–£250k, or one figure when both ends are the same to the pound (formatGbpRange). */
export function gbpRangeText(low: Expr, high: Expr, stated = false): Expr {
  return concat(gbpText(low, stated), iff(eq(round(low, 0), round(high, 0)), str(''), concat(str('–'), gbpText(high, stated))));
}

/** 4 November 2027 (formatReportDate). */
export function dateText(serial: Expr): Expr {
  return concat(concat(concat(call('DAY', serial), str(' ')), concat(call('CHOOSE', call('MONTH', serial), ...MONTH_NAMES.map(str)), str(' '))), call('YEAR', serial));
}

/** 25%, 12.5% (formatShare: to a tenth of a per cent). */
export function shareText(x: Expr): Expr {
  return concat(div(round(mul(x, num(1000)), 0), num(10)), str('%'));
}

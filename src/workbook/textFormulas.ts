import { MONTH_NAMES } from '../model/leadTimeAnswer';
import { abs, add, call, concat, div, eq, ge, iff, lt, mul, num, str, type Expr } from './formula';

/**
 * Formulas that write figures as the report writes them, so text built in the workbook follows
 * its numbers live and reads exactly as the engine's text (model/money.ts, report/format.ts).
 * The numbers in them are display units (a thousand, a million), not assumptions.
 */

const round = (x: Expr, places: Expr) => call('ROUND', x, places);

// Operands made once and shared: a large report builds these formulas for every row of a table.
const [ZERO, ONE, TWO, TEN, HUNDRED, THOUSAND, MILLION] = [0, 1, 2, 10, 100, 1_000, 1_000_000].map(num) as [Expr, Expr, Expr, Expr, Expr, Expr, Expr];
const [NOTHING, MINUS, POUND, M, K, TO] = ['', '−', '£', 'm', 'k', '–'].map(str) as [Expr, Expr, Expr, Expr, Expr, Expr];
const [SPACE, PER_CENT] = [' ', '%'].map(str) as [Expr, Expr];
const PLACES = ['0', '0.0', '0.00'].map(str);
const MONTHS = MONTH_NAMES.map(str);

/**
 * £1.25m, £4.10m, £525k, £75.0k, £950; a negative with a minus sign: −£641k (formatGbpShort).
 * A figure someone stated goes without the zeros three figures would add: £75k (formatGbpStated).
 */
export function gbpText(x: Expr, stated = false): Expr {
  const a = abs(x);
  // Millions from what rounds to a thousand thousands, thousands from what rounds to a thousand pounds.
  const body = iff(
    ge(round(div(a, THOUSAND), ZERO), THOUSAND),
    concat(threeFigures(a, MILLION, stated), M),
    iff(ge(round(a, ZERO), THOUSAND), concat(threeFigures(a, THOUSAND, stated), K), round(a, ZERO)),
  );
  // A figure joined to "£" becomes text: the body needs no conversion of its own.
  return concat(concat(iff(lt(x, ZERO), MINUS, NOTHING), POUND), body);
}

/**
 * `a` in `unit`s to three significant figures with their zeros (threeFigures): ROUND does the
 * rounding as the engine does, and TEXT only writes the places out. Each choice of form compares a
 * rounded figure, as the engine does, so Excel's tolerance in comparing near-equal figures cannot
 * tip it. The format's decimal point is the English one, as the report's is.
 */
function threeFigures(a: Expr, unit: Expr, stated: boolean): Expr {
  const x = div(a, unit);
  const places = add(lt(round(x, TWO), TEN), lt(round(x, ONE), HUNDRED));
  const rounded = round(x, places);
  return stated ? rounded : call('TEXT', rounded, call('CHOOSE', add(places, ONE), ...PLACES));
}

/** £100k–£250k, or one figure when both ends are the same to the pound (formatGbpRange). */
export function gbpRangeText(low: Expr, high: Expr, stated = false): Expr {
  return concat(gbpText(low, stated), iff(eq(round(low, ZERO), round(high, ZERO)), NOTHING, concat(TO, gbpText(high, stated))));
}

/** 4 November 2027 (formatReportDate). */
export function dateText(serial: Expr): Expr {
  return concat(concat(concat(call('DAY', serial), SPACE), concat(call('CHOOSE', call('MONTH', serial), ...MONTHS), SPACE)), call('YEAR', serial));
}

/** 25%, 12.5% (formatShare: to a tenth of a per cent). */
export function shareText(x: Expr): Expr {
  return concat(div(round(mul(x, THOUSAND), ZERO), TEN), PER_CENT);
}

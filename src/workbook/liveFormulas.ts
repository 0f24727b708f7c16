import { capitalise } from '../report/format';
import type { Live, Quantity, Test } from '../report/liveText';
import { add, call, concat, div, eq, ge, gt, iff, le, lt, num, str, type Expr } from './formula';
import { dateText, gbpRangeText, gbpText, shareText } from './textFormulas';

/** Where the workbook holds a quantity the report quotes. */
export type Resolve = (q: Quantity) => Expr;

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

// Operands made once and shared: a large report builds these formulas for every row of a table.
const [NOTHING, MONTH, MONTHS, COMMA, TWO_ZEROS] = ['', ' month', ' months', ',', '00'].map(str) as [Expr, Expr, Expr, Expr, Expr];
const [ZERO, ONE, THREE, SIX, TEN, THOUSAND] = [0, 1, 3, 6, 10, 1000].map(num) as [Expr, Expr, Expr, Expr, Expr, Expr];
const COUNT_WORDS = { lower: WORDS.map(str), capital: WORDS.map(capitalise).map(str) };

/** The formula that writes a piece of live report text (report/liveText.ts) from the workbook's cells. */
export function liveFormula(live: Live, resolve: Resolve): Expr {
  if (typeof live === 'string') return str(live);
  switch (live.k) {
    case 'money':
      return gbpText(resolve(live.q));
    case 'range':
      return gbpRangeText(resolve(live.low), resolve(live.high), live.stated);
    case 'date':
      return dateText(resolve(live.q));
    case 'share':
      return shareText(resolve(live.q));
    case 'months': {
      const m = call('ROUND', resolve(live.q), ONE);
      return concat(m, iff(eq(m, ONE), MONTH, MONTHS));
    }
    case 'text':
      return concat(resolve(live.q), NOTHING);
    case 'count':
      return countText(resolve(live.q), live.capital ?? false);
    case 'round':
      return concat(call('ROUND', resolve(live.q), num(live.places)), NOTHING);
    case 'whole':
      return concat(call('ROUNDUP', call('ROUND', resolve(live.q), SIX), ZERO), NOTHING);
    case 'if':
      return iff(testFormula(live.test, resolve), liveFormula(live.then, resolve), liveFormula(live.else, resolve));
    case 'cat':
      return live.parts.length === 0 ? NOTHING : live.parts.map((l) => liveFormula(l, resolve)).reduce((a, b) => concat(a, b));
    case 'figured':
      return liveFormula(live.shown, resolve);
    default: {
      const never: never = live;
      return never;
    }
  }
}

function testFormula(t: Test, resolve: Resolve): Expr {
  switch (t.k) {
    case 'number':
      return call('ISNUMBER', resolve(t.q));
    case 'eq':
      return eq(resolve(t.q), typeof t.v === 'string' ? str(t.v) : typeof t.v === 'number' ? num(t.v) : call(t.v ? 'TRUE' : 'FALSE'));
    case 'same':
      return call('EXACT', resolve(t.a), resolve(t.b));
    case 'gt':
      return call('AND', call('ISNUMBER', resolve(t.q)), gt(resolve(t.q), num(t.v)));
    case 'lt':
      return call('AND', call('ISNUMBER', resolve(t.q)), lt(resolve(t.q), num(t.v)));
    case 'not':
      return call('NOT', testFormula(t.t, resolve));
    case 'and':
      return call('AND', ...t.ts.map((s) => testFormula(s, resolve)));
    case 'or':
      return call('OR', ...t.ts.map((s) => testFormula(s, resolve)));
    default: {
      const never: never = t;
      return never;
    }
  }
}

/** Counts as report prose writes them (countWord): up to ten in words, larger ones in figures with a thousands comma. */
function countText(n: Expr, capital: boolean): Expr {
  const words = capital ? COUNT_WORDS.capital : COUNT_WORDS.lower;
  const small = call('AND', ge(n, ZERO), le(n, TEN), eq(n, call('INT', n)));
  const thousands = concat(concat(call('INT', div(n, THOUSAND)), COMMA), call('RIGHT', concat(TWO_ZEROS, call('MOD', n, THOUSAND)), THREE));
  return iff(small, call('CHOOSE', add(n, ONE), ...words), iff(ge(n, THOUSAND), thousands, concat(n, NOTHING)));
}

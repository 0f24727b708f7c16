import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { add, area, call, cell, concat, div, eq, formulaText, lt, movedDown, mul, neg, num, str, sub, type Expr } from '../../src/workbook/formula';

const SHEET = 'Sheet1';
const A1 = cell(SHEET, 0, 0);
const B1 = cell(SHEET, 0, 1);
const C1 = cell(SHEET, 0, 2);
const text = (e: Expr) => formulaText(e, SHEET, 'a1');

describe('formula text brackets only what changes the order of working', () => {
  test('operands that bind as tightly on the right, or less tightly, are bracketed; the rest are not', () => {
    expect(text(sub(A1, sub(B1, C1)))).toBe('=A1-(B1-C1)');
    expect(text(sub(sub(A1, B1), C1))).toBe('=A1-B1-C1');
    expect(text(div(A1, mul(B1, C1)))).toBe('=A1/(B1*C1)');
    expect(text(mul(add(A1, B1), C1))).toBe('=(A1+B1)*C1');
    expect(text(add(A1, mul(B1, C1)))).toBe('=A1+B1*C1');
    expect(text(concat(str('£'), add(A1, num(1))))).toBe('="£"&A1+1');
    expect(text(concat(str('x'), eq(A1, B1)))).toBe('="x"&(A1=B1)');
    expect(text(eq(lt(A1, B1), lt(B1, C1)))).toBe('=(A1<B1)=(B1<C1)');
    expect(text(mul(A1, num(-5)))).toBe('=A1*(-5)');
    expect(text(neg(add(A1, B1)))).toBe('=(-(A1+B1))');
  });

  // Any tree of arithmetic over three cells reads, in a spreadsheet, as the tree computes.
  const leaf = fc.constantFrom<Expr>(A1, B1, C1, num(2), num(-3), num(0.5));
  const { tree } = fc.letrec<{ tree: Expr }>((self) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.tuple(fc.constantFrom(add, sub, mul, div), self('tree'), self('tree')).map(([op, a, b]) => op(a, b)), self('tree').map(neg)),
  }));
  const values = [1.5, -4, 7];
  const computed = (e: Expr): number => {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'cell':
        return values[e.col]!;
      case 'neg':
        return -computed(e.a);
      case 'op': {
        const [a, b] = [computed(e.a), computed(e.b)];
        return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : a / b;
      }
      default:
        throw new Error(`not generated: ${e.k}`);
    }
  };

  test('arithmetic of any shape reads in a spreadsheet as the tree computes', () => {
    const hf = HyperFormula.buildFromArray([[...values, 0]], { licenseKey: 'gpl-v3' });
    fc.assert(
      fc.property(tree, (e) => {
        const expected = computed(e);
        fc.pre(Number.isFinite(expected) && Math.abs(expected) < 1e12);
        hf.setCellContents({ sheet: 0, row: 0, col: 3 }, [[text(e)]]);
        const shown = hf.getCellValue({ sheet: 0, row: 0, col: 3 });
        expect(typeof shown).toBe('number');
        expect(shown as number).toBeCloseTo(expected, 6);
      }),
      { numRuns: 400 },
    );
  });
});

describe('movedDown: the same formula filled down', () => {
  /** `e` with every cell reference `rows` rows lower. */
  const lower = (e: Expr, rows: number): Expr => {
    switch (e.k) {
      case 'cell':
        return cell(e.sheet, e.row + rows, e.col);
      case 'op':
        return { ...e, a: lower(e.a, rows), b: lower(e.b, rows) };
      case 'neg':
        return neg(lower(e.a, rows));
      case 'call':
        return call(e.fn, ...e.args.map((x) => lower(x, rows)));
      default:
        return e;
    }
  };
  const formula = fc.tuple(fc.constantFrom<Expr>(A1, B1, cell('Costs', 4, 9)), fc.constantFrom<Expr>(C1, num(-1), str('k'), cell('Costs', 4, 10), area('Costs', 1, 2, 9, 2))).map(([a, b]) => call('IF', lt(a, b), concat(str('£'), call('ROUND', div(a, num(1000)), num(1))), add(a, b)));

  // Each generated formula refers to at least one cell, so that it moves.
  test('a formula with its cells moved down is recognised, by that many rows only', () => {
    fc.assert(
      fc.property(formula, fc.integer({ min: 1, max: 50 }), (f, rows) => {
        expect(movedDown(f, lower(f, rows), rows)).toBe(true);
        expect(movedDown(f, lower(f, rows), rows + 1)).toBe(false);
      }),
    );
  });

  test('a changed constant, area, function or reference is another formula', () => {
    const f = call('IF', lt(A1, num(0)), str('−'), str(''));
    expect(movedDown(f, call('IF', lt(cell(SHEET, 1, 0), num(0)), str('−'), str('')), 1)).toBe(true);
    expect(movedDown(f, call('IF', lt(cell(SHEET, 1, 0), num(1)), str('−'), str('')), 1)).toBe(false);
    expect(movedDown(f, call('IF', lt(cell(SHEET, 1, 1), num(0)), str('−'), str('')), 1)).toBe(false);
    expect(movedDown(f, call('IF', lt(cell(SHEET, 1, 0), num(0)), str('-'), str('')), 1)).toBe(false);
    expect(movedDown(area(SHEET, 0, 0, 9, 0), area(SHEET, 1, 0, 10, 0), 1)).toBe(false);
    expect(movedDown(call('SUM', A1), call('MAX', cell(SHEET, 1, 0)), 1)).toBe(false);
  });
});

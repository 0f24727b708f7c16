import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { add, cell, concat, div, eq, formulaText, lt, mul, neg, num, str, sub, type Expr } from '../../src/workbook/formula';

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

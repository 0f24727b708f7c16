import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { formatGbpRange, formatGbpShort, formatGbpStated } from '../../src/model/money';
import { cell, formulaText, type Expr } from '../../src/workbook/formula';
import { gbpRangeText, gbpText } from '../../src/workbook/textFormulas';
// Loaded for Excel's ROUND in HyperFormula.
import '../support/hyperformula';

const SHEET = 'Sheet1';
const [A1, B1] = [cell(SHEET, 0, 0), cell(SHEET, 0, 1)];

/** What a spreadsheet shows for the formula over A1 and B1. */
function shown(formula: Expr, a: number, b = a): unknown {
  const hf = HyperFormula.buildFromArray([[a, b, formulaText(formula, SHEET, 'a1')]], { licenseKey: 'gpl-v3' });
  const value = hf.getCellValue({ sheet: 0, row: 0, col: 2 });
  hf.destroy();
  return value;
}

/** Figures at each place the text changes form (a thousand, ten and a hundred thousand, a million...) and either side of it. */
const edges = [999.5, 9_995, 99_950, 999_500, 9_995_000, 99_950_000].flatMap((e) => [e, e - 0.01, e + 0.01, -e]);
const figure = fc.oneof(fc.double({ min: -2e9, max: 2e9, noNaN: true }), fc.integer({ min: 0, max: 5_000_000 }), fc.constantFrom(0, ...edges));

describe('money written by workbook formulas reads as the engine writes it', () => {
  test('short form, three significant figures with their zeros', () => {
    fc.assert(fc.property(figure, (x) => expect(shown(gbpText(A1), x)).toBe(formatGbpShort(x))), { numRuns: 300 });
  });

  test('stated form, without the added zeros', () => {
    fc.assert(fc.property(figure, (x) => expect(shown(gbpText(A1, true), x)).toBe(formatGbpStated(x))), { numRuns: 300 });
  });

  test('ranges, and a range whose ends are equal written once', () => {
    fc.assert(fc.property(figure, figure, fc.boolean(), (low, high, stated) => expect(shown(gbpRangeText(A1, B1, stated), low, high)).toBe(formatGbpRange(low, high, stated))), { numRuns: 200 });
    expect(shown(gbpRangeText(A1, B1), 75_000, 75_000)).toBe('£75.0k');
  });
});

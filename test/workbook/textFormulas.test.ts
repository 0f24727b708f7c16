import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { formatGbpRange, formatGbpShort, formatGbpStated } from '../../src/model/money';
import { cell, formulaText, type Expr } from '../../src/workbook/formula';
import { gbpRangeText, gbpText } from '../../src/workbook/textFormulas';
// Loaded for Excel's ROUND in HyperFormula.
import '../support/hyperformula';

const SHEET = 'Sheet1';
const [A1, B1] = [cell(SHEET, 0, 0), cell(SHEET, 0, 1)];

/** What a spreadsheet shows for the formula over A1 and B1: one sheet, its two figures typed in for each case. */
function sheetShowing(formula: Expr): (a: number, b?: number) => unknown {
  const hf = HyperFormula.buildFromArray([[0, 0, formulaText(formula, SHEET, 'a1')]], { licenseKey: 'gpl-v3' });
  return (a, b = a) => {
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [[a, b]]);
    return hf.getCellValue({ sheet: 0, row: 0, col: 2 });
  };
}

/**
 * Figures at each place the text changes form (a thousand, ten and a hundred thousand, a million...),
 * either side of it, and within a spreadsheet's tolerance below it (a few parts in 10^14), where a
 * raw comparison with the boundary would read differently in the engine and in a spreadsheet.
 */
const edges = [999.5, 9_995, 99_950, 999_500, 9_995_000, 99_950_000].flatMap((e) => [e, e - 0.01, e + 0.01, -e, e * (1 - 5e-14), e * (1 - 1e-15)]);
const figure = fc.oneof(fc.double({ min: -2e9, max: 2e9, noNaN: true }), fc.integer({ min: 0, max: 5_000_000 }), fc.constantFrom(0, ...edges));

// A failure is reported at once with its figure: shrinking a double through the spreadsheet took minutes.
describe('money written by workbook formulas reads as the engine writes it', () => {
  test('short form, three significant figures with their zeros', () => {
    const shown = sheetShowing(gbpText(A1));
    fc.assert(fc.property(figure, (x) => expect(shown(x)).toBe(formatGbpShort(x))), { numRuns: 300, endOnFailure: true });
  });

  test('stated form, without the added zeros', () => {
    const shown = sheetShowing(gbpText(A1, true));
    fc.assert(fc.property(figure, (x) => expect(shown(x)).toBe(formatGbpStated(x))), { numRuns: 300, endOnFailure: true });
  });

  test('ranges, and a range whose ends are equal written once', () => {
    const [short, stated] = [sheetShowing(gbpRangeText(A1, B1)), sheetShowing(gbpRangeText(A1, B1, true))];
    fc.assert(fc.property(figure, figure, fc.boolean(), (low, high, asStated) => expect((asStated ? stated : short)(low, high)).toBe(formatGbpRange(low, high, asStated))), { numRuns: 300, endOnFailure: true });
    expect(short(75_000, 75_000)).toBe('£75.0k');
    // Ends a few parts in 10^14 apart, which a spreadsheet calls equal, read the same in both.
    expect(short(99_949_999.999995, 99_950_000)).toBe(formatGbpRange(99_949_999.999995, 99_950_000));
    expect(short(100_000.2, 100_000.4)).toBe('£100k');
  });
});

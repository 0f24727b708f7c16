import { movedDown } from '../../src/workbook/formula';
import type { Cell } from '../../src/workbook/plan';
import { livePlan } from '../support/plans';
import { syntheticAnnex } from '../support/synthetic';

describe("a filled column's promise: each row's formula is the one above moved down a row", () => {
  test('holds for every filled cell of a real workbook, with overrides entered', () => {
    const built = livePlan(syntheticAnnex(60), (a) => ({
      ...a,
      overrides: { ...a.overrides, costs: { 'respondent-00003-ltd': { low: 5_000, high: 9_000 } }, leadTimeMonths: { 'respondent-00004-ltd': 7 } },
    }));
    let checked = 0;
    for (const sheet of built.plan.sheets)
      for (const table of sheet.tables)
        table.columns.forEach((_, col) => {
          let above: Cell | null = null;
          for (const row of table.rows) {
            const c = row[col]!;
            if (c.t === 'formula' && c.fill && above?.t === 'formula' && above.fill === c.fill) {
              expect(c.fillRow).toBe(above.fillRow! + 1);
              expect(movedDown(above.f, c.f, 1)).toBe(true);
              checked++;
            }
            above = c;
          }
        });
    // Eight columns on Costs and four on Lead times, 59 pairs of rows each.
    expect(checked).toBe(12 * 59);
  });
});

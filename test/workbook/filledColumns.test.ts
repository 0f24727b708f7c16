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
    // Pairs of rows in one fill, by table and column.
    const pairs = new Map<string, number>();
    for (const sheet of built.plan.sheets)
      for (const table of sheet.tables)
        table.columns.forEach((column, col) => {
          let above: Cell | null = null;
          for (const row of table.rows) {
            const c = row[col]!;
            if (c.t === 'formula' && c.fill && above?.t === 'formula' && above.fill === c.fill) {
              expect(c.fillRow).toBe(above.fillRow! + 1);
              expect(movedDown(above.f, c.f, 1)).toBe(true);
              const key = `${table.name} ${column.header}`;
              pairs.set(key, (pairs.get(key) ?? 0) + 1);
            }
            above = c;
          }
        });
    // Eight columns on Costs and four on Lead times are one fill down all 60 rows, with the
    // overrides; so are the report's columns that quote only each respondent's own cells.
    const wholly = [...pairs].filter(([, n]) => n === 59).map(([key]) => key);
    expect(wholly.filter((key) => key.startsWith('tblCosts '))).toHaveLength(8);
    expect(wholly.filter((key) => key.startsWith('tblLeadTimes '))).toHaveLength(4);
    expect(wholly).toEqual(expect.arrayContaining(['tblReport_cost_estimates Used in the model', 'tblReport_lead_times Ready by', 'tblReport_lead_times Notes']));
    // A lead time as written differs from row to row: that column's rows are compared by the writer, not claimed.
    expect(pairs.has('tblReport_lead_times Lead time')).toBe(false);
  });
});

import { freeSheetNames, renameSheets } from '../../src/workbook/renameSheets';
import { checkFormulas, sameValue } from '../support/hyperformula';
import { livePlan } from '../support/plans';
import { seedText } from '../support/seed';

describe('importing beside sheets of the same names', () => {
  test('free names: "(model)", then numbered, within 31 characters', () => {
    expect(freeSheetNames(['Costs', 'Timeline'], ['Costs', 'Timeline', 'Costs (model)'])).toEqual({ Costs: 'Costs (model 2)', Timeline: 'Timeline (model)' });
    expect(freeSheetNames(['An extremely long sheet name xyz'], [])['An extremely long sheet name xyz']).toBe('An extremely long sheet (model)');
  });

  test('a renamed plan still computes the engine’s values: every reference follows the new names', () => {
    const plan = renameSheets(livePlan(seedText()).plan, { Costs: 'Costs (model)', Assumptions: "Panel's inputs" });
    expect(plan.sheets.map((s) => s.name)).toContain('Costs (model)');
    expect(plan.names.find((n) => n.name === 'DiscountRate')!.sheet).toBe("Panel's inputs");
    const checks = checkFormulas(plan);
    expect(checks.some((c) => c.formula.includes("'Costs (model)'!"))).toBe(true);
    expect(checks.filter((c) => !sameValue(c.actual, c.expected))).toEqual([]);
  });
});

import { createMemoryHost } from '../../src/workbook/memoryHost';
import { WorkbookRefusal } from '../../src/workbook/host';

test('the next import offers the same names again, so it updates the sheets it wrote before', async () => {
  const host = createMemoryHost(['Sheet1', 'Costs']);
  const plan = livePlan(seedText()).plan;
  const first = await host.writePlan(plan).catch((e: unknown) => e as WorkbookRefusal);
  expect(first).toBeInstanceOf(WorkbookRefusal);
  const renames = (first as WorkbookRefusal).renames!;
  expect(renames).toEqual({ Costs: 'Costs (model)' });
  await host.writePlan(renameSheets(plan, renames));
  const second = await host.writePlan(plan).catch((e: unknown) => e as WorkbookRefusal);
  expect((second as WorkbookRefusal).renames).toEqual({ Costs: 'Costs (model)' });
  const report = await host.writePlan(renameSheets(plan, renames));
  expect(report.replaced).toContain('Costs (model)');
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePlan } from '../../src/excel/writePlan';
import { WorkbookRefusal } from '../../src/workbook/host';
import { importText } from '../../src/import/importText';
import { REGISTRY_SHEET } from '../../src/workbook/ownership';
import { FORMAT_CODES } from '../../src/workbook/plan';
import { buildResponsePlan } from '../../src/workbook/responseSheets';
import { asExcelContext, FakeContext } from '../support/fakeExcel';
import { seedText } from '../support/seed';
import { syntheticAnnex } from '../support/synthetic';

const all = () => true;
const planOf = (text: string) => {
  const read = importText(text, 'doc');
  return buildResponsePlan(read.analysis, read.findings);
};

describe('writing the plan through office-js', () => {
  test('the seed lands as four sheets, their tables and the registry, in two syncs', async () => {
    const ctx = new FakeContext();
    const report = await writePlan(asExcelContext(ctx), planOf(seedText()), all);
    expect(ctx.syncs).toBe(2);
    expect(report.created).toEqual(['Responses', 'Costs', 'Lead times', 'Findings']);
    const sheets = ctx.workbook.worksheets.sheets;
    expect(sheets.map((s) => s.name)).toEqual(['Responses', 'Costs', 'Lead times', 'Findings', REGISTRY_SHEET]);
    expect(sheets.find((s) => s.name === REGISTRY_SHEET)!.visibility).toBe('VeryHidden');
    const costs = ctx.workbook.worksheets.find('Costs')!;
    expect(costs.tables.list.map((t) => [t.name, t.address])).toEqual([['tblCosts', 'A1:I6']]);
    expect(costs.frozenRows).toBe(1);
    const grid = costs.grid();
    expect(grid[1]![5]).toEqual({ kind: 'number', value: 100000, format: FORMAT_CODES.gbp });
    expect(grid[2]![4]).toEqual({ kind: 'text', value: 'unquantified', format: '@' });
    // The seed's "-" answers stay text.
    const lead = ctx.workbook.worksheets.find('Lead times')!.grid();
    expect(lead[3]![3]).toEqual({ kind: 'text', value: '-', format: '@' });
    expect(ctx.calls).toContain('suspendCalculation');
  });

  test('the number of syncs does not grow with the number of respondents', async () => {
    const counts: number[] = [];
    for (const n of [5, 50, 500]) {
      const ctx = new FakeContext();
      const report = await writePlan(asExcelContext(ctx), planOf(syntheticAnnex(n)), all);
      expect(ctx.workbook.worksheets.find('Costs')!.grid()).toHaveLength(n + 1);
      expect(report.cells).toBeGreaterThan(n * 9);
      counts.push(ctx.syncs);
    }
    expect(counts).toEqual([2, 2, 2]);
  });

  test('answers that look like formulas or signed numbers are stored as the literal text', async () => {
    const ctx = new FakeContext();
    await writePlan(asExcelContext(ctx), planOf(readFileSync(join(__dirname, '..', 'fixtures', 'ok.hostile.txt'), 'utf8')), all);
    const cells = ctx.workbook.worksheets.sheets.flatMap((s) => s.grid().flat());
    expect(cells.filter((c) => c?.kind === 'formula')).toEqual([]);
    const texts = cells.flatMap((c) => (c?.kind === 'text' ? [c.value] : []));
    for (const literal of ['=HYPERLINK("http://example.invalid","x")', "=cmd|' /C calc'!A0", '+1', '@SUM(A1:A2)', '-5', '=1+1', '-']) {
      expect(texts).toContain(literal);
    }
  });

  test('a re-import replaces its own sheets in place, in three syncs', async () => {
    const ctx = new FakeContext();
    await writePlan(asExcelContext(ctx), planOf(syntheticAnnex(30)), all);
    ctx.syncs = 0;
    const report = await writePlan(asExcelContext(ctx), planOf(seedText()), all);
    expect(ctx.syncs).toBe(3);
    expect(report.replaced).toEqual(['Responses', 'Costs', 'Lead times', 'Findings']);
    const costs = ctx.workbook.worksheets.find('Costs')!;
    expect(costs.grid()).toHaveLength(6);
    expect(costs.tables.list.map((t) => t.name)).toEqual(['tblCosts']);
  });

  test('a sheet of the same name that the add-in did not create stops the import before anything is written', async () => {
    const ctx = new FakeContext();
    const mine = ctx.workbook.worksheets.add('costs');
    mine.getRange('A1:B1').values = [['my', 'numbers']];
    const before = JSON.stringify(ctx.workbook.worksheets.sheets.map((s) => [s.name, s.grid()]));
    ctx.calls.length = 0;
    await expect(writePlan(asExcelContext(ctx), planOf(seedText()), all)).rejects.toThrow(WorkbookRefusal);
    await expect(writePlan(asExcelContext(ctx), planOf(seedText()), all)).rejects.toThrow(
      'This workbook already has a sheet named "costs" that the add-in did not create, so nothing was written.',
    );
    expect(JSON.stringify(ctx.workbook.worksheets.sheets.map((s) => [s.name, s.grid()]))).toBe(before);
    expect(ctx.calls).toEqual([]);
  });

  test('calculation is not suspended where the API set is missing', async () => {
    const ctx = new FakeContext();
    await writePlan(asExcelContext(ctx), planOf(seedText()), () => false);
    expect(ctx.calls).not.toContain('suspendCalculation');
  });
});

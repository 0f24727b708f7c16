import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePlan } from '../../src/excel/writePlan';
import { WorkbookRefusal } from '../../src/workbook/host';
import { REGISTRY_SHEET } from '../../src/workbook/ownership';
import { FORMAT_CODES } from '../../src/workbook/plan';
import { livePlan } from '../support/plans';
import { asExcelContext, FakeContext } from '../support/fakeExcel';
import { seedText } from '../support/seed';
import { syntheticAnnex } from '../support/synthetic';

const all = () => true;
const planOf = (text: string) => livePlan(text).plan;
const SHEETS = ['Read me', 'Checks', 'Responses', 'Costs', 'Lead times', 'Assumptions', 'Industry costs', 'Scenarios', 'Timeline', 'Report tables', 'Findings'];

describe('writing the plan through office-js', () => {
  test('the seed lands as the live workbook, its tables, names and the registry, in two syncs', async () => {
    const ctx = new FakeContext();
    const report = await writePlan(asExcelContext(ctx), planOf(seedText()), all);
    expect(ctx.syncs).toBe(2);
    expect(report.created).toEqual(SHEETS);
    const sheets = ctx.workbook.worksheets.sheets;
    expect(sheets.map((s) => s.name)).toEqual([...SHEETS, REGISTRY_SHEET]);
    expect(ctx.workbook.names.list.find((n) => n.name === 'DiscountRate')).toMatchObject({ sheet: 'Assumptions' });
    expect(sheets.find((s) => s.name === REGISTRY_SHEET)!.visibility).toBe('VeryHidden');
    const costs = ctx.workbook.worksheets.find('Costs')!;
    expect(costs.tables.list.map((t) => [t.name, t.address])).toEqual([['tblCosts', 'A1:W6']]);
    expect(costs.frozenRows).toBe(1);
    // Printed landscape, one page wide, the header row on every page of a one-table sheet; the 23-column Costs sheet on A3 so it stays legible.
    expect(costs.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A3', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: '$1:$1' });
    expect(ctx.workbook.worksheets.find('Timeline')!.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', printTitleRows: '' });
    for (const sheet of SHEETS) expect([sheet, ctx.workbook.worksheets.find(sheet)!.pageLayout.zoom]).toEqual([sheet, { horizontalFitToPages: 1, verticalFitToPages: 0 }]);
    // Column sums name the table column, so a row added to the table is counted.
    const industry = ctx.workbook.worksheets.find('Industry costs')!.grid();
    expect(industry[2]![2]).toEqual({ kind: 'formula', formula: '=COUNTIF(tblCosts[Category],A3)', format: FORMAT_CODES.integer });
    // Each name carries what it holds, as Excel shows in the Name Manager.
    expect(ctx.workbook.names.list.find((n) => n.name === 'ChecksOK')).toMatchObject({ sheet: 'Checks', comment: 'Check: TRUE when every check passes' });
    const grid = costs.grid();
    expect(grid[1]![5]).toEqual({ kind: 'number', value: 100000, format: FORMAT_CODES.gbp });
    expect(grid[2]![4]).toEqual({ kind: 'text', value: 'unquantified', format: '@' });
    // The seed's "-" answers stay text.
    const lead = ctx.workbook.worksheets.find('Lead times')!.grid();
    expect(lead[3]![3]).toEqual({ kind: 'text', value: '-', format: '@' });
    expect(ctx.calls).toContain('suspendCalculation');
    // Flagged rows are shaded by a rule over the table's body; the rule cells offer their choices.
    expect(costs.conditionalFormats.map((f) => [f.address, f.format.custom.rule.formula])).toEqual([['A2:W6', '=LEN($V2)>0']]);
    // The Gantt chart draws months from the decision: its axis starts there and follows the bars.
    const gantt = ctx.workbook.worksheets.find('Timeline')!.charts.list[0]!;
    expect(gantt).toMatchObject({
      type: 'BarStacked',
      title: { text: 'Implementation timeline (months from the decision date)' },
      axes: { valueAxis: { minimum: 0 }, categoryAxis: { reversePlotOrder: true } },
    });
    expect(gantt.series.map((x) => [x.values, x.x, x.hidden])).toEqual([
      ['D19:D24', 'A20:A24', true],
      ['F20:F24', 'A20:A24', false],
    ]);
    expect(ctx.workbook.worksheets.find('Industry costs')!.charts.list[0]!.series.map((x) => x.name)).toEqual(['header', 'Central £', 'High £']);
    // Every input refuses what it cannot take, saying what it takes.
    const rules = ctx.workbook.worksheets.find('Assumptions')!.validations;
    expect([...rules.values()]).toContainEqual({
      rule: { list: { inCellDropDown: true, source: 'excluded,category mean' } },
      ignoreBlanks: true,
      errorAlert: { message: 'Choose one of: excluded, category mean', showAlert: true, style: 'Stop', title: 'Not accepted here' },
    });
    const uptake = [...rules.entries()].find(([, v]) => v.errorAlert?.message.startsWith('Enter a percentage from 0% to 100%'));
    expect(uptake![1]).toMatchObject({ rule: { decimal: { formula1: 0, formula2: 1, operator: 'Between' } }, errorAlert: { message: 'Enter a percentage from 0% to 100%, typed with its % sign, or leave it blank.' } });
  });

  test('the number of syncs does not grow with the number of respondents', async () => {
    const counts: number[] = [];
    for (const n of [5, 50, 500]) {
      const ctx = new FakeContext();
      const report = await writePlan(asExcelContext(ctx), planOf(syntheticAnnex(n)), all);
      expect(ctx.workbook.worksheets.find('Costs')!.tables.list[0]!.address).toBe(`A1:W${n + 1}`);
      expect(report.cells).toBeGreaterThan(n * 9);
      counts.push(ctx.syncs);
    }
    expect(counts).toEqual([2, 2, 2]);
  });

  test('answers that look like formulas or signed numbers are stored as the literal text', async () => {
    const ctx = new FakeContext();
    const plan = planOf(readFileSync(join(__dirname, '..', 'fixtures', 'ok.hostile.txt'), 'utf8'));
    await writePlan(asExcelContext(ctx), plan, all);
    const cells = ctx.workbook.worksheets.sheets.flatMap((s) => s.grid().flat());
    // The only formulas in the workbook are the plan's own.
    const planned = plan.sheets.flatMap((s) => s.tables.flatMap((t) => t.rows.flat())).filter((c) => c.t === 'formula').length;
    expect(cells.filter((c) => c?.kind === 'formula')).toHaveLength(planned);
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
    expect(report.replaced).toEqual(SHEETS);
    const costs = ctx.workbook.worksheets.find('Costs')!;
    expect(costs.tables.list.map((t) => [t.name, t.address])).toEqual([['tblCosts', 'A1:W6']]);
    // The charts are replaced, not added to.
    for (const sheet of ['Industry costs', 'Scenarios', 'Timeline']) expect(ctx.workbook.worksheets.find(sheet)!.charts.list).toHaveLength(1);
    // Rows 7 onwards held the 30-respondent import: nothing of it is left but the two notes lines.
    expect(costs.grid().slice(6).flat().filter((c) => c && c.kind !== 'empty').length).toBe(2);
  });

  test('a sheet of the same name that the add-in did not create stops the import before anything is written', async () => {
    const ctx = new FakeContext();
    const mine = ctx.workbook.worksheets.add('costs');
    mine.getRange('A1:B1').values = [['my', 'numbers']];
    ctx.settle();
    const before = JSON.stringify(ctx.workbook.worksheets.sheets.map((s) => [s.name, s.grid()]));
    ctx.calls.length = 0;
    await expect(writePlan(asExcelContext(ctx), planOf(seedText()), all)).rejects.toThrow(WorkbookRefusal);
    await expect(writePlan(asExcelContext(ctx), planOf(seedText()), all)).rejects.toThrow(
      'This workbook already has a sheet named "costs" that the add-in did not create, so nothing was written.',
    );
    expect(JSON.stringify(ctx.workbook.worksheets.sheets.map((s) => [s.name, s.grid()]))).toBe(before);
    expect(ctx.calls).toEqual([]);
  });

  test('a write Excel stops part way is undone: the sheets and names it created are removed', async () => {
    const ctx = new FakeContext();
    ctx.workbook.worksheets.add('Sheet1').getRange('A1:A1').values = [['mine']];
    ctx.settle();
    ctx.failOnSync = 2;
    await expect(writePlan(asExcelContext(ctx), planOf(seedText()), all)).rejects.toThrow(
      'Excel stopped part way through the import (There was an internal error while processing the request.). The sheets it was creating were removed.',
    );
    expect(ctx.workbook.worksheets.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(ctx.workbook.names.list).toEqual([]);
    expect(ctx.workbook.worksheets.find('Sheet1')!.grid()[0]![0]).toMatchObject({ kind: 'text', value: 'mine' });
  });
});

import { readSnapshot } from '../../src/excel/readSnapshot';
import { carryForward } from '../../src/workbook/readBack';
import { defaultAssumptions } from '../../src/model/costModel';
import { importText } from '../../src/import/importText';
import { DECISION } from '../support/plans';

describe('re-import through office-js keeps what the modeller typed', () => {
  test('an override typed into the Costs sheet is read back in two syncs and carried forward', async () => {
    const ctx = new FakeContext();
    await writePlan(asExcelContext(ctx), planOf(seedText()), all);
    // The modeller types £60k into OVO's override low cell (row 3, column H) and 7 large suppliers into the populations.
    const costs = ctx.workbook.worksheets.find('Costs')!;
    costs.getRange('H3:H3').values = [[60_000]];
    ctx.settle();
    const assumptions = ctx.workbook.worksheets.find('Assumptions')!;
    const parties = assumptions.grid().findIndex((r) => r?.[0]?.kind === 'text' && r[0].value === 'Large Supplier');
    assumptions.getRange(`B${parties + 1}:B${parties + 1}`).values = [[7]];
    ctx.settle();
    ctx.syncs = 0;
    const snapshot = await readSnapshot(asExcelContext(ctx));
    expect(ctx.syncs).toBe(2);
    expect(snapshot!.sheets).toMatchObject({ tblCosts: 'Costs', tblResponses: 'Responses', tblReleases: 'Assumptions' });
    const analysis = importText(seedText(), 'seed').analysis;
    const carried = carryForward(snapshot!, analysis, defaultAssumptions(analysis, DECISION));
    expect(carried.assumptions.overrides.costs).toEqual({ 'ovo-energy': { low: 60_000 } });
    expect(carried.assumptions.industry.populations.find((p) => p.category === 'Large Supplier')!.parties).toBe(7);
  });

  test('a workbook the add-in never wrote has nothing to carry', async () => {
    const ctx = new FakeContext();
    ctx.workbook.worksheets.add('Sheet1');
    ctx.settle();
    expect(await readSnapshot(asExcelContext(ctx))).toBeNull();
    expect(ctx.syncs).toBe(1);
  });
});

import { writeInputs } from '../../src/excel/writeInputs';

describe('writing assumptions from the pane', () => {
  test('named cells and table cells are set in one sync', async () => {
    const ctx = new FakeContext();
    await writePlan(asExcelContext(ctx), planOf(seedText()), all);
    ctx.syncs = 0;
    await writeInputs(asExcelContext(ctx), [
      { kind: 'name', name: 'DccImplementation', value: 500_000 },
      { kind: 'table', table: 'tblUptake', row: 0, col: 2, value: 0.5 },
    ]);
    expect(ctx.syncs).toBe(1);
    const named = ctx.workbook.names.list.find((n) => n.name === 'DccImplementation')!;
    const [, row] = /^[A-Z]+(\d+)$/.exec(named.address)!;
    expect(ctx.workbook.worksheets.find('Assumptions')!.grid()[Number(row) - 1]![2]).toMatchObject({ kind: 'number', value: 500_000 });
    const uptake = ctx.workbook.worksheets.find('Assumptions')!.tables.list.find((t) => t.name === 'tblUptake')!;
    const first = Number(/\d+/.exec(uptake.address)![0]);
    expect(ctx.workbook.worksheets.find('Assumptions')!.grid()[first]![2]).toMatchObject({ kind: 'number', value: 0.5 });
  });
});

describe('a clash offers names', () => {
  test('the refusal offers free names, and the renamed plan writes beside the user’s sheet', async () => {
    const { renameSheets } = await import('../../src/workbook/renameSheets');
    const ctx = new FakeContext();
    ctx.workbook.worksheets.add('Timeline').getRange('A1:A1').values = [['my plan']];
    ctx.settle();
    const plan = planOf(seedText());
    const refused = await writePlan(asExcelContext(ctx), plan, all).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkbookRefusal);
    expect((refused as WorkbookRefusal).renames).toEqual({ Timeline: 'Timeline (model)' });
    await writePlan(asExcelContext(ctx), renameSheets(plan, (refused as WorkbookRefusal).renames!), all);
    expect(ctx.workbook.worksheets.find('Timeline')!.grid()[0]![0]).toMatchObject({ kind: 'text', value: 'my plan' });
    expect(ctx.workbook.names.list.find((n) => n.name === 'TargetRelease')!.sheet).toBe('Timeline (model)');
  });
});

import { cellInput } from '../../src/excel/writePlan';

describe('text that Excel would read as something else', () => {
  test.each(['=1+1', '+1', '-5', '@SUM(A1)', '\tindented', '\rreturn', 'plain', '-'])('%j is written so it stays the literal text', (v) => {
    const ctx = new FakeContext();
    const sheet = ctx.workbook.worksheets.add('S');
    const range = sheet.getRange('A1:A1');
    range.numberFormat = [['General']];
    range.formulas = [[cellInput({ t: 'text', v }, 'S')]];
    ctx.settle();
    expect(sheet.grid()[0]![0]).toMatchObject({ kind: 'text', value: v });
  });
});

import { watchInputs } from '../../src/excel/watchInputs';

describe('watching the model’s input cells', () => {
  test('registers on every input table and no other, in two syncs, and reports an edit', async () => {
    const ctx = new FakeContext();
    await writePlan(asExcelContext(ctx), planOf(seedText()), all);
    ctx.syncs = 0;
    let edits = 0;
    const handlers = await watchInputs(asExcelContext(ctx), () => edits++);
    expect(ctx.syncs).toBe(2);
    const watched = ctx.workbook.tables.all().filter((t) => t.handlers.length > 0).map((t) => t.name);
    expect(watched.sort()).toEqual(['tblAssumptions', 'tblCostBands', 'tblCosts', 'tblLeadTimes', 'tblPopulations', 'tblReleases', 'tblScenarioInputs', 'tblScenarioPlaceholders', 'tblUptake']);
    await ctx.workbook.tables.getItem('tblPopulations').fire();
    await ctx.workbook.tables.getItem('tblResponses').fire();
    expect(edits).toBe(1);
    handlers.forEach((h) => h.remove());
    await ctx.workbook.tables.getItem('tblPopulations').fire();
    expect(edits).toBe(1);
  });
});

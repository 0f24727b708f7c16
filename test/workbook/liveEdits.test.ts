import { writeInputs } from '../../src/excel/writeInputs';
import { writePlan } from '../../src/excel/writePlan';
import { CHECKS_FAIL } from '../../src/model/checks';
import { SIMULATION_STALE } from '../../src/model/monteCarlo';
import { BANDS, NAMED, POPULATIONS } from '../../src/workbook/assumptionsSheet';
import { columnLetters, sheetLayout, type Cell, type WorkbookPlan } from '../../src/workbook/plan';
import { checkFormulas, loadPlan, sameValue } from '../support/hyperformula';
import { asExcelContext, FakeContext } from '../support/fakeExcel';
import { recalculateFake } from '../support/fakeExcelFormulas';
import { afterEdit, livePlan, withInput } from '../support/plans';
import { seedText } from '../support/seed';

/** The value a named cell holds in HyperFormula. */
function named(loaded: ReturnType<typeof loadPlan>, name: string): unknown {
  return loaded.hf.getNamedExpressionValue(name);
}

function cellOf(plan: WorkbookPlan, table: string, row: number, col: number): string {
  for (const sheet of plan.sheets) {
    const placed = sheetLayout(sheet).tables.find((t) => t.table.name === table);
    if (placed) return `'${sheet.name}'!${columnLetters(col)}${placed.headerRow + 2 + row}`;
  }
  throw new Error(table);
}

describe('edits typed in the workbook: the formulas follow, the checks and the simulation say what changed', () => {
  test('an uptake typed as 250% turns ChecksOK FALSE, and only the uptake check fails', () => {
    const { plan } = livePlan(seedText());
    const loaded = loadPlan(withInput(plan, 'tblUptake', 0, 2, { t: 'number', v: 2.5, fmt: 'percent' }));
    expect(named(loaded, 'CheckUptake')).toBe(false);
    expect(named(loaded, 'ChecksOK')).toBe(false);
    expect(named(loaded, 'ChecksStatus')).toBe(CHECKS_FAIL);
    const others = plan.names.filter((n) => n.name.startsWith('Check') && n.name !== 'CheckUptake' && n.name !== 'ChecksOK' && n.name !== 'ChecksStatus');
    expect(others.map((n) => [n.name, named(loaded, n.name)])).toEqual(others.map((n) => [n.name, true]));
  });

  test('a population typed in: every formula, the report tables among them, is what the engine computes; the simulation is out of date', () => {
    const { before, plan: expected } = afterEdit(seedText(), (a) => ({
      ...a,
      industry: { ...a.industry, populations: a.industry.populations.map((p) => (p.category === 'Large Supplier' ? { ...p, parties: 40 } : p)) },
    }));
    const edited = withInput(before.plan, 'tblPopulations', 0, POPULATIONS.parties, { t: 'number', v: 40 });
    const loaded = loadPlan(edited);
    // Compare every formula cell of the edited workbook with the engine's plan for the new inputs.
    const checks = checkFormulas(expected, loaded);
    expect(checks.length).toBeGreaterThan(600);
    expect(checks.filter((c) => !sameValue(c.actual, c.expected))).toEqual([]);
    expect(named(loaded, 'SimulationStatus')).toBe(SIMULATION_STALE);
    expect(named(loaded, 'ChecksOK')).toBe(false);
    // The report's industry sentence follows the typed population and says the simulation is out of date.
    const sentence = loaded.hf.getCellValue(loaded.hf.simpleCellAddressFromString(cellOf(expected, 'tblReportText_industry_cost', 0, 0), 0)!);
    expect(sentence).toMatch(/^Implementation would cost £4\.55m–£11\.2m \(central estimate £7\.85m\); the simulation is out of date and must be run again\. This is not the whole industry’s cost: five categories have no number of parties entered/);
  });

  test('a minimum notice typed in: the timeline follows, and its basis no longer says the notice was not entered', () => {
    const { before, plan: expected, assessment } = afterEdit(seedText(), (a) => ({ ...a, timeline: { ...a.timeline, minimumNoticeMonths: 10 } }));
    expect(before.basis.timeline).toContain('minimum notice not entered');
    expect(assessment.basis.timeline).not.toContain('minimum notice not entered');
    const assumptions = before.plan.sheets.flatMap((s) => s.tables).find((t) => t.name === 'tblAssumptions')!;
    const row = assumptions.rows.findIndex((r) => r[0]!.t === 'text' && r[0]!.v === 'NoticeMonths');
    const loaded = loadPlan(withInput(before.plan, 'tblAssumptions', row, NAMED.value, { t: 'number', v: 10 }));
    // Every formula, the Timeline's and the Basis cells among them, is what the engine computes for the new notice.
    const checks = checkFormulas(expected, loaded);
    expect(checks.length).toBeGreaterThan(600);
    expect(checks.filter((c) => !sameValue(c.actual, c.expected))).toEqual([]);
  });

  test('cost bands typed on Assumptions: the counts and the report’s band table are what the engine computes; a band that leaves a gap is checked', () => {
    const { before, plan: expected } = afterEdit(seedText(), (a) => ({
      ...a,
      costs: { ...a.costs, bands: a.costs.bands.map((b, i) => (i === 0 ? { ...b, label: 'Less than £200k', to: 200_000 } : i === 1 ? { ...b, label: '£200k–£250k', from: 200_000 } : b)) },
    }));
    const typed: [number, number, Cell][] = [
      [0, BANDS.label, { t: 'text', v: 'Less than £200k' }],
      [0, BANDS.to, { t: 'number', v: 200_000 }],
      [1, BANDS.label, { t: 'text', v: '£200k–£250k' }],
      [1, BANDS.from, { t: 'number', v: 200_000 }],
    ];
    const loaded = loadPlan(typed.reduce((plan, [row, column, value]) => withInput(plan, 'tblCostBands', row, column, value), before.plan));
    const checks = checkFormulas(expected, loaded);
    expect(checks.filter((c) => !sameValue(c.actual, c.expected))).toEqual([]);
    const at = (table: string, row: number, col: number) => loaded.hf.getCellValue(loaded.hf.simpleCellAddressFromString(cellOf(expected, table, row, col), 0)!);
    // EON's £100k–£250k now spans the edge at £200k: the two below £100k stay in the first band.
    expect([0, 1, 2, 6].map((row) => at('tblBandCounts', row, 3))).toEqual([2, 0, 1, 1]);
    expect(at('tblReport_band_distribution', 0, 0)).toBe('Less than £200k');
    const gap = loadPlan(withInput(before.plan, 'tblCostBands', 1, BANDS.from, { t: 'number', v: 120_000 }));
    const check = gap.hf.getCellValue(gap.hf.simpleCellAddressFromString(cellOf(expected, 'tblCostBands', 1, BANDS.check), 0)!);
    expect(check).toBe('must start where the band above ends');
  });
});

describe('the same edits through the add-in inside Excel (office-js writer and input writer, fake Excel)', () => {
  test('the workbook it writes computes the engine’s figures; a population and an uptake typed in move the checks as in the file', async () => {
    const ctx = new FakeContext();
    const { plan } = livePlan(seedText());
    await writePlan(asExcelContext(ctx), plan, () => true);
    const written = recalculateFake(ctx);
    expect(written.getNamedExpressionValue('ChecksOK')).toBe(true);
    expect(written.getNamedExpressionValue('IndustryTotalCentral')).toBe(650_000);

    // The pane writes the population; a panel member then types 250% over an uptake in the sheet.
    ctx.syncs = 0;
    await writeInputs(asExcelContext(ctx), [{ kind: 'table', table: 'tblPopulations', row: 0, col: POPULATIONS.parties, value: 40 }]);
    expect(ctx.syncs).toBe(1);
    const afterPopulation = recalculateFake(ctx);
    expect(afterPopulation.getNamedExpressionValue('SimulationStatus')).toBe(SIMULATION_STALE);
    expect(afterPopulation.getNamedExpressionValue('CheckUptake')).toBe(true);
    await writeInputs(asExcelContext(ctx), [{ kind: 'table', table: 'tblUptake', row: 0, col: 2, value: 2.5 }]);
    const afterUptake = recalculateFake(ctx);
    expect(afterUptake.getNamedExpressionValue('CheckUptake')).toBe(false);
    expect(afterUptake.getNamedExpressionValue('ChecksOK')).toBe(false);
    // The industry total follows the population as the engine computes it (Large: 600k stated + 36 × 200k).
    expect(afterUptake.getNamedExpressionValue('IndustryTotalCentral')).toBeCloseTo(600_000 + 36 * 200_000 + 50_000, 6);
  });
});

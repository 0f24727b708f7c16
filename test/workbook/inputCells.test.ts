import { importText } from '../../src/import/importText';
import { defaultAssumptions, type ModelAssumptions } from '../../src/model/costModel';
import { withAppraisalYears, withCentral, withCostOverride, withDiscountRate, withLeadTimeOverride, withParties, withScenarioFigure, withTimeline, withUptake } from '../../src/taskpane/assumptionEdits';
import { costModelWorkbook } from '../../src/workbook/costModelWorkbook';
import { inputChanges } from '../../src/workbook/inputCells';
import { createMemoryHost } from '../../src/workbook/memoryHost';
import { carryForward } from '../../src/workbook/readBack';
import { figuresStatus, populationStatus, uptakeStatus } from '../../src/model/inputStatus';
import { DECISION, META } from '../support/plans';
import { seedText } from '../support/seed';

describe('cells the pane writes are the cells the workbook reads back', () => {
  test('each edit writes only its own cells, and reading the workbook back gives the edited assumptions', async () => {
    const analysis = importText(seedText(), 'seed').analysis;
    const ids = analysis.results.map((r) => r.respondent.id);
    const before = defaultAssumptions(analysis, DECISION);
    const edits: Array<[string, (a: ModelAssumptions) => ModelAssumptions, number]> = [
      // Each figure typed in the pane writes its cell and, the first time, its Source ("Entered in the task pane").
      ['parties', (a) => withParties(a, 'Large Supplier', 9), 2],
      ['DCC cost', (a) => withCentral(a, 'dccImplementationGbp', 250_000), 2],
      ['uptake', (a) => withUptake(a, 'High', 'Small Supplier', 0.8), 2],
      ['benefit', (a) => withScenarioFigure(a, 'Low', 'benefitPerAdopterPerYearGbp', 12_000), 2],
      ['one-off cost per adopter', (a) => withScenarioFigure(a, 'Low', 'oneOffCostPerAdopterGbp', 30_000), 1],
      ['discount', (a) => withDiscountRate(a, 0.04), 2],
      ['appraisal', (a) => withAppraisalYears(a, 15), 2],
      ['cost override', (a) => ({ ...a, overrides: withCostOverride(withCostOverride(a.overrides, 'ovo-energy', 'low', 10_000), 'ovo-energy', 'high', 30_000) }), 2],
      ['lead override', (a) => ({ ...a, overrides: withLeadTimeOverride(a.overrides, 'utility-warehouse', 4) }), 1],
      ['timeline', (a) => withTimeline(a, { minimumNoticeMonths: 3, coverage: { kind: 'share-of-respondents', share: 0.5 } }), 4],
    ];
    let after = before;
    for (const [what, edit, cells] of edits) {
      const next = edit(after);
      expect([what, inputChanges(after, next, ids).length]).toEqual([what, cells]);
      after = next;
    }

    const host = createMemoryHost();
    const built = costModelWorkbook(analysis, [], { ...before, monteCarlo: { ...before.monteCarlo, iterations: 100 } }, META);
    if (!built.ok) throw new Error(built.problems.join());
    await host.writePlan(built.plan);
    await host.writeInputs(inputChanges(before, after, ids));
    const back = carryForward((await host.readSnapshot())!, analysis, before).assumptions;
    expect(back.industry.populations.find((p) => p.category === 'Large Supplier')!.parties).toBe(9);
    expect(back.industry.central.dccImplementationGbp).toBe(250_000);
    expect(back.scenarios.map((s) => [s.name, s.uptake['Small Supplier'], s.benefitPerAdopterPerYearGbp, s.uptakeSource, s.figuresSource])).toEqual(
      after.scenarios.map((s) => [s.name, s.uptake['Small Supplier'], s.benefitPerAdopterPerYearGbp, s.uptakeSource, s.figuresSource]),
    );
    expect([back.appraisal.years, back.appraisal.discount.bands[0]!.rate]).toEqual([15, 0.04]);
    expect(back.overrides).toEqual({ costs: { 'ovo-energy': { low: 10_000, high: 30_000 } }, leadTimeMonths: { 'utility-warehouse': 4 } });
    expect(back.timeline).toMatchObject({ minimumNoticeMonths: 3, coverage: { kind: 'share-of-respondents', share: 0.5 } });
    // What was typed reads back as entered, with its source; what was not stays the default.
    expect(back.sources).toMatchObject({ DccImplementation: 'Entered in the task pane', NoticeMonths: 'Entered in the task pane' });
    expect(back.industry.populations.map((p) => [p.category, populationStatus(p)]).slice(0, 2)).toEqual([
      ['Large Supplier', 'entered'],
      ['Small Supplier', 'default'],
    ]);
    expect(back.scenarios.map((s) => [uptakeStatus(s, back.industry.populations.map((p) => p.category)), figuresStatus(s)])).toEqual([
      ['placeholder', 'entered'],
      ['placeholder', 'placeholder'],
      ['entered', 'placeholder'],
    ]);
  });
});

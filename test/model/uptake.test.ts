import fc from 'fast-check';
import { flatDiscounting, GREEN_BOOK_DISCOUNTING } from '../../src/model/discounting';
import type { CategoryPopulation } from '../../src/model/industryCost';
import { evaluateScenario, scenarioProblems, tornado, type Scenario } from '../../src/model/uptake';

const populations: CategoryPopulation[] = [
  { category: 'Large Supplier', parties: 12, source: 'test' },
  { category: 'Small Supplier', parties: 8, source: 'test' },
];
const scenario = (over: Partial<Scenario> = {}): Scenario => ({
  name: 'Central',
  uptake: { 'Large Supplier': { kind: 'share', share: 0.5 }, 'Small Supplier': { kind: 'count', parties: 4 } },
  benefitPerAdopterPerYearGbp: 50_000,
  ongoingCostPerAdopterPerYearGbp: 5_000,
  oneOffCostPerAdopterGbp: 20_000,
  startYear: 1,
  appraisalYears: 10,
  discount: flatDiscounting(0, 'no discounting'),
  priceBaseYear: 2027,
  source: 'test',
  ...over,
});
const fixed = { oneOffGbp: 1_000_000, ongoingGbpPerYear: 0 };

describe('uptake scenarios', () => {
  test('undiscounted, by hand', () => {
    const r = evaluateScenario(scenario(), fixed, populations);
    // adopters: 50% of 12 + 4 = 10. Years 1–9 run: 9 years.
    // per adopter: benefit 9 × 50k = 450k; cost 20k + 9 × 5k = 65k.
    // PVC = 1,000k + 10 × 65k = 1,650k; PVB = 10 × 450k = 4,500k; NPV = 2,850k.
    expect(r.adopters).toBe(10);
    expect(r.pvCosts).toBe(1_650_000);
    expect(r.pvBenefits).toBe(4_500_000);
    expect(r.npv).toBe(2_850_000);
    expect(r.bcr).toBeCloseTo(4_500_000 / 1_650_000, 12);
    expect(r.costPerAdopter).toBe(165_000);
    // annuity factor over years 0–9 undiscounted = 10
    expect(r.equivalentAnnualNetCost).toBe(-285_000);
    // break-even: 1,000k / (450k − 65k) adopters, of 20 parties
    expect(r.breakEven).toEqual({ kind: 'adopters', adopters: 1_000_000 / 385_000, share: 1_000_000 / 385_000 / 20, withinPopulation: true });
  });

  test('Green Book discounting, by hand', () => {
    const r = evaluateScenario(scenario({ discount: GREEN_BOOK_DISCOUNTING }), { oneOffGbp: 1_000_000, ongoingGbpPerYear: 30_000 }, populations);
    let running = 0;
    for (let t = 1; t <= 9; t++) running += 1 / 1.035 ** t;
    const pvFixed = 1_000_000 + 30_000 * running;
    const perAdopterCost = 20_000 / 1.035 + 5_000 * running;
    expect(r.pvCosts).toBeCloseTo(pvFixed + 10 * perAdopterCost, 6);
    expect(r.pvBenefits).toBeCloseTo(10 * 50_000 * running, 6);
    expect(r.breakEven.kind === 'adopters' && r.breakEven.adopters).toBeCloseTo(pvFixed / (50_000 * running - perAdopterCost), 9);
  });

  test('break-even is "never" when an adopter costs more than it gains', () => {
    const r = evaluateScenario(scenario({ benefitPerAdopterPerYearGbp: 4_000 }), fixed, populations);
    expect(r.breakEven.kind).toBe('never');
  });

  test('nobody adopting: no cost per adopter, and NPV is minus the fixed costs', () => {
    const r = evaluateScenario(scenario({ uptake: {} }), fixed, populations);
    expect(r.costPerAdopter).toBeNull();
    expect(r.npv).toBe(-1_000_000);
  });

  test('invalid assumptions are named', () => {
    expect(scenarioProblems(scenario({ uptake: { 'Large Supplier': { kind: 'share', share: 1.5 } } }), populations)).toEqual(['Central: uptake in Large Supplier must be a share from 0% to 100%']);
    expect(scenarioProblems(scenario({ uptake: { 'Small Supplier': { kind: 'count', parties: 9 } } }), populations)).toEqual(['Central: 9 adopters in Small Supplier, which has 8 parties']);
    expect(scenarioProblems(scenario({ startYear: 10 }), populations)).toEqual(['Central: the start year must be a whole year inside the appraisal period (0 to 9)']);
    expect(scenarioProblems(scenario({ uptake: { DCC: { kind: 'share', share: 1 } } }), populations)).toEqual(['Central: uptake is given for DCC, which has no population']);
  });

  test('NPV falls as fixed costs rise, and rises with uptake when adopters gain more than they cost', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e8 }), fc.integer({ min: 1, max: 1e7 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (base, extra, u1, u2) => {
        const s = scenario({ discount: GREEN_BOOK_DISCOUNTING });
        expect(evaluateScenario(s, { oneOffGbp: base + extra, ongoingGbpPerYear: 0 }, populations).npv).toBeLessThan(evaluateScenario(s, { oneOffGbp: base, ongoingGbpPerYear: 0 }, populations).npv);
        const [lo, hi] = u1 <= u2 ? [u1, u2] : [u2, u1];
        const at = (share: number) => evaluateScenario(scenario({ uptake: { 'Large Supplier': { kind: 'share', share } } }), fixed, populations).npv;
        expect(at(lo)).toBeLessThanOrEqual(at(hi));
      }),
    );
  });

  test('tornado: each bar is the NPV with one assumption at its low and high value', () => {
    const s = scenario();
    const bars = tornado(s, fixed, populations, { partyCostLowGbp: 600_000, partyCostCentralGbp: 800_000, partyCostHighGbp: 1_200_000, swing: 0.5, discountLow: 0.025, discountHigh: 0.045 });
    const bar = (name: string) => bars.find((b) => b.assumption === name)!;
    // fixed one-off 1,000k holds parties' 800k central: low run 800k, high run 1,400k; NPV 2,850k − (−200k) and − 400k
    expect([bar("Parties' implementation cost").npvAtLow, bar("Parties' implementation cost").npvAtHigh]).toEqual([3_050_000, 2_450_000]);
    // benefit at 25k and 75k a year: PVB 2,250k and 6,750k against PVC 1,650k
    expect([bar('Benefit per adopter').npvAtLow, bar('Benefit per adopter').npvAtHigh]).toEqual([600_000, 5_100_000]);
    // uptake halved: 3 + 2 = 5 adopters → 5 × (450k − 65k) − 1,000k = 925k; ×1.5: 9 + 6 = 15 → 4,775k
    expect([bar('Uptake').npvAtLow, bar('Uptake').npvAtHigh]).toEqual([925_000, 4_775_000]);
    const swings = bars.map((b) => Math.abs(b.npvAtHigh - b.npvAtLow));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
  });
});

import fc from 'fast-check';
import { flatDiscounting, GREEN_BOOK_DISCOUNTING } from '../../src/model/discounting';
import type { CategoryPopulation } from '../../src/model/industryCost';
import { appraisalProblems, evaluateScenario, scenarioProblems, tornado, TORNADO_ASSUMPTIONS, type Appraisal, type FixedCosts, type Scenario, type Timing } from '../../src/model/uptake';

const populations: CategoryPopulation[] = [
  { category: 'Large Supplier', parties: 12, source: 'test', defaultParties: 0 },
  { category: 'Small Supplier', parties: 8, source: 'test', defaultParties: 0 },
];
const scenario = (over: Partial<Scenario> = {}): Scenario => ({
  name: 'Central',
  uptake: { 'Large Supplier': { kind: 'share', share: 0.5 }, 'Small Supplier': { kind: 'count', parties: 4 } },
  benefitPerAdopterPerYearGbp: 50_000,
  ongoingCostPerAdopterPerYearGbp: 5_000,
  oneOffCostPerAdopterGbp: 20_000,
  figuresSource: 'test',
  uptakeSource: 'test',
  placeholder: { share: 0, benefit: 0, ongoing: 0, oneOff: 0 },
  ...over,
});
const flat: Appraisal = { years: 10, discount: flatDiscounting(0, 'no discounting') };
const now: Timing = { implementationYear: 0, benefitsYear: 0 };
const range = (low: number, central: number, high: number) => ({ low, central, high });
const fixed: FixedCosts = { oneOff: range(800_000, 1_000_000, 1_400_000), ongoingPerYear: range(0, 0, 0) };

describe('uptake scenarios', () => {
  test('undiscounted, live at once, by hand', () => {
    const r = evaluateScenario(scenario(), fixed, populations, flat, now);
    // Adopters: 50% of 12 + 4 = 10. Ten years of benefits, years 0–9.
    // Per adopter: cost 20k + 10 × 5k = 70k; benefit 10 × 50k = 500k.
    // PV costs 1,000k + 10 × 70k = 1,700k; PV benefits 5,000k; NPV 3,300k.
    expect(r.adopters).toBe(10);
    expect(r.pvCosts).toBe(1_700_000);
    expect(r.pvBenefits).toBe(5_000_000);
    expect(r.npv).toBe(3_300_000);
    expect(r.bcr).toBeCloseTo(5_000_000 / 1_700_000, 12);
    expect(r.costPerAdopter).toBe(170_000);
    // Spread over the ten years of benefits, a net gain of 330k a year: a negative net cost.
    expect(r.equivalentAnnualNetCost).toBe(-330_000);
    // Break-even: 1,000k / (500k − 70k) adopters, of 20 parties.
    expect(r.breakEven).toEqual({ kind: 'adopters', adopters: 1_000_000 / 430_000, share: 1_000_000 / 430_000 / 20 });
  });

  test('NPV at the low, central and high industry cost: 10 × 430k less each fixed cost', () => {
    const r = evaluateScenario(scenario(), fixed, populations, flat, now);
    expect(r.npvAtCost).toEqual({ low: 4_300_000 - 800_000, central: 4_300_000 - 1_000_000, high: 4_300_000 - 1_400_000 });
    expect(r.npvAtCost.central).toBe(r.npv);
  });

  test('timing: one-off costs when the change goes live, ongoing costs from then, N years of benefits from their start', () => {
    // Live in year 2, benefits from year 3 for 4 years (years 3–6), so ongoing costs run years 2–6.
    const timing = { implementationYear: 2, benefitsYear: 3 };
    const f: FixedCosts = { oneOff: range(1_000_000, 1_000_000, 1_000_000), ongoingPerYear: range(10_000, 10_000, 10_000) };
    const undiscounted = evaluateScenario(scenario(), f, populations, { ...flat, years: 4 }, timing);
    expect(undiscounted.parts).toMatchObject({ oneOffFactor: 1, costYears: 5, benefitYears: 4 });
    // Per adopter: 20k + 5 × 5k = 45k; benefit 4 × 50k = 200k; fixed 1,000k + 5 × 10k = 1,050k.
    expect(undiscounted.npv).toBe(10 * 200_000 - 10 * 45_000 - 1_050_000);
    // Green Book: year t discounts by 1.035^t (all years here are before the step).
    const green = evaluateScenario(scenario(), f, populations, { years: 4, discount: GREEN_BOOK_DISCOUNTING }, timing);
    const factor = (t: number) => 1 / 1.035 ** t;
    const costYears = [2, 3, 4, 5, 6].reduce((s, t) => s + factor(t), 0);
    const benefitYears = [3, 4, 5, 6].reduce((s, t) => s + factor(t), 0);
    expect(green.parts.oneOffFactor).toBeCloseTo(factor(2), 12);
    expect(green.pvCosts).toBeCloseTo(1_000_000 * factor(2) + 10_000 * costYears + 10 * (20_000 * factor(2) + 5_000 * costYears), 6);
    expect(green.pvBenefits).toBeCloseTo(10 * 50_000 * benefitYears, 6);
    expect(green.equivalentAnnualNetCost).toBeCloseTo(-green.npv / benefitYears, 9);
  });

  test('break-even beyond every party is "not reached", with the number it would take and why', () => {
    // Benefit 4k a year, no per-adopter cost: 40k each over ten years; 1,000k / 40k = 25 adopters > 20 parties.
    const r = evaluateScenario(scenario({ benefitPerAdopterPerYearGbp: 4_000, ongoingCostPerAdopterPerYearGbp: 0, oneOffCostPerAdopterGbp: 0 }), fixed, populations, flat, now);
    expect(r.breakEven).toEqual({ kind: 'not-reached', adopters: 25, share: 1.25, reason: 'not reached at full uptake: it would take 25.0 adopting parties, and there are 20' });
    // Exactly every party is still a break-even.
    const edge = evaluateScenario(scenario({ benefitPerAdopterPerYearGbp: 5_000, ongoingCostPerAdopterPerYearGbp: 0, oneOffCostPerAdopterGbp: 0 }), fixed, populations, flat, now);
    expect(edge.breakEven).toEqual({ kind: 'adopters', adopters: 20, share: 1 });
  });

  test('break-even is "never" when an adopter costs more than it gains', () => {
    const r = evaluateScenario(scenario({ benefitPerAdopterPerYearGbp: 4_000 }), fixed, populations, flat, now);
    expect(r.breakEven.kind).toBe('never');
  });

  test('fewer than one adopter: no cost per adopter; nobody adopting: NPV is minus the fixed costs', () => {
    const few = evaluateScenario(scenario({ uptake: { 'Large Supplier': { kind: 'share', share: 0.05 } } }), fixed, populations, flat, now);
    expect(few.adopters).toBeCloseTo(0.6, 12);
    expect(few.costPerAdopter).toBeNull();
    const none = evaluateScenario(scenario({ uptake: {} }), fixed, populations, flat, now);
    expect(none.costPerAdopter).toBeNull();
    expect(none.npv).toBe(-1_000_000);
  });

  test('invalid assumptions are named', () => {
    expect(scenarioProblems(scenario({ uptake: { 'Large Supplier': { kind: 'share', share: 1.5 } } }), populations)).toEqual(['Central: uptake in Large Supplier must be a share from 0% to 100%']);
    expect(scenarioProblems(scenario({ uptake: { 'Small Supplier': { kind: 'count', parties: 9 } } }), populations)).toEqual(['Central: 9 adopters in Small Supplier, which has 8 parties']);
    expect(scenarioProblems(scenario({ uptake: { DCC: { kind: 'share', share: 1 } } }), populations)).toEqual(['Central: uptake is given for DCC, which has no population']);
    expect(appraisalProblems({ ...flat, years: 0 }, now)).toEqual(['the appraisal period must be 1 to 75 whole years of benefits']);
    expect(appraisalProblems({ ...flat, years: 75 }, { implementationYear: 30, benefitsYear: 30 })).toEqual([
      'benefits would run past appraisal year 99: shorten the appraisal period or bring the release forward',
    ]);
    expect(appraisalProblems(flat, { implementationYear: 2, benefitsYear: 1 })).toEqual(['benefits cannot start before the change is implemented']);
  });

  test('NPV falls as fixed costs rise, and rises with uptake when adopters gain more than they cost', () => {
    const green = { years: 10, discount: GREEN_BOOK_DISCOUNTING };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e8 }), fc.integer({ min: 1, max: 1e7 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (base, extra, u1, u2) => {
        const at = (oneOff: number) => evaluateScenario(scenario(), { oneOff: range(oneOff, oneOff, oneOff), ongoingPerYear: range(0, 0, 0) }, populations, green, now).npv;
        expect(at(base + extra)).toBeLessThan(at(base));
        const [lo, hi] = u1 <= u2 ? [u1, u2] : [u2, u1];
        const withUptake = (share: number) => evaluateScenario(scenario({ uptake: { 'Large Supplier': { kind: 'share', share } } }), fixed, populations, green, now).npv;
        expect(withUptake(lo)).toBeLessThanOrEqual(withUptake(hi));
      }),
    );
  });

  test('NPV at low cost ≥ central ≥ high, whatever the figures', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 5 }), (low, spread, ongoing, year) => {
        const f: FixedCosts = { oneOff: range(low, low + spread / 2, low + spread), ongoingPerYear: range(ongoing, ongoing * 1.5, ongoing * 2) };
        const r = evaluateScenario(scenario(), f, populations, { years: 10, discount: GREEN_BOOK_DISCOUNTING }, { implementationYear: year, benefitsYear: year });
        expect(r.npvAtCost.low).toBeGreaterThanOrEqual(r.npvAtCost.central - 1e-6);
        expect(r.npvAtCost.central).toBeGreaterThanOrEqual(r.npvAtCost.high - 1e-6);
      }),
    );
  });

  test('sensitivity: each bar is the NPV with one assumption at its low and high value, in a fixed order', () => {
    const dccOngoing = 20_000;
    const f: FixedCosts = { oneOff: range(800_000, 1_000_000, 1_400_000), ongoingPerYear: range(dccOngoing, dccOngoing, dccOngoing) };
    const bars = tornado(scenario(), f, dccOngoing, populations, flat, now, { swing: 0.5, discountLow: 0.025, discountHigh: 0.045 });
    expect(bars.map((b) => b.assumption)).toEqual([...TORNADO_ASSUMPTIONS]);
    const bar = (name: string) => bars.find((b) => b.assumption === name)!;
    // Central NPV: 10 × 430k − (1,000k + 10 × 20k) = 3,100k.
    expect([bar('SEC parties’ costs').npvAtLow, bar('SEC parties’ costs').npvAtHigh]).toEqual([3_300_000, 2_700_000]);
    // Benefit at 25k and 75k a year: 10 × (250k − 70k) and 10 × (750k − 70k), less 1,200k.
    expect([bar('Benefit per adopter').npvAtLow, bar('Benefit per adopter').npvAtHigh]).toEqual([600_000, 5_600_000]);
    // Uptake halved: 3 + 2 = 5 adopters → 5 × 430k − 1,200k = 950k; ×1.5: 9 + 6 = 15 → 5,250k.
    expect([bar('Uptake').npvAtLow, bar('Uptake').npvAtHigh]).toEqual([950_000, 5_250_000]);
    // The DCC's 20k a year at half and one and a half times: ±10k × 10 years.
    expect([bar('DCC ongoing cost').npvAtLow, bar('DCC ongoing cost').npvAtHigh]).toEqual([3_200_000, 3_000_000]);
    expect([bar('Discount rate').lowLabel, bar('Discount rate').highLabel]).toEqual(['2.5%', '4.5%']);
  });
});

import { importText } from '../../src/import/importText';
import { isoDate } from '../../src/model/calendarDates';
import { NO_CENTRAL_COSTS } from '../../src/model/industryCost';
import { defaultAssumptions, runModel, runUncertainty, type ModelAssumptions } from '../../src/model/costModel';
import { decisionDateStatus, figuresStatus, populationStatus, uptakeStatus } from '../../src/model/inputStatus';
import { seedText } from '../support/seed';

const analysis = importText(seedText(), 'seed').analysis;
const defaults = defaultAssumptions(analysis, isoDate('2027-03-01')!);
const run = (a: ModelAssumptions) => {
  const r = runModel(analysis, a);
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.result;
};

describe('the whole engine on the seed', () => {
  test('defaults: populations are the respondents seen, each input marked as the default or placeholder it is', () => {
    const populations = defaults.industry.populations;
    expect(populations.map((p) => [p.category, p.parties])).toEqual([
      ['Large Supplier', 4],
      ['Small Supplier', 1],
      ['Electricity Network Party', 0],
      ['Gas Network Party', 0],
      ['Other SEC Party', 0],
      ['DCC', 0],
    ]);
    expect(populations.map(populationStatus)).toEqual(['default', 'default', 'default', 'default', 'default', 'default']);
    expect(defaults.scenarios.map((s) => s.name)).toEqual(['Low', 'Central', 'High']);
    const categories = populations.map((p) => p.category);
    expect(defaults.scenarios.map((s) => [uptakeStatus(s, categories), figuresStatus(s)])).toEqual([
      ['placeholder', 'placeholder'],
      ['placeholder', 'placeholder'],
      ['placeholder', 'placeholder'],
    ]);
    expect(decisionDateStatus(defaults.timeline, defaults.sources)).toBe('default');
    expect(defaults.industry.central).toEqual(NO_CENTRAL_COSTS);
    expect(Object.values(NO_CENTRAL_COSTS).every((v) => v === null)).toBe(true);
  });

  test('industry equals the respondents’ figures when populations are the respondents; timeline as in the issue', () => {
    const m = run(defaults);
    expect(m.industry.total).toEqual({ low: 350_000, central: 650_000, high: 950_000 });
    expect(m.timeline).toMatchObject({ requiredMonths: 8, readyDate: '2027-11-01', earliestRelease: '2027-11-04' });
    // Central: 25% of 5 parties = 1.25 adopters
    const central = m.scenarios.find((s) => s.result.name === 'Central')!.result;
    expect(central.adopters).toBe(1.25);
    // The release (4 Nov 2027) is within twelve months of the decision: year 0, undiscounted.
    expect(m.timing).toEqual({ implementation: '2027-11-04', implementationIsRelease: true, benefitsStart: '2027-11-04', implementationYear: 0, benefitsYear: 0 });
    expect(central.parts.pvFixed.central).toBe(650_000);
    // Fewer than one adopter in the Low scenario (10% of 5): no cost per adopter.
    expect(m.scenarios[0]!.result.costPerAdopter).toBeNull();
  });

  test('benefits start at the release the timeline finds: a DCC lead time moves the release, and the appraisal with it', () => {
    // A 20-month DCC lead time from 1 March 2027: ready 1 November 2028, release 2 November 2028: appraisal year 1.
    const m = run({ ...defaults, timeline: { ...defaults.timeline, dccLeadTimeMonths: 20 } });
    expect(m.timing).toMatchObject({ implementation: '2028-11-02', implementationYear: 1, benefitsYear: 1 });
    const central = m.scenarios.find((s) => s.result.name === 'Central')!.result;
    expect(central.parts.oneOffFactor).toBeCloseTo(1 / 1.035, 12);
    let benefitYears = 0;
    for (let t = 1; t <= 10; t++) benefitYears += 1 / 1.035 ** t;
    expect(central.parts.benefitYears).toBeCloseTo(benefitYears, 12);
    // A stated later start moves only the benefits.
    const later = run({ ...defaults, appraisal: { ...defaults.appraisal, benefitsStart: isoDate('2029-06-01')! } });
    expect(later.timing).toMatchObject({ implementationYear: 0, benefitsYear: 2 });
    // Benefits before the change goes live cannot be.
    const r = runModel(analysis, { ...defaults, appraisal: { ...defaults.appraisal, benefitsStart: isoDate('2027-06-01')! } });
    expect(r).toEqual({ ok: false, problems: ['benefits cannot start (2027-06-01) before the change is implemented (2027-11-04)'] });
  });

  test('respondents’ yearly ongoing costs enter the appraisal every year from go-live', () => {
    // Utilita's one-off band, and 20k a year to run, as an override.
    const withOngoing: ModelAssumptions = { ...defaults, overrides: { ...defaults.overrides, costs: { 'utilita-energy-ltd': { ongoingLow: 10_000, ongoingHigh: 30_000 } } } };
    const m = run(withOngoing);
    expect(m.industry.partiesOngoing).toEqual({ low: 10_000, central: 20_000, high: 30_000 });
    const base = run(defaults).scenarios[1]!.result;
    const central = m.scenarios[1]!.result;
    // Ten undiscounted-then-discounted years from year 0 at 3.5%.
    let years = 0;
    for (let t = 0; t < 10; t++) years += 1 / 1.035 ** t;
    expect(central.npv).toBeCloseTo(base.npv - 20_000 * years, 6);
    expect(central.npvAtCost.high).toBeCloseTo(base.npvAtCost.high - 30_000 * years, 6);
  });

  test('entered populations and central costs flow through to the scenarios', () => {
    const a: ModelAssumptions = {
      ...defaults,
      industry: {
        ...defaults.industry,
        populations: defaults.industry.populations.map((p) => (p.category === 'Large Supplier' ? { ...p, parties: 10, source: 'SEC party list' } : p)),
        central: { ...NO_CENTRAL_COSTS, dccImplementationGbp: 500_000, secasOtherGbp: 20_000 },
      },
    };
    const m = run(a);
    // Large: 600k stated + 6 × 200k = 1,800k; Small 50k; DCC 500k; SECAS 20k
    expect(m.industry.total.central).toBe(1_800_000 + 50_000 + 520_000);
    expect(m.fixedCosts.oneOff).toEqual(m.industry.total);
  });

  test('bad assumptions come back as problems, not exceptions', () => {
    const a: ModelAssumptions = { ...defaults, industry: { ...defaults.industry, populations: defaults.industry.populations.map((p) => ({ ...p, parties: 0 })) } };
    const r = runModel(analysis, a);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContain('Large Supplier: 0 parties are entered but 4 respondents are in this category; enter at least 4');
  });

  test('the uncertainty run is reproducible and brackets the central estimate', () => {
    const m = run(defaults);
    const a = runUncertainty(analysis, { ...defaults, monteCarlo: { ...defaults.monteCarlo, iterations: 5_000 } }, m.industry);
    const b = runUncertainty(analysis, { ...defaults, monteCarlo: { ...defaults.monteCarlo, iterations: 5_000 } }, m.industry);
    expect(b).toEqual(a);
    expect(a.industryTotal.p10).toBeLessThan(650_000);
    expect(a.industryTotal.p90).toBeGreaterThan(650_000);
  });
});

import { importText } from '../../src/import/importText';
import { isoDate } from '../../src/model/calendarDates';
import { NO_CENTRAL_COSTS } from '../../src/model/industryCost';
import { defaultAssumptions, runModel, runUncertainty, type ModelAssumptions } from '../../src/model/costModel';
import { seedText } from '../support/seed';

const analysis = importText(seedText(), 'seed').analysis;
const defaults = defaultAssumptions(analysis, isoDate('2027-03-01')!);
const run = (a: ModelAssumptions) => {
  const r = runModel(analysis, a);
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.result;
};

describe('the whole engine on the seed', () => {
  test('defaults: populations are the respondents seen, flagged as not entered', () => {
    const populations = defaults.industry.populations;
    expect(populations.map((p) => [p.category, p.parties])).toEqual([
      ['Large Supplier', 4],
      ['Small Supplier', 1],
      ['Electricity Network Party', 0],
      ['Gas Network Party', 0],
      ['Other SEC Party', 0],
      ['DCC', 0],
    ]);
    expect(populations[0]!.source).toMatch(/^not entered/);
    expect(defaults.scenarios.map((s) => s.name)).toEqual(['Low', 'Central', 'High']);
    expect(defaults.scenarios.every((s) => /placeholder/.test(s.source))).toBe(true);
  });

  test('industry equals the respondents’ figures when populations are the respondents; timeline as in the issue', () => {
    const m = run(defaults);
    expect(m.industry.total).toEqual({ low: 350_000, central: 650_000, high: 950_000 });
    expect(m.timeline).toMatchObject({ requiredMonths: 8, readyDate: '2027-11-01', earliestRelease: '2027-11-04' });
    // Central: 25% of 5 parties = 1.25 adopters
    const central = m.scenarios.find((s) => s.result.name === 'Central')!.result;
    expect(central.adopters).toBe(1.25);
    expect(central.parts.pvFixed).toBe(650_000);
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
    expect(m.fixedCosts.oneOffGbp).toBe(m.industry.total.central);
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

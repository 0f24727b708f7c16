import fc from 'fast-check';
import { importText } from '../../src/import/importText';
import { defaultPopulations, extrapolateIndustry, NO_CENTRAL_COSTS, type IndustryLinear } from '../../src/model/industryCost';
import { DEFAULT_MONTE_CARLO, percentileInc, runMonteCarlo, toQuantiles, type MonteCarloOptions } from '../../src/model/monteCarlo';
import { respondentCosts, type RespondentCost } from '../../src/model/respondentTotals';
import { gbp } from '../../src/model/money';
import { seedText } from '../support/seed';

const results = importText(seedText(), 'seed').analysis.results;
const costs = respondentCosts(results);
const linearFor = (parties: number): IndustryLinear => {
  const populations = defaultPopulations(results).map((p) => (p.category === 'Large Supplier' ? { ...p, parties } : p));
  const r = extrapolateIndustry(results, costs, { populations, unquantified: 'excluded', emptyCategory: { kind: 'zero' }, central: { ...NO_CENTRAL_COSTS, dccImplementationGbp: 100_000 } });
  if (!r.ok) throw new Error(r.problems.join());
  return r.estimate.linear;
};
const options = (over: Partial<MonteCarloOptions> = {}): MonteCarloOptions => ({ ...DEFAULT_MONTE_CARLO, iterations: 2_000, ...over });

describe('Monte Carlo over the respondents’ bands', () => {
  test('the same seed and inputs give identical results, whatever order respondents were read in', () => {
    const a = runMonteCarlo(costs, linearFor(10), options({ seed: 7 }));
    const b = runMonteCarlo([...costs].reverse(), linearFor(10), options({ seed: 7 }));
    expect(b).toEqual(a);
    expect(runMonteCarlo(costs, linearFor(10), options({ seed: 8 })).industryTotal.p50).not.toBe(a.industryTotal.p50);
  });

  test('results stay inside the bands and percentiles are ordered; uniform draws average the midpoints', () => {
    const r = runMonteCarlo(costs, linearFor(4), options({ iterations: 10_000 }));
    const t = r.respondentTotal;
    expect(t.min).toBeGreaterThanOrEqual(350_000);
    expect(t.max).toBeLessThanOrEqual(950_000);
    expect(t.p10).toBeLessThanOrEqual(t.p50);
    expect(t.p50).toBeLessThanOrEqual(t.p90);
    // Latin hypercube: every stratum once, so the mean of each band's draws is its midpoint to within a stratum.
    expect(t.mean).toBeCloseTo(650_000, -2);
    // Populations equal to respondents: the industry total is the respondents' total plus the £100k DCC cost.
    expect(r.industryTotal.mean).toBeCloseTo(650_000 + 100_000, -2);
    expect(r.histogram.reduce((s, b) => s + b.count, 0)).toBe(10_000);
    expect(r).toMatchObject({ seed: DEFAULT_MONTE_CARLO.seed, iterations: 10_000 });
  });

  test('Latin hypercube: one respondent’s draws fill every stratum of its band once', () => {
    const one: RespondentCost[] = [{ respondentId: 'x', category: 'Large Supplier', low: gbp(0), central: gbp(500), high: gbp(1000), capped: false, ongoing: { low: gbp(0), central: gbp(0), high: gbp(0) } }];
    const n = 100;
    const r = runMonteCarlo(one, { weights: new Map([['x', 1]]), constant: 0 }, options({ iterations: n }));
    expect(r.respondentTotal.min).toBeLessThan(1000 / n);
    expect(r.respondentTotal.max).toBeGreaterThan(1000 - 1000 / n);
    expect(r.histogram.filter((b) => b.count > 0).length).toBe(DEFAULT_MONTE_CARLO.histogramBins);
  });

  test('triangular and PERT draws have their textbook means', () => {
    const band: RespondentCost = { respondentId: 'y', category: 'Large Supplier', low: gbp(100), central: gbp(300), high: gbp(500), capped: false, ongoing: { low: gbp(0), central: gbp(0), high: gbp(0) } };
    const linear = { weights: new Map([['y', 1]]), constant: 0 };
    // mode at 25% of the band = 200. Triangular mean (100 + 200 + 500) / 3; PERT mean (100 + 4·200 + 500) / 6.
    const tri = runMonteCarlo([band], linear, options({ iterations: 20_000, distribution: { kind: 'triangular', modePosition: 0.25 } }));
    const pert = runMonteCarlo([band], linear, options({ iterations: 20_000, distribution: { kind: 'pert', modePosition: 0.25 } }));
    expect(tri.respondentTotal.mean).toBeCloseTo(800 / 3, 0);
    expect(pert.respondentTotal.mean).toBeCloseTo(1400 / 6, 0);
  });

  test('quantile functions run from the low to the high figure and never fall', () => {
    const band: RespondentCost = { respondentId: 'z', category: 'c', low: gbp(10), central: gbp(20), high: gbp(30), capped: false, ongoing: { low: gbp(0), central: gbp(0), high: gbp(0) } };
    for (const distribution of [{ kind: 'uniform' } as const, { kind: 'triangular', modePosition: 0.8 } as const, { kind: 'pert', modePosition: 0.1 } as const]) {
      const q = (u: number) => {
        const us = Float64Array.of(u);
        toQuantiles(band, distribution, us);
        return us[0]!;
      };
      expect(q(0)).toBeCloseTo(10, 9);
      expect(q(1)).toBeCloseTo(30, 9);
      fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (u, v) => {
        const [a, b] = u <= v ? [u, v] : [v, u];
        expect(q(a)).toBeLessThanOrEqual(q(b) + 1e-9);
      }));
    }
  });

  test('P10 ≤ P50 ≤ P90 for any seed and iteration count', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 300 }), (seed, iterations) => {
        const r = runMonteCarlo(costs, linearFor(12), options({ seed, iterations }));
        for (const s of [r.respondentTotal, r.industryTotal]) {
          expect(s.min).toBeLessThanOrEqual(s.p10);
          expect(s.p10).toBeLessThanOrEqual(s.p50);
          expect(s.p50).toBeLessThanOrEqual(s.p90);
          expect(s.p90).toBeLessThanOrEqual(s.max);
        }
      }),
      { numRuns: 30 },
    );
  });

  test('percentiles are Excel’s PERCENTILE.INC', () => {
    // PERCENTILE.INC({1,2,3,4,5}, 0.1) = 1 + 0.4·(2 − 1) = 1.4; at 0.9: 4 + 0.6·(5 − 4) = 4.6
    const sorted = Float64Array.from([1, 2, 3, 4, 5]);
    expect([percentileInc(sorted, 0.1), percentileInc(sorted, 0.5), percentileInc(sorted, 0.9)]).toEqual([1.4, 3, 4.6]);
  });

  test('a non-whole iteration count is a misuse and throws', () => {
    expect(() => runMonteCarlo(costs, linearFor(4), options({ iterations: 0 }))).toThrow(/at least 1/);
  });
});

import fc from 'fast-check';
import { importText } from '../../src/import/importText';
import {
  defaultPopulations,
  extrapolateIndustry,
  industryTotalFor,
  NO_CENTRAL_COSTS,
  type IndustryEstimate,
  type IndustryOptions,
} from '../../src/model/industryCost';
import { respondentCosts } from '../../src/model/respondentTotals';
import { seedText } from '../support/seed';

const results = importText(seedText(), 'seed').analysis.results;
const costs = respondentCosts(results);
const populations = (parties: Record<string, number>) =>
  defaultPopulations(results).map((p) => (p.category in parties ? { ...p, parties: parties[p.category]!, source: 'test' } : p));
const options = (over: Partial<IndustryOptions> = {}): IndustryOptions => ({
  populations: populations({ 'Large Supplier': 10, 'Small Supplier': 20 }),
  unquantified: 'excluded',
  emptyCategory: { kind: 'all-respondent-mean' },
  central: NO_CENTRAL_COSTS,
  ...over,
});
const estimate = (o: IndustryOptions): IndustryEstimate => {
  const r = extrapolateIndustry(results, costs, o);
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.estimate;
};
const category = (e: IndustryEstimate, name: string) => e.categories.find((c) => c.category === name)!;

describe('industry extrapolation', () => {
  test('each category: stated figures plus the category mean for every other party', () => {
    const e = estimate(options());
    const large = category(e, 'Large Supplier');
    // Large: EON 100–250k, Utility Warehouse 0–100k, Utilita 250–500k (OVO gave no figure and is excluded).
    // Stated central 175k + 50k + 375k = 600k, mean 200k; 10 parties − 3 quantified − 1 excluded = 6 more.
    expect(large).toMatchObject({ parties: 10, respondents: 4, quantified: 3, unquantified: 1, extrapolated: 6, perPartySource: 'category-mean' });
    expect(large.cost).toEqual({ low: 350_000 + 6 * (350_000 / 3), central: 600_000 + 6 * 200_000, high: 850_000 + 6 * (850_000 / 3) });
    // Small: ENGIE 0–100k (central 50k) and 19 more parties at the same.
    expect(category(e, 'Small Supplier').cost).toEqual({ low: 0, central: 50_000 * 20, high: 100_000 * 20 });
    expect(e.total.central).toBe(1_800_000 + 1_000_000);
    expect(e.method).toContain('Respondents who said they would incur a cost but gave no figure add nothing.');
    // No word about a rule for categories without figures: none applied.
    expect(e.method.join(' ')).not.toMatch(/no respondent figure/);
    // The four categories nobody answered for are still at their default (none): not yet the whole industry.
    expect(e.wholeIndustry).toBe(false);
    expect(e.method).toContain(
      "The number of parties in Electricity Network Party, Gas Network Party, Other SEC Party and DCC is not yet entered: those categories are taken to have only their respondents, so the total is not the whole industry's.",
    );
    // Confirming them (none, from a source) makes it the whole industry.
    const confirmed = estimate(options({ populations: options().populations.map((p) => ({ ...p, source: 'SEC party list, 2027' })) }));
    expect(confirmed.wholeIndustry).toBe(true);
    expect(confirmed.method.join(' ')).not.toMatch(/not yet entered/);
  });

  test('populations left at the respondents seen: said so, and not called the whole industry', () => {
    const e = estimate(options({ populations: defaultPopulations(results) }));
    expect(e.wholeIndustry).toBe(false);
    expect(e.total).toEqual({ low: 350_000, central: 650_000, high: 950_000 });
    expect(e.method).toContain(
      "The number of parties in Large Supplier, Small Supplier, Electricity Network Party, Gas Network Party, Other SEC Party and DCC is not yet entered: those categories are taken to have only their respondents, so the total is not the whole industry's.",
    );
  });

  test('central-body costs nobody entered are not yet provided and add nothing; SECAS needs days and rate, or another sum', () => {
    const e = estimate(options());
    expect(e.centralBodies).toEqual({ dccImplementation: null, secas: null, dccOngoingPerYear: null, total: 0 });
    expect(e.method).toContain("Central bodies' one-off costs: DCC not yet provided; SECAS not yet provided.");
    const daysOnly = estimate(options({ central: { ...NO_CENTRAL_COSTS, secasDays: 20 } }));
    expect(daysOnly.centralBodies.secas).toBeNull();
    const zero = estimate(options({ central: { ...NO_CENTRAL_COSTS, dccImplementationGbp: 0 } }));
    expect(zero.centralBodies.dccImplementation).toBe(0);
  });

  test('yearly ongoing costs scale up with the same rule as the one-off figures', () => {
    // EON 30k a year, Utility Warehouse none (a figure but no yearly one), Utilita 10k–20k a year, by override.
    const withOngoing = respondentCosts(results, undefined, { 'eon-uk': { ongoingLow: 30_000 }, 'utilita-energy-ltd': { ongoingLow: 10_000, ongoingHigh: 20_000 } });
    const r = extrapolateIndustry(results, withOngoing, options());
    if (!r.ok) throw new Error(r.problems.join());
    const large = r.estimate.categories.find((c) => c.category === 'Large Supplier')!;
    // Stated (central): 30k + 0 + 15k = 45k, mean 15k; 6 more parties → 45k + 6 × 15k = 135k.
    expect(large.ongoing.central).toBe(135_000);
    expect(large.ongoing.low).toBe(40_000 + 6 * (40_000 / 3));
    // Small Supplier: ENGIE gave no yearly figure: £0 a year whatever its population.
    expect(r.estimate.categories.find((c) => c.category === 'Small Supplier')!.ongoing).toEqual({ low: 0, central: 0, high: 0 });
    expect(r.estimate.partiesOngoing.central).toBe(135_000);
  });

  test('unquantified respondents at their category mean', () => {
    const e = estimate(options({ unquantified: 'category-mean' }));
    // OVO now takes the Large mean too: 7 extra parties at 200k central.
    expect(category(e, 'Large Supplier').cost.central).toBe(600_000 + 7 * 200_000);
    expect(e.method.join(' ')).toMatch(/counted at their category's mean/);
  });

  test.each([
    [{ kind: 'all-respondent-mean' } as const, 4 * (650_000 / 4), 'all-respondent-mean'],
    [{ kind: 'per-party', gbp: 30_000 } as const, 4 * 30_000, 'per-party-value'],
    [{ kind: 'zero' } as const, 0, 'zero'],
  ])('a category with parties but no figures: %p', (rule, central, source) => {
    const e = estimate(options({ emptyCategory: rule, populations: populations({ 'Large Supplier': 4, 'Small Supplier': 1, 'Electricity Network Party': 4 }) }));
    const enp = category(e, 'Electricity Network Party');
    expect(enp.cost.central).toBeCloseTo(central, 6);
    expect(enp.perPartySource).toBe(source);
    // The rule is stated for the category it applied to.
    expect(e.method.find((m) => m.startsWith('Electricity Network Party has parties but no respondent figure'))).toBeDefined();
  });

  test('central-body costs are added to the parties’ cost', () => {
    const e = estimate(options({ central: { dccImplementationGbp: 400_000, dccOngoingGbpPerYear: 50_000, secasDays: 20, secasDayRateGbp: 600, secasOtherGbp: 0 } }));
    expect(e.centralBodies).toEqual({ dccImplementation: 400_000, secas: 12_000, dccOngoingPerYear: 50_000, total: 412_000 });
    expect(e.total.central).toBe(e.parties.central + 412_000);
  });

  test('a population smaller than the respondents in it is an error, not a silent clamp', () => {
    const r = extrapolateIndustry(results, costs, options({ populations: populations({ 'Large Supplier': 3 }) }));
    expect(r).toEqual({ ok: false, problems: ['Large Supplier: 3 parties are entered but 4 respondents are in this category; enter at least 4'] });
  });

  test('a category with respondents but no population is an error', () => {
    const r = extrapolateIndustry(results, costs, options({ populations: populations({}).filter((p) => p.category !== 'Small Supplier') }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContain('Small Supplier: respondents are in this category but it has no population; add it');
  });

  test('the linear form gives the same totals as the category sums, for any populations and rules', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 200 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 50 }),
        fc.constantFrom<IndustryOptions['unquantified']>('excluded', 'category-mean'),
        fc.oneof(fc.constant({ kind: 'all-respondent-mean' } as const), fc.constant({ kind: 'zero' } as const), fc.integer({ min: 0, max: 1e6 }).map((gbp) => ({ kind: 'per-party', gbp }) as const)),
        fc.integer({ min: 0, max: 1e7 }),
        (large, small, enp, unquantified, emptyCategory, dcc) => {
          const e = estimate(options({ populations: populations({ 'Large Supplier': large, 'Small Supplier': small, 'Electricity Network Party': enp }), unquantified, emptyCategory, central: { ...NO_CENTRAL_COSTS, dccImplementationGbp: dcc } }));
          for (const k of ['low', 'central', 'high'] as const) {
            const viaWeights = industryTotalFor(e.linear, (id) => costs.find((c) => c.respondentId === id)![k]);
            expect(viaWeights).toBeCloseTo(e.total[k], 4);
          }
          expect(e.total.low).toBeLessThanOrEqual(e.total.central);
          expect(e.total.central).toBeLessThanOrEqual(e.total.high);
        },
      ),
    );
  });

  test('industry totals never fall as populations grow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 100 }), fc.integer({ min: 0, max: 50 }), (large, more) => {
        const a = estimate(options({ populations: populations({ 'Large Supplier': large }) }));
        const b = estimate(options({ populations: populations({ 'Large Supplier': large + more }) }));
        expect(b.total.central).toBeGreaterThanOrEqual(a.total.central);
      }),
    );
  });
});

import { checkFormulas, sameValue } from '../support/hyperformula';
import { livePlan } from '../support/plans';
import { seedText } from '../support/seed';

describe('the DCC counted once', () => {
  const rows = [
    { category: 'Large Supplier', cost: '£100k-£250k', lead: '6 months' },
    { category: 'DCC', cost: '£250k-£500k', lead: '9 months' },
  ];
  const withDcc = (cost: number | null) => livePlan(annexOf(rows), (a) => ({ ...a, industry: { ...a.industry, central: { ...a.industry.central, dccImplementationGbp: cost } } }));
  const check = (built: ReturnType<typeof livePlan>) => built.checks.find((c) => c.name === 'CheckDccCountedOnce')!.pass;

  test("a DCC respondent's figure beside the DCC's own cost fails the check, in the engine and in the workbook alike", () => {
    // A DCC respondent's figure alone is the DCC's cost as a party; once the DCC's own figure is entered it would be counted twice.
    expect(check(withDcc(null))).toBe(true);
    const both = withDcc(750_000);
    expect(check(both)).toBe(false);
    expect(both.checks.filter((c) => !c.pass).map((c) => c.name)).toEqual(['CheckDccCountedOnce']);
    const formulas = checkFormulas(both.plan);
    expect(formulas.find((f) => f.where.includes('CheckDccCountedOnce') || f.formula.includes('"DCC"'))).toBeDefined();
    expect(formulas.filter((f) => !sameValue(f.actual, f.expected))).toEqual([]);
  });
});

describe('the workbook formulas compute what the engine computes (HyperFormula)', () => {
  test('the seed with default assumptions', () => {
    const checks = checkFormulas(livePlan(seedText()).plan);
    expect(checks.length).toBeGreaterThan(200);
    expect(checks.filter((c) => !sameValue(c.actual, c.expected))).toEqual([]);
  });
});

import fc from 'fast-check';
import { addLeadTime, isoDate } from '../../src/model/calendarDates';
import { SEC_COST_BANDS } from '../../src/model/costBands';
import type { ModelAssumptions } from '../../src/model/costModel';
import { annexOf, syntheticName, SYNTHETIC_CATEGORIES, SYNTHETIC_COSTS, SYNTHETIC_LEADS } from '../support/synthetic';
import { respondentId } from '../../src/model/consultation';

const row = fc.record({
  category: fc.constantFrom(...SYNTHETIC_CATEGORIES),
  cost: fc.constantFrom(...SYNTHETIC_COSTS),
  lead: fc.constantFrom(...SYNTHETIC_LEADS),
});

const changes = fc.record({
  extraParties: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 6, maxLength: 6 }),
  unquantified: fc.constantFrom<'excluded' | 'category-mean'>('excluded', 'category-mean'),
  empty: fc.oneof(fc.constant({ kind: 'all-respondent-mean' } as const), fc.constant({ kind: 'zero' } as const), fc.integer({ min: 0, max: 500_000 }).map((gbp) => ({ kind: 'per-party', gbp }) as const)),
  dcc: fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: null }),
  dccOngoing: fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: null }),
  secasDays: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  ongoingOverride: fc.option(fc.integer({ min: 0, max: 90_000 }), { nil: undefined }),
  benefitsLater: fc.boolean(),
  proposedFirst: fc.boolean(),
  cap: fc.constantFrom(1, 1.5, 2, 3),
  // The SEC bands, or a list of the modeller's own with edges the synthetic figures fall on.
  bands: fc.constantFrom(SEC_COST_BANDS, [
    { label: 'Up to £50k', from: 0, to: 50_000 },
    { label: '£50k to £1m', from: 50_000, to: 1_000_000 },
    { label: 'Over £1m', from: 1_000_000, to: null },
  ]),
  decision: fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => isoDate(d.toISOString().slice(0, 10))!),
  dccLead: fc.integer({ min: 0, max: 30 }),
  notice: fc.integer({ min: 0, max: 12 }),
  coverage: fc.constantFrom(0.5, 0.8, 1),
  uptake: fc.array(fc.integer({ min: 0, max: 100 }).map((p) => p / 100), { minLength: 3, maxLength: 3 }),
  benefit: fc.integer({ min: 0, max: 200_000 }),
  years: fc.integer({ min: 2, max: 40 }),
  overrideLow: fc.option(fc.integer({ min: 0, max: 900_000 }), { nil: undefined }),
  overrideMonths: fc.option(fc.integer({ min: 0, max: 36 }), { nil: undefined }),
});

describe('formulas against the engine on generated consultations and assumptions', () => {
  test('every formula cell equals the engine value', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), changes, (rows, c) => {
        const firstId = respondentId(syntheticName(0));
        const change = (a: ModelAssumptions): ModelAssumptions => ({
          ...a,
          costs: { openEndedCapMultiple: c.cap, bands: c.bands },
          overrides: {
            costs:
              c.overrideLow === undefined && c.ongoingOverride === undefined
                ? {}
                : { [firstId]: { ...(c.overrideLow !== undefined ? { low: c.overrideLow } : {}), ...(c.ongoingOverride !== undefined ? { ongoingLow: c.ongoingOverride } : {}) } },
            leadTimeMonths: c.overrideMonths === undefined ? {} : { [firstId]: c.overrideMonths },
          },
          industry: {
            ...a.industry,
            populations: a.industry.populations.map((p, i) => ({ ...p, parties: p.parties + (c.extraParties[i] ?? 0) })),
            unquantified: c.unquantified,
            emptyCategory: c.empty,
            central: { dccImplementationGbp: c.dcc, dccOngoingGbpPerYear: c.dccOngoing, secasDays: c.secasDays, secasDayRateGbp: 650, secasOtherGbp: null },
          },
          scenarios: a.scenarios.map((s, i) => ({
            ...s,
            uptake: Object.fromEntries(a.industry.populations.map((p) => [p.category, { kind: 'share', share: c.uptake[i]! }])),
            benefitPerAdopterPerYearGbp: c.benefit,
          })),
          // Benefits four years after the decision: after any release these lead times allow.
          appraisal: { ...a.appraisal, years: c.years, benefitsStart: c.benefitsLater ? addLeadTime(c.decision, 48) : null },
          timeline: {
            ...a.timeline,
            decisionDate: c.decision,
            releases: a.timeline.releases,
            dccLeadTimeMonths: c.dccLead,
            minimumNoticeMonths: c.notice,
            coverage: c.coverage === 1 ? { kind: 'longest' } : { kind: 'share-of-respondents', share: c.coverage },
            // The first release in the calendar, often before the ready-by date: a check that fails.
            proposedRelease: c.proposedFirst ? a.timeline.releases[0]! : null,
          },
        });
        const checks = checkFormulas(livePlan(annexOf(rows), change).plan);
        expect(checks.filter((x) => !sameValue(x.actual, x.expected))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

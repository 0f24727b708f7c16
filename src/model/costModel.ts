import { defaultReleaseCalendar, toDate, type IsoDate } from './calendarDates';
import { GREEN_BOOK_DISCOUNTING } from './discounting';
import {
  defaultPopulations,
  extrapolateIndustry,
  NO_CENTRAL_COSTS,
  type CategoryPopulation,
  type IndustryEstimate,
  type IndustryOptions,
} from './industryCost';
import { DEFAULT_MONTE_CARLO, runMonteCarlo, type MonteCarloOptions, type MonteCarloResult } from './monteCarlo';
import {
  bandDistribution,
  DEFAULT_COST_OPTIONS,
  respondentCosts,
  respondentTotals,
  type BandCount,
  type CostOptions,
  type CostOverrides,
  type RespondentTotals,
} from './respondentTotals';
import type { Analysis } from './responseAnalysis';
import { buildTimeline, timelineProblems, type LeadTimeOverrides, type TimelineInputs, type TimelineResult } from './timeline';
import { DEFAULT_SWING, evaluateScenario, scenarioProblems, tornado, type FixedCosts, type Scenario, type ScenarioResult, type TornadoBar } from './uptake';

export interface ModelOverrides {
  readonly costs: CostOverrides;
  readonly leadTimeMonths: LeadTimeOverrides;
}

/** Every assumption the engine uses, in one value: what the Assumptions sheet and the task pane edit. */
export interface ModelAssumptions {
  readonly costs: CostOptions;
  /** The modeller's figures replacing parsed answers, by respondent id. */
  readonly overrides: ModelOverrides;
  readonly industry: IndustryOptions;
  readonly monteCarlo: MonteCarloOptions;
  readonly scenarios: readonly Scenario[];
  readonly sensitivity: { readonly swing: number; readonly discountLow: number; readonly discountHigh: number };
  readonly timeline: TimelineInputs;
}

export const PLACEHOLDER_SOURCE = 'placeholder: replace with the panel’s figure';

const SCENARIO_DEFAULTS: ReadonlyArray<readonly [string, number, number]> = [
  // name, uptake share, benefit per adopter per year (£)
  ['Low', 0.1, 10_000],
  ['Central', 0.25, 25_000],
  ['High', 0.5, 50_000],
];

/**
 * Defaults a modeller starts from. Populations equal the respondents seen (flagged as not
 * entered), no central-body costs, Green Book discounting, and scenario figures that are
 * placeholders, labelled as such, for the panel to replace.
 */
export function defaultAssumptions(analysis: Analysis, decisionDate: IsoDate): ModelAssumptions {
  const populations = defaultPopulations(analysis.results);
  const year = toDate(decisionDate).getFullYear();
  return {
    costs: DEFAULT_COST_OPTIONS,
    overrides: { costs: {}, leadTimeMonths: {} },
    industry: { populations, unquantified: 'excluded', emptyCategory: { kind: 'all-respondent-mean' }, central: NO_CENTRAL_COSTS },
    monteCarlo: DEFAULT_MONTE_CARLO,
    scenarios: SCENARIO_DEFAULTS.map(([name, share, benefit]) => ({
      name,
      uptake: Object.fromEntries(populations.filter((p) => p.parties > 0).map((p) => [p.category, { kind: 'share', share }])),
      benefitPerAdopterPerYearGbp: benefit,
      ongoingCostPerAdopterPerYearGbp: 5_000,
      oneOffCostPerAdopterGbp: 20_000,
      startYear: 1,
      appraisalYears: 10,
      discount: GREEN_BOOK_DISCOUNTING,
      priceBaseYear: year,
      source: PLACEHOLDER_SOURCE,
    })),
    sensitivity: { swing: DEFAULT_SWING, discountLow: 0.025, discountHigh: 0.045 },
    timeline: {
      decisionDate,
      dccLeadTimeMonths: 0,
      minimumNoticeMonths: 0,
      releases: defaultReleaseCalendar(year, year + 5),
      coverage: { kind: 'longest' },
      proposedRelease: null,
    },
  };
}

export interface ScenarioOutcome {
  readonly scenario: Scenario;
  readonly result: ScenarioResult;
  readonly tornado: readonly TornadoBar[];
}

export interface ModelResult {
  readonly totals: RespondentTotals;
  readonly bands: readonly BandCount[];
  readonly industry: IndustryEstimate;
  readonly fixedCosts: FixedCosts;
  readonly scenarios: readonly ScenarioOutcome[];
  readonly timeline: TimelineResult;
}

export type ModelRun = { readonly ok: true; readonly result: ModelResult } | { readonly ok: false; readonly problems: readonly string[] };

/** Everything but the simulation: deterministic, and fast enough to rerun on every edit. */
export function runModel(analysis: Analysis, assumptions: ModelAssumptions): ModelRun {
  const costs = respondentCosts(analysis.results, assumptions.costs, assumptions.overrides.costs);
  const industry = extrapolateIndustry(analysis.results, costs, assumptions.industry);
  const populations: readonly CategoryPopulation[] = assumptions.industry.populations;
  const problems = [
    ...(industry.ok ? [] : industry.problems),
    ...assumptions.scenarios.flatMap((s) => scenarioProblems(s, populations)),
    ...timelineProblems(assumptions.timeline),
  ];
  if (!(assumptions.costs.openEndedCapMultiple >= 1)) problems.push('the cap for open-ended bands must be at least 1× the lower figure');
  problems.push(...overrideProblems(analysis, assumptions.overrides));
  if (!industry.ok || problems.length) return { ok: false, problems };

  const estimate = industry.estimate;
  const fixedCosts: FixedCosts = { oneOffGbp: estimate.total.central, ongoingGbpPerYear: estimate.centralBodies.dccOngoingPerYear };
  const sensitivity = {
    ...assumptions.sensitivity,
    partyCostLowGbp: estimate.parties.low,
    partyCostCentralGbp: estimate.parties.central,
    partyCostHighGbp: estimate.parties.high,
  };
  return {
    ok: true,
    result: {
      totals: respondentTotals(analysis.results, assumptions.costs, assumptions.overrides.costs),
      bands: bandDistribution(analysis.results),
      industry: estimate,
      fixedCosts,
      scenarios: assumptions.scenarios.map((scenario) => ({
        scenario,
        result: evaluateScenario(scenario, fixedCosts, populations),
        tornado: tornado(scenario, fixedCosts, populations, sensitivity),
      })),
      timeline: buildTimeline(analysis.results, assumptions.timeline, assumptions.overrides.leadTimeMonths),
    },
  };
}

/** The Monte Carlo run over the respondents' bands, scaled to the industry as `runModel` scales them. */
export function runUncertainty(
  analysis: Analysis,
  assumptions: ModelAssumptions,
  industry: IndustryEstimate,
  onProgress?: (done: number, total: number) => void,
): MonteCarloResult {
  return runMonteCarlo(respondentCosts(analysis.results, assumptions.costs, assumptions.overrides.costs), industry.linear, assumptions.monteCarlo, onProgress);
}

/** Overrides that cannot be used, in words naming the respondent. */
export function overrideProblems(analysis: Analysis, overrides: ModelOverrides): string[] {
  const nameOf = new Map(analysis.results.map((r) => [r.respondent.id, r.respondent.name]));
  const problems: string[] = [];
  for (const [id, o] of Object.entries(overrides.costs)) {
    const who = nameOf.get(id);
    if (!who) problems.push(`an override is entered for "${id}", who is not a respondent`);
    else if ([o.low, o.high].some((v) => v !== undefined && !(v >= 0))) problems.push(`${who}: an override cost must be £0 or more`);
    else if (o.low !== undefined && o.high !== undefined && o.low > o.high) problems.push(`${who}: the override low figure is above the high figure`);
  }
  for (const [id, months] of Object.entries(overrides.leadTimeMonths)) {
    const who = nameOf.get(id);
    if (!who) problems.push(`a lead-time override is entered for "${id}", who is not a respondent`);
    else if (!(months >= 0)) problems.push(`${who}: an override lead time must be 0 months or more`);
  }
  return problems;
}

import { bandCounts, bandProblems, type BandRow } from './costBands';
import { appraisalTiming, type AppraisalTiming } from './appraisalTiming';
import { defaultReleaseCalendar, toDate, type IsoDate } from './calendarDates';
import { GREEN_BOOK_DISCOUNTING, type DiscountSchedule } from './discounting';
import { DEFAULT_SOURCES } from './inputStatus';
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
  DEFAULT_COST_OPTIONS,
  respondentCosts,
  respondentTotals,
  type CostOptions,
  type CostOverrides,
  type RespondentTotals,
} from './respondentTotals';
import type { Analysis } from './responseAnalysis';
import { buildTimeline, timelineProblems, type LeadTimeOverrides, type TimelineInputs, type TimelineResult } from './timeline';
import {
  appraisalProblems,
  DEFAULT_APPRAISAL_YEARS,
  DEFAULT_SENSITIVITY,
  evaluateScenario,
  scenarioProblems,
  tornado,
  type FixedCosts,
  type Scenario,
  type ScenarioResult,
  type SensitivityInputs,
  type TornadoBar,
} from './uptake';

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
  readonly appraisal: AppraisalInputs;
  readonly sensitivity: SensitivityInputs;
  readonly timeline: TimelineInputs;
  /** The Source the modeller gave a named assumption (by its defined name), where it is not the default's. */
  readonly sources: Readonly<Record<string, string>>;
}

/** How long and from when the appraisal counts, and how it discounts: one convention for every scenario. */
export interface AppraisalInputs {
  /** Years of benefits. */
  readonly years: number;
  readonly discount: DiscountSchedule;
  /** A stated start of benefits later than the target release; null: benefits start at the release. */
  readonly benefitsStart: IsoDate | null;
}

// Illustrative scenario figures until the panel enters its own: name, uptake share, benefit per
// adopter a year, ongoing cost per adopter a year, one-off cost per adopter (£).
const SCENARIO_PLACEHOLDERS: ReadonlyArray<readonly [string, number, number, number, number]> = [
  ['Low', 0.1, 10_000, 5_000, 20_000],
  ['Central', 0.25, 25_000, 5_000, 20_000],
  ['High', 0.5, 50_000, 5_000, 20_000],
];


/**
 * Defaults a modeller starts from, each marked as such: populations equal to the respondents seen,
 * central-body costs not yet provided, Green Book discounting, ten years of benefits from the
 * release, the release rule's calendar, and placeholder scenario figures for the panel to replace.
 */
export function defaultAssumptions(analysis: Analysis, decisionDate: IsoDate): ModelAssumptions {
  const populations = defaultPopulations(analysis.results);
  const year = toDate(decisionDate).getFullYear();
  const releases = defaultReleaseCalendar(year, year + 5);
  return {
    costs: DEFAULT_COST_OPTIONS,
    overrides: { costs: {}, leadTimeMonths: {} },
    industry: { populations, unquantified: 'excluded', emptyCategory: { kind: 'all-respondent-mean' }, central: NO_CENTRAL_COSTS },
    monteCarlo: DEFAULT_MONTE_CARLO,
    scenarios: SCENARIO_PLACEHOLDERS.map(([name, share, benefit, ongoing, oneOff]) => ({
      name,
      uptake: Object.fromEntries(populations.map((p) => [p.category, { kind: 'share', share }])),
      benefitPerAdopterPerYearGbp: benefit,
      ongoingCostPerAdopterPerYearGbp: ongoing,
      oneOffCostPerAdopterGbp: oneOff,
      figuresSource: DEFAULT_SOURCES.scenario,
      uptakeSource: DEFAULT_SOURCES.scenario,
      placeholder: { share, benefit, ongoing, oneOff },
    })),
    appraisal: { years: DEFAULT_APPRAISAL_YEARS, discount: GREEN_BOOK_DISCOUNTING, benefitsStart: null },
    sensitivity: DEFAULT_SENSITIVITY,
    timeline: {
      decisionDate,
      defaultDecisionDate: decisionDate,
      dccLeadTimeMonths: 0,
      minimumNoticeMonths: 0,
      releases,
      ruleReleases: releases,
      releaseSources: {},
      coverage: { kind: 'longest' },
      proposedRelease: null,
    },
    sources: {},
  };
}

export interface ScenarioOutcome {
  readonly scenario: Scenario;
  readonly result: ScenarioResult;
  readonly tornado: readonly TornadoBar[];
}

export interface ModelResult {
  readonly totals: RespondentTotals;
  readonly bands: readonly BandRow[];
  readonly industry: IndustryEstimate;
  readonly fixedCosts: FixedCosts;
  /** When the change goes live and benefits start, as dates and as appraisal years. */
  readonly timing: AppraisalTiming;
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
  problems.push(...bandProblems(assumptions.costs.bands));
  problems.push(...overrideProblems(analysis, assumptions.overrides));
  if (!industry.ok || problems.length) return { ok: false, problems };

  const estimate = industry.estimate;
  const timeline = buildTimeline(analysis.results, assumptions.timeline, assumptions.overrides.leadTimeMonths);
  const timing = appraisalTiming(assumptions.timeline.decisionDate, timeline, assumptions.appraisal.benefitsStart);
  const appraisal = assumptions.appraisal;
  const timingProblems = [
    ...appraisalProblems(appraisal, timing),
    ...(timing.benefitsStart < timing.implementation ? [`benefits cannot start (${timing.benefitsStart}) before the change is implemented (${timing.implementation})`] : []),
  ];
  if (timingProblems.length) return { ok: false, problems: [...new Set(timingProblems)] };
  const dccOngoing = estimate.centralBodies.dccOngoingPerYear ?? 0;
  const fixedCosts: FixedCosts = {
    oneOff: estimate.total,
    ongoingPerYear: { low: estimate.partiesOngoing.low + dccOngoing, central: estimate.partiesOngoing.central + dccOngoing, high: estimate.partiesOngoing.high + dccOngoing },
  };
  return {
    ok: true,
    result: {
      totals: respondentTotals(analysis.results, assumptions.costs, assumptions.overrides.costs),
      bands: bandCounts(analysis.results, respondentCosts(analysis.results, assumptions.costs, assumptions.overrides.costs), assumptions.costs.bands),
      industry: estimate,
      fixedCosts,
      timing,
      scenarios: assumptions.scenarios.map((scenario) => ({
        scenario,
        result: evaluateScenario(scenario, fixedCosts, populations, appraisal, timing),
        tornado: tornado(scenario, fixedCosts, dccOngoing, populations, appraisal, timing, assumptions.sensitivity),
      })),
      timeline,
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
    else if ([o.low, o.high, o.ongoingLow, o.ongoingHigh].some((v) => v !== undefined && !(v >= 0))) problems.push(`${who}: an override cost must be £0 or more`);
    else if (o.low !== undefined && o.high !== undefined && o.low > o.high) problems.push(`${who}: the override low figure is above the high figure`);
    else if (o.ongoingLow !== undefined && o.ongoingHigh !== undefined && o.ongoingLow > o.ongoingHigh) problems.push(`${who}: the override low ongoing figure is above the high one`);
  }
  for (const [id, months] of Object.entries(overrides.leadTimeMonths)) {
    const who = nameOf.get(id);
    if (!who) problems.push(`a lead-time override is entered for "${id}", who is not a respondent`);
    else if (!(months >= 0)) problems.push(`${who}: an override lead time must be 0 months or more`);
  }
  return problems;
}

import type { ModelAssumptions, ModelResult } from './costModel';
import { DCC_CATEGORY } from './industryCost';
import { MAX_APPRAISAL_YEARS } from './uptake';
import type { Analysis } from './responseAnalysis';

/**
 * The model's integrity checks, as the workbook's Checks sheet computes them live: each a defined
 * name that is TRUE when it passes, and ChecksOK when all do. The engine computes the same values,
 * so a run states its checks wherever its figures go.
 */
export interface Check {
  /** The defined name of the check's result cell. */
  readonly name: string;
  readonly description: string;
  /** What to do when it fails. */
  readonly fix: string;
  readonly pass: boolean;
}

export const CHECKS_PASS = 'all checks pass';
export const CHECKS_FAIL = 'some checks fail: see the Checks sheet of the model workbook';

export const CHECK_RATE_LIMITS = { min: 0, max: 0.1 } as const;

interface CheckSpec {
  readonly name: string;
  readonly description: string;
  readonly fix: string;
}

/** The checks in the order the Checks sheet lists them. */
export const CHECK_SPECS = {
  populations: {
    name: 'CheckPopulations',
    description: "Each category's parties are a whole number, at least the respondents in it",
    fix: 'Correct the Parties column on Assumptions (its Check column names the row)',
  },
  uptake: { name: 'CheckUptake', description: 'Every uptake is a share from 0% to 100%', fix: 'Type uptake as a percentage on Assumptions: 25%, not 25' },
  rates: { name: 'CheckDiscountRates', description: 'Discount rates are from 0% to 10% a year', fix: 'Correct DiscountRate and DiscountRateLong on Assumptions' },
  appraisal: {
    name: 'CheckAppraisal',
    description: `The appraisal counts 1 to ${MAX_APPRAISAL_YEARS} whole years of benefits, starting no earlier than the change goes live`,
    fix: 'Correct AppraisalYears, or BenefitsStart (blank: at the target release)',
  },
  money: { name: 'CheckCostInputs', description: 'Central-body costs and scenario figures are £0 or more', fix: 'Correct the negative figure on Assumptions' },
  overrides: {
    name: 'CheckOverrides',
    description: 'Every override is £0 or more, with its low figure no higher than its high one',
    fix: 'Correct the override columns on Costs and Lead times',
  },
  releaseFound: {
    name: 'CheckReleaseFound',
    description: 'The release calendar has a release on or after the ready-by date',
    fix: 'Add later releases to the calendar on Assumptions',
  },
  proposedRelease: {
    name: 'CheckProposedRelease',
    description: 'A proposed release is on the calendar and not before the ready-by date',
    fix: 'Choose ProposedRelease from the calendar, on or after the ready-by date on Timeline, or leave it blank',
  },
  namedReleases: {
    name: 'CheckNamedReleases',
    description: 'Every release a respondent named is after the decision date, or the respondent has a lead-time override',
    fix: 'Enter override months on Lead times for the respondent who named a past release',
  },
  costAnswers: {
    name: 'CheckCostAnswers',
    description: 'Every cost answer has a figure or a stated treatment: an unreadable one has an override',
    fix: 'Enter override figures on Costs for the rows whose Kind is unreadable',
  },
  leadTimeAnswers: {
    name: 'CheckLeadTimeAnswers',
    description: 'Every lead-time answer was read, or has an override',
    fix: 'Enter override months on Lead times for the rows whose Kind is unreadable',
  },
  dccOnce: {
    name: 'CheckDccCountedOnce',
    description: "The DCC's implementation cost is counted once: no DCC party cost beside the DCC's own figure",
    fix: "Set the DCC's parties to 0 on Assumptions, or a DCC respondent's figure to £0 on Costs, once the DCC's own cost is entered",
  },
  simulation: {
    name: 'CheckSimulation',
    description: 'The uncertainty simulation ran on the current inputs',
    fix: 'Run the simulation again (Run uncertainty in the add-in, or the command line)',
  },
} as const satisfies Record<string, CheckSpec>;

export type CheckId = keyof typeof CHECK_SPECS;

/** The checks of the inputs themselves: while one fails, no result rests on valid inputs. */
export const INPUT_CHECKS: readonly CheckId[] = ['populations', 'uptake', 'rates', 'appraisal', 'money', 'overrides'];

export function modelChecks(analysis: Analysis, a: ModelAssumptions, model: ModelResult, simulationIsCurrent: boolean): Check[] {
  const respondentsIn = (category: string) => analysis.results.filter((r) => r.respondent.category === category).length;
  const rates = a.appraisal.discount.bands.map((b) => b.rate);
  const c = a.industry.central;
  const overrides = Object.values(a.overrides.costs);
  const hasCostOverride = (id: string) => {
    const o = a.overrides.costs[id];
    return o !== undefined && (o.low !== undefined || o.high !== undefined);
  };
  const hasLeadOverride = (id: string) => a.overrides.leadTimeMonths[id] !== undefined;
  const t = model.timeline;
  const proposed = a.timeline.proposedRelease;
  const pass: Record<CheckId, boolean> = {
    populations: a.industry.populations.every((p) => Number.isInteger(p.parties) && p.parties >= respondentsIn(p.category)),
    uptake: a.scenarios.every((s) => Object.values(s.uptake).every((u) => u.kind !== 'share' || (u.share >= 0 && u.share <= 1))),
    rates: rates.every((r) => r >= CHECK_RATE_LIMITS.min && r <= CHECK_RATE_LIMITS.max),
    appraisal:
      Number.isInteger(a.appraisal.years) && a.appraisal.years >= 1 && a.appraisal.years <= MAX_APPRAISAL_YEARS && model.timing.benefitsStart >= model.timing.implementation,
    money:
      [c.dccImplementationGbp, c.dccOngoingGbpPerYear, c.secasDays, c.secasDayRateGbp, c.secasOtherGbp].every((v) => v === null || v >= 0) &&
      a.scenarios.every((s) => [s.benefitPerAdopterPerYearGbp, s.ongoingCostPerAdopterPerYearGbp, s.oneOffCostPerAdopterGbp].every((v) => v >= 0)),
    overrides:
      overrides.every((o) => [o.low, o.high, o.ongoingLow, o.ongoingHigh].every((v) => v === undefined || v >= 0)) &&
      overrides.every((o) => o.low === undefined || o.high === undefined || o.low <= o.high) &&
      overrides.every((o) => o.ongoingLow === undefined || o.ongoingHigh === undefined || o.ongoingLow <= o.ongoingHigh) &&
      Object.values(a.overrides.leadTimeMonths).every((m) => m >= 0),
    releaseFound: t.earliestRelease !== null,
    proposedRelease: proposed === null || (a.timeline.releases.includes(proposed) && proposed >= t.readyDate),
    namedReleases: t.respondents.every((r) => r.status !== 'past-release' || hasLeadOverride(r.respondentId)),
    costAnswers: analysis.results.every((r) => r.cost.kind !== 'unreadable' || hasCostOverride(r.respondent.id)),
    leadTimeAnswers: analysis.results.every((r) => r.leadTime.kind !== 'unreadable' || hasLeadOverride(r.respondent.id)),
    // The DCC's Impact Assessment figure and the DCC as a party with a cost of its own would be the same cost twice.
    dccOnce: c.dccImplementationGbp === null || (model.industry.categories.find((k) => k.category === DCC_CATEGORY)?.cost.high ?? 0) === 0,
    simulation: simulationIsCurrent,
  };
  return (Object.keys(CHECK_SPECS) as CheckId[]).map((id) => ({ ...CHECK_SPECS[id], pass: pass[id] }));
}

/** "All 13 checks pass" or "2 of 13 checks fail: …", for the summary lines. */
export function checksSummary(checks: readonly Check[]): string {
  const failing = checks.filter((c) => !c.pass);
  if (failing.length === 0) return `all ${checks.length} checks pass`;
  return `${failing.length} of ${checks.length} checks fail: ${failing.map((c) => c.description).join('; ')}`;
}

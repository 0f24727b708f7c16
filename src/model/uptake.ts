import { discountFactors, flatDiscounting, type DiscountSchedule } from './discounting';
import type { CategoryPopulation } from './industryCost';

/** Uptake in one category: a share of its parties, or a number of them. */
export type Uptake = { readonly kind: 'share'; readonly share: number } | { readonly kind: 'count'; readonly parties: number };

/** The illustrative figures a scenario starts from; kept beside it so a change from them shows. */
export interface ScenarioPlaceholder {
  readonly share: number;
  readonly benefit: number;
  readonly ongoing: number;
  readonly oneOff: number;
}

export interface Scenario {
  readonly name: string;
  /** By category; a category not listed has no adopters. */
  readonly uptake: Readonly<Record<string, Uptake>>;
  readonly benefitPerAdopterPerYearGbp: number;
  readonly ongoingCostPerAdopterPerYearGbp: number;
  readonly oneOffCostPerAdopterGbp: number;
  /** Where the figures per adopter, and the uptake, come from: shown beside them. */
  readonly figuresSource: string;
  readonly uptakeSource: string;
  readonly placeholder: ScenarioPlaceholder;
}

/** The appraisal convention every scenario shares. */
export interface Appraisal {
  /** Years of benefits, counted from the year benefits start (N appraisal years give N years of benefits). */
  readonly years: number;
  readonly discount: DiscountSchedule;
}

/**
 * When things fall, in appraisal years: year 0 is the twelve months from the decision date, the
 * present-value base. Each year of operation is discounted as the appraisal year it begins in.
 */
export interface Timing {
  /** The year the change goes live (the target release): one-off costs fall here and ongoing costs start. */
  readonly implementationYear: number;
  /** The year benefits start: the release, or a stated later date. */
  readonly benefitsYear: number;
}

export interface Range3 {
  readonly low: number;
  readonly central: number;
  readonly high: number;
}

/** Costs that fall whether or not anyone adopts, at the low, central and high industry estimate. */
export interface FixedCosts {
  /** Every SEC party's implementation cost plus the central bodies' one-off costs. */
  readonly oneOff: Range3;
  /** Parties' ongoing costs plus the DCC's, each year from implementation. */
  readonly ongoingPerYear: Range3;
}

export type BreakEven =
  | { readonly kind: 'adopters'; readonly adopters: number; readonly share: number }
  /** It would take more adopters than there are parties: no uptake breaks even. */
  | { readonly kind: 'not-reached'; readonly adopters: number; readonly share: number | null; readonly reason: string }
  | { readonly kind: 'never'; readonly reason: string };

export interface ScenarioResult {
  readonly name: string;
  readonly adopters: number;
  readonly pvCosts: number;
  readonly pvBenefits: number;
  /** At the central industry cost. */
  readonly npv: number;
  /** NPV with the industry's cost at its low, central and high estimate: low cost gives the highest NPV. */
  readonly npvAtCost: Range3;
  /** Null when there are no costs to divide by. */
  readonly bcr: number | null;
  /** Null when fewer than one party adopts: a cost per adopter would then be a cost per fraction of one. */
  readonly costPerAdopter: number | null;
  /** The constant yearly net cost over the years of benefits with the same present value; positive is a net cost. */
  readonly equivalentAnnualNetCost: number;
  readonly breakEven: BreakEven;
  /** The parts the figures are built from, shown in the workbook so each can be checked. */
  readonly parts: {
    /** Discount factor of the implementation year. */
    readonly oneOffFactor: number;
    /** Sum of the factors over the years ongoing costs run, and over the years of benefits. */
    readonly costYears: number;
    readonly benefitYears: number;
    readonly pvFixed: Range3;
    readonly pvCostPerAdopter: number;
    readonly pvBenefitPerAdopter: number;
  };
}

/** The words a result shows where no figure can exist. */
export const NO_COSTS = 'no costs';
export const FEWER_THAN_ONE = 'fewer than one adopter';
export const NOT_REACHED = 'not reached at full uptake';
export const NEVER = 'never';

/** The discount factor table covers appraisal years 0 to 99: a release up to 24 years out and 75 years of benefits. */
export const FACTOR_YEARS = 100;
export const MAX_APPRAISAL_YEARS = 75;
/** Ten years of benefits unless the panel enters another period. */
export const DEFAULT_APPRAISAL_YEARS = 10;

/** All the parties in the industry, across every category. */
export function partiesIn(populations: readonly CategoryPopulation[]): number {
  return populations.reduce((s, p) => s + p.parties, 0);
}

export function adoptersFor(scenario: Scenario, populations: readonly CategoryPopulation[]): number {
  return populations.reduce((total, p) => {
    const u = scenario.uptake[p.category];
    if (!u) return total;
    return total + (u.kind === 'share' ? u.share * p.parties : u.parties);
  }, 0);
}

/** Problems that make a scenario meaningless, in the panel's words. Empty when it is sound. */
export function scenarioProblems(scenario: Scenario, populations: readonly CategoryPopulation[]): string[] {
  const problems: string[] = [];
  const name = scenario.name;
  for (const [category, u] of Object.entries(scenario.uptake)) {
    const population = populations.find((p) => p.category === category);
    if (!population) problems.push(`${name}: uptake is given for ${category}, which has no population`);
    if (u.kind === 'share' && !(u.share >= 0 && u.share <= 1)) problems.push(`${name}: uptake in ${category} must be a share from 0% to 100%`);
    if (u.kind === 'count' && !(u.parties >= 0 && u.parties <= (population?.parties ?? 0))) {
      problems.push(`${name}: ${u.parties} adopters in ${category}, which has ${population?.parties ?? 0} parties`);
    }
  }
  const money = [scenario.benefitPerAdopterPerYearGbp, scenario.ongoingCostPerAdopterPerYearGbp, scenario.oneOffCostPerAdopterGbp];
  if (money.some((m) => !Number.isFinite(m) || m < 0)) problems.push(`${name}: benefits and costs per adopter must be £0 or more`);
  return problems;
}

export function appraisalProblems(appraisal: Appraisal, timing: Timing): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(appraisal.years) || appraisal.years < 1 || appraisal.years > MAX_APPRAISAL_YEARS) {
    problems.push(`the appraisal period must be 1 to ${MAX_APPRAISAL_YEARS} whole years of benefits`);
  } else if (timing.benefitsYear + appraisal.years > FACTOR_YEARS) {
    problems.push(`benefits would run past appraisal year ${FACTOR_YEARS - 1}: shorten the appraisal period or bring the release forward`);
  }
  if (timing.benefitsYear < timing.implementationYear) problems.push('benefits cannot start before the change is implemented');
  return problems;
}

const sumBetween = (factors: readonly number[], from: number, to: number) => factors.slice(from, to + 1).reduce((s, f) => s + f, 0);
const map3 = (r: Range3, f: (v: number) => number): Range3 => ({ low: f(r.low), central: f(r.central), high: f(r.high) });

/**
 * Present values at the decision date. One-off costs (every party's implementation, the central
 * bodies' and each adopter's) fall in the implementation year; ongoing costs run from then to the
 * end of the appraisal; benefits run for the appraisal's years from the year they start. NPV is
 * linear in the number of adopters, so break-even is exact.
 */
export function evaluateScenario(scenario: Scenario, fixed: FixedCosts, populations: readonly CategoryPopulation[], appraisal: Appraisal, timing: Timing): ScenarioResult {
  const factors = discountFactors(appraisal.discount, FACTOR_YEARS);
  const lastYear = timing.benefitsYear + appraisal.years - 1;
  const oneOffFactor = factors[timing.implementationYear]!;
  const costYears = sumBetween(factors, timing.implementationYear, lastYear);
  const benefitYears = sumBetween(factors, timing.benefitsYear, lastYear);
  const pvFixed: Range3 = { low: pv(fixed, 'low'), central: pv(fixed, 'central'), high: pv(fixed, 'high') };
  function pv(f: FixedCosts, k: keyof Range3): number {
    return f.oneOff[k] * oneOffFactor + f.ongoingPerYear[k] * costYears;
  }
  const pvCostPerAdopter = scenario.oneOffCostPerAdopterGbp * oneOffFactor + scenario.ongoingCostPerAdopterPerYearGbp * costYears;
  const pvBenefitPerAdopter = scenario.benefitPerAdopterPerYearGbp * benefitYears;
  const adopters = adoptersFor(scenario, populations);
  const pvCosts = pvFixed.central + adopters * pvCostPerAdopter;
  const pvBenefits = adopters * pvBenefitPerAdopter;
  const npv = pvBenefits - pvCosts;
  const atCost = (p: number) => adopters * (pvBenefitPerAdopter - pvCostPerAdopter) - p;
  const npvAtCost: Range3 = { low: atCost(pvFixed.low), central: npv, high: atCost(pvFixed.high) };
  const totalParties = partiesIn(populations);
  return {
    name: scenario.name,
    adopters,
    pvCosts,
    pvBenefits,
    npv,
    npvAtCost,
    bcr: pvCosts > 0 ? pvBenefits / pvCosts : null,
    costPerAdopter: adopters >= 1 ? pvCosts / adopters : null,
    equivalentAnnualNetCost: -npv / benefitYears,
    breakEven: breakEven(pvFixed.central, pvBenefitPerAdopter - pvCostPerAdopter, totalParties),
    parts: { oneOffFactor, costYears, benefitYears, pvFixed, pvCostPerAdopter, pvBenefitPerAdopter },
  };
}

/** Adopters at which NPV is zero, when that many parties exist (the Green Book's switching value of uptake). */
function breakEven(pvFixed: number, margin: number, totalParties: number): BreakEven {
  if (margin <= 0) return { kind: 'never', reason: 'each adopter costs at least as much as it gains, so no uptake pays back the fixed costs' };
  const adopters = Math.max(0, pvFixed) / margin;
  if (adopters <= totalParties) return { kind: 'adopters', adopters, share: totalParties > 0 ? adopters / totalParties : 0 };
  return {
    kind: 'not-reached',
    adopters,
    share: totalParties > 0 ? adopters / totalParties : null,
    reason: `not reached at full uptake: it would take ${adopters.toFixed(1)} adopting parties, and there are ${totalParties}`,
  };
}

export interface TornadoBar {
  readonly assumption: string;
  readonly lowLabel: string;
  readonly highLabel: string;
  readonly npvAtLow: number;
  readonly npvAtHigh: number;
}

export interface SensitivityInputs {
  /** Relative swing for the scaled assumptions: 0.5 tests each at half and one and a half times its value. */
  readonly swing: number;
  /** Discount rates for the low and high run, flat over the period. */
  readonly discountLow: number;
  readonly discountHigh: number;
}

export const DEFAULT_SENSITIVITY: SensitivityInputs = { swing: 0.5, discountLow: 0.025, discountHigh: 0.045 };

/** The assumptions the sensitivity table varies, in the order the workbook lists them. */
export const TORNADO_ASSUMPTIONS = [
  'SEC parties’ costs',
  'Uptake',
  'Benefit per adopter',
  'Ongoing cost per adopter',
  'One-off cost per adopter',
  'DCC ongoing cost',
  'Discount rate',
] as const;

/**
 * NPV at the low and high value of each main assumption, the others held at the scenario's
 * values, in the fixed order of TORNADO_ASSUMPTIONS (readers sort by width where they chart it).
 */
export function tornado(
  scenario: Scenario,
  fixed: FixedCosts,
  dccOngoingPerYear: number,
  populations: readonly CategoryPopulation[],
  appraisal: Appraisal,
  timing: Timing,
  s: SensitivityInputs,
): TornadoBar[] {
  const npv = (sc: Scenario, f: FixedCosts = fixed, a: Appraisal = appraisal) => evaluateScenario(sc, f, populations, a, timing).npv;
  const atCost = evaluateScenario(scenario, fixed, populations, appraisal, timing).npvAtCost;
  const scaleUptake = (k: number): Scenario['uptake'] =>
    Object.fromEntries(
      Object.entries(scenario.uptake).map(([c, u]) => {
        const parties = populations.find((p) => p.category === c)?.parties ?? 0;
        return [c, u.kind === 'share' ? { kind: 'share', share: Math.min(1, u.share * k) } : { kind: 'count', parties: Math.min(parties, u.parties * k) }];
      }),
    );
  const lo = 1 - s.swing;
  const hi = 1 + s.swing;
  const pct = (k: number) => `${Math.round(k * 100)}%`;
  const scaled = (assumption: string, at: (k: number) => number): TornadoBar => ({ assumption, lowLabel: pct(lo), highLabel: pct(hi), npvAtLow: at(lo), npvAtHigh: at(hi) });
  const dccOngoing = (k: number): FixedCosts => ({ ...fixed, ongoingPerYear: map3(fixed.ongoingPerYear, (v) => v - dccOngoingPerYear * (1 - k)) });
  const flat = (rate: number): Appraisal => ({ ...appraisal, discount: flatDiscounting(rate, 'sensitivity') });
  const [parties, uptake, benefit, ongoing, oneOff, dcc, rate] = TORNADO_ASSUMPTIONS;
  return [
    { assumption: parties, lowLabel: 'low estimate', highLabel: 'high estimate', npvAtLow: atCost.low, npvAtHigh: atCost.high },
    { ...scaled(uptake, (k) => npv({ ...scenario, uptake: scaleUptake(k) })), highLabel: `${pct(hi)} (at most every party)` },
    scaled(benefit, (k) => npv({ ...scenario, benefitPerAdopterPerYearGbp: scenario.benefitPerAdopterPerYearGbp * k })),
    scaled(ongoing, (k) => npv({ ...scenario, ongoingCostPerAdopterPerYearGbp: scenario.ongoingCostPerAdopterPerYearGbp * k })),
    scaled(oneOff, (k) => npv({ ...scenario, oneOffCostPerAdopterGbp: scenario.oneOffCostPerAdopterGbp * k })),
    scaled(dcc, (k) => npv(scenario, dccOngoing(k))),
    {
      assumption: rate,
      lowLabel: `${Number((s.discountLow * 100).toFixed(1))}%`,
      highLabel: `${Number((s.discountHigh * 100).toFixed(1))}%`,
      npvAtLow: npv(scenario, fixed, flat(s.discountLow)),
      npvAtHigh: npv(scenario, fixed, flat(s.discountHigh)),
    },
  ];
}

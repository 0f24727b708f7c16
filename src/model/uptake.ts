import { discountFactors, flatDiscounting, type DiscountSchedule } from './discounting';
import type { CategoryPopulation } from './industryCost';

/** Uptake in one category: a share of its parties, or a number of them. */
export type Uptake = { readonly kind: 'share'; readonly share: number } | { readonly kind: 'count'; readonly parties: number };

export interface Scenario {
  readonly name: string;
  /** By category; a category not listed has no adopters. */
  readonly uptake: Readonly<Record<string, Uptake>>;
  readonly benefitPerAdopterPerYearGbp: number;
  readonly ongoingCostPerAdopterPerYearGbp: number;
  readonly oneOffCostPerAdopterGbp: number;
  /** First year of benefits and ongoing costs; year 0 is implementation, when every party bears its cost. */
  readonly startYear: number;
  readonly appraisalYears: number;
  readonly discount: DiscountSchedule;
  readonly priceBaseYear: number;
  /** Where the scenario's figures come from, shown beside them. */
  readonly source: string;
}

/** Costs that fall whether or not anyone adopts: every party's implementation and the central bodies'. */
export interface FixedCosts {
  /** Year 0: all parties' implementation plus central one-off costs. */
  readonly oneOffGbp: number;
  /** From the start year: the DCC's ongoing cost. */
  readonly ongoingGbpPerYear: number;
}

export type BreakEven =
  | { readonly kind: 'adopters'; readonly adopters: number; readonly share: number; readonly withinPopulation: boolean }
  | { readonly kind: 'never'; readonly reason: string };

export interface ScenarioResult {
  readonly name: string;
  readonly adopters: number;
  readonly pvCosts: number;
  readonly pvBenefits: number;
  readonly npv: number;
  /** Null when there are no costs to divide by. */
  readonly bcr: number | null;
  /** Null when nobody adopts. */
  readonly costPerAdopter: number | null;
  /** The constant yearly net cost with the same present value over the appraisal period. */
  readonly equivalentAnnualNetCost: number;
  readonly breakEven: BreakEven;
  /** The parts the figures are built from, shown in the workbook so each can be checked. */
  readonly parts: {
    readonly pvFixed: number;
    readonly pvCostPerAdopter: number;
    readonly pvBenefitPerAdopter: number;
    readonly annuityFactor: number;
  };
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
  if (!Number.isInteger(scenario.appraisalYears) || scenario.appraisalYears < 1 || scenario.appraisalYears > 75) {
    problems.push(`${name}: the appraisal period must be 1 to 75 whole years`);
  }
  if (!Number.isInteger(scenario.startYear) || scenario.startYear < 0 || scenario.startYear >= scenario.appraisalYears) {
    problems.push(`${name}: the start year must be a whole year inside the appraisal period (0 to ${scenario.appraisalYears - 1})`);
  }
  const money = [scenario.benefitPerAdopterPerYearGbp, scenario.ongoingCostPerAdopterPerYearGbp, scenario.oneOffCostPerAdopterGbp];
  if (money.some((m) => !Number.isFinite(m) || m < 0)) problems.push(`${name}: benefits and costs per adopter must be £0 or more`);
  return problems;
}

/**
 * Present values over the appraisal period. Fixed one-off costs fall in year 0 (factor 1); each
 * adopter's one-off cost falls in the start year; benefits and ongoing costs run from the start
 * year to the last year. NPV is linear in the number of adopters, so break-even is exact.
 */
export function evaluateScenario(scenario: Scenario, fixed: FixedCosts, populations: readonly CategoryPopulation[]): ScenarioResult {
  const factors = discountFactors(scenario.discount, scenario.appraisalYears);
  const running = factors.slice(scenario.startYear).reduce((s, f) => s + f, 0);
  const annuityFactor = factors.reduce((s, f) => s + f, 0);
  const pvFixed = fixed.oneOffGbp + fixed.ongoingGbpPerYear * running;
  const pvCostPerAdopter = scenario.oneOffCostPerAdopterGbp * factors[scenario.startYear]! + scenario.ongoingCostPerAdopterPerYearGbp * running;
  const pvBenefitPerAdopter = scenario.benefitPerAdopterPerYearGbp * running;
  const adopters = adoptersFor(scenario, populations);
  const pvCosts = pvFixed + adopters * pvCostPerAdopter;
  const pvBenefits = adopters * pvBenefitPerAdopter;
  const npv = pvBenefits - pvCosts;
  const totalParties = populations.reduce((s, p) => s + p.parties, 0);
  const margin = pvBenefitPerAdopter - pvCostPerAdopter;
  let breakEven: BreakEven;
  if (margin <= 0) {
    breakEven = { kind: 'never', reason: 'each adopter costs at least as much as it gains, so no uptake pays back the fixed costs' };
  } else {
    const needed = pvFixed / margin;
    breakEven = { kind: 'adopters', adopters: needed, share: totalParties > 0 ? needed / totalParties : Infinity, withinPopulation: needed <= totalParties };
  }
  return {
    name: scenario.name,
    adopters,
    pvCosts,
    pvBenefits,
    npv,
    bcr: pvCosts > 0 ? pvBenefits / pvCosts : null,
    costPerAdopter: adopters > 0 ? pvCosts / adopters : null,
    equivalentAnnualNetCost: -npv / annuityFactor,
    breakEven,
    parts: { pvFixed, pvCostPerAdopter, pvBenefitPerAdopter, annuityFactor },
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
  /** Parties' implementation cost at its low and high estimate (the central one is in `fixed`). */
  readonly partyCostLowGbp: number;
  readonly partyCostHighGbp: number;
  readonly partyCostCentralGbp: number;
  /** Relative swing for the other assumptions: 0.5 tests each at half and one and a half times its value. */
  readonly swing: number;
  /** Discount rates for the low and high run, flat over the period. */
  readonly discountLow: number;
  readonly discountHigh: number;
}

export const DEFAULT_SWING = 0.5;

/**
 * NPV at the low and high value of each main assumption, the others held at the scenario's
 * values; bars sorted by how far they move NPV, widest first.
 */
export function tornado(scenario: Scenario, fixed: FixedCosts, populations: readonly CategoryPopulation[], s: SensitivityInputs): TornadoBar[] {
  const npv = (sc: Scenario, f: FixedCosts = fixed) => evaluateScenario(sc, f, populations).npv;
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
  const bars: TornadoBar[] = [
    {
      assumption: "Parties' implementation cost",
      lowLabel: 'low estimate',
      highLabel: 'high estimate',
      npvAtLow: npv(scenario, { ...fixed, oneOffGbp: fixed.oneOffGbp - s.partyCostCentralGbp + s.partyCostLowGbp }),
      npvAtHigh: npv(scenario, { ...fixed, oneOffGbp: fixed.oneOffGbp - s.partyCostCentralGbp + s.partyCostHighGbp }),
    },
    { assumption: 'Uptake', lowLabel: `${pct(lo)} of scenario`, highLabel: `${pct(hi)} of scenario (at most every party)`, npvAtLow: npv({ ...scenario, uptake: scaleUptake(lo) }), npvAtHigh: npv({ ...scenario, uptake: scaleUptake(hi) }) },
    ...(
      [
        ['Benefit per adopter', 'benefitPerAdopterPerYearGbp'],
        ['Ongoing cost per adopter', 'ongoingCostPerAdopterPerYearGbp'],
        ['One-off cost per adopter', 'oneOffCostPerAdopterGbp'],
      ] as const
    ).map(([assumption, key]) => ({
      assumption,
      lowLabel: pct(lo),
      highLabel: pct(hi),
      npvAtLow: npv({ ...scenario, [key]: scenario[key] * lo }),
      npvAtHigh: npv({ ...scenario, [key]: scenario[key] * hi }),
    })),
    {
      assumption: 'DCC ongoing cost',
      lowLabel: pct(lo),
      highLabel: pct(hi),
      npvAtLow: npv(scenario, { ...fixed, ongoingGbpPerYear: fixed.ongoingGbpPerYear * lo }),
      npvAtHigh: npv(scenario, { ...fixed, ongoingGbpPerYear: fixed.ongoingGbpPerYear * hi }),
    },
    {
      assumption: 'Discount rate',
      lowLabel: `${(s.discountLow * 100).toFixed(1)}%`,
      highLabel: `${(s.discountHigh * 100).toFixed(1)}%`,
      npvAtLow: npv({ ...scenario, discount: flatDiscounting(s.discountLow, 'sensitivity') }),
      npvAtHigh: npv({ ...scenario, discount: flatDiscounting(s.discountHigh, 'sensitivity') }),
    },
  ];
  return bars.sort((a, b) => Math.abs(b.npvAtHigh - b.npvAtLow) - Math.abs(a.npvAtHigh - a.npvAtLow));
}

import { basisText, type ResultBasis } from '../model/basis';
import { excelSerial } from '../model/calendarDates';
import type { ModelAssumptions, ModelResult } from '../model/costModel';
import { discountFactors, flatDiscounting, rateForYear } from '../model/discounting';
import { FACTOR_YEARS, FEWER_THAN_ONE, NEVER, NO_COSTS, NOT_REACHED, TORNADO_ASSUMPTIONS } from '../model/uptake';
import { A, POPULATIONS, SCENARIO_INPUTS, type AssumptionRefs } from './assumptionsSheet';
import { abs, add, call, concat, div, ge, gt, iff, le, mul, name, neg, num as n, str, sub, sum, type Expr } from './formula';
import { col, formula, num, SheetCursor, text, type Cell, type DefinedName, type Placement, type SheetPlan } from './plan';

export const SCENARIOS_SHEET = 'Scenarios';

/** Columns of the results table. */
export const RESULTS = {
  name: 0,
  adopters: 1,
  pvCostPerAdopter: 2,
  pvBenefitPerAdopter: 3,
  pvFixed: 4,
  pvCosts: 5,
  pvBenefits: 6,
  npv: 7,
  npvLowCost: 8,
  npvHighCost: 9,
  bcr: 10,
  costPerAdopter: 11,
  eanc: 12,
  breakEven: 13,
  breakEvenShare: 14,
  basis: 15,
} as const;


const RATES = ['', 'Low', 'High'] as const;
const FACTOR_SUMS = [
  ['OneOffFactor', 'the discount factor of the go-live year'],
  ['CostYears', 'the discounted years of ongoing costs'],
  ['BenefitYears', 'the discounted years of benefits'],
] as const;

/**
 * Scenario results as live formulas: the appraisal's timing from the timeline, discount factors
 * from the named rates, then per scenario the present values, NPV at the low, central and high
 * industry cost, BCR, cost per adopter, equivalent annual net cost, break-even uptake and what the
 * figures rest on; and the sensitivity table, one assumption at a time, also as formulas.
 */
export function scenarioSheet(
  a: ModelAssumptions,
  model: ModelResult,
  basis: ResultBasis,
  basisCells: (i: number) => Expr,
  refs: AssumptionRefs,
): { sheet: SheetPlan; names: DefinedName[]; factorYears: Expr; results: Placement } {
  const cursor = new SheetCursor(SCENARIOS_SHEET);
  const scenarios = model.scenarios;
  const timing = model.timing;
  const decision = a.timeline.decisionDate;

  const appraisalAt = cursor.place(8, 'Appraisal timing: year 0 is the twelve months from the decision date, the present-value base', 'tblAppraisal', [col('Item', 'text', 40), col('Value', 'text', 16)]);
  const sumsAt = cursor.place(3, 'Discount factors the results use (each year of operation discounted as the appraisal year it begins in)', 'tblFactorSums', [
    col('Measure', 'text', 40),
    col('At the discount rates', 'decimal', 16),
    col('At SensitivityRateLow', 'decimal', 16),
    col('At SensitivityRateHigh', 'decimal', 16),
  ]);
  const results = cursor.place(scenarios.length, 'Scenario results: present values at the decision date, £ in real terms at decision-year prices', 'tblScenarioResults', [
    col('Scenario', 'text', 40),
    col('Adopting parties', 'ratio', 16),
    col('PV cost per adopter £', 'gbp', 16),
    col('PV benefit per adopter £', 'gbp', 16),
    col('PV fixed costs £', 'gbp', 14),
    col('PV costs £', 'gbp', 14),
    col('PV benefits £', 'gbp', 14),
    col('NPV £', 'gbp', 14),
    col('NPV at low cost £', 'gbp', 14),
    col('NPV at high cost £', 'gbp', 14),
    col('BCR', 'ratio', 10),
    col('Cost per adopter £', 'gbp', 14),
    col('Equivalent annual net cost £ (positive = net cost)', 'gbp', 16),
    col('Break-even adopters', 'ratio', 14),
    col('Break-even share of parties', 'percent', 14),
    col('Basis', 'text', 60),
  ]);
  const uptakeRuns = cursor.place(a.industry.populations.length, 'Adopters when uptake is scaled for the sensitivity (at most every party)', 'tblUptakeSensitivity', [
    col('Category', 'text', 40),
    ...scenarios.flatMap(({ scenario }) => [col(`${scenario.name} low run`, 'ratio', 16), col(`${scenario.name} high run`, 'ratio', 16)]),
  ]);
  const sensitivity = cursor.place(scenarios.length * TORNADO_ASSUMPTIONS.length, 'Sensitivity: NPV with one assumption at a time at its low and high value', 'tblSensitivity', [
    col('Scenario', 'text', 40),
    col('Assumption', 'text', 16),
    col('Low value', 'text', 16),
    col('High value', 'text', 16),
    col('NPV at low £', 'gbp', 14),
    col('NPV at high £', 'gbp', 14),
    col('Swing £', 'gbp', 14),
  ]);
  const factorsAt = cursor.place(FACTOR_YEARS, 'Discount factors by appraisal year', 'tblDiscountFactors', [
    col('Year', 'integer', 40),
    col('Rate', 'percent', 16),
    col('Factor', 'decimal', 16),
    col('Factor at SensitivityRateLow', 'decimal', 16),
    col('Factor at SensitivityRateHigh', 'decimal', 16),
  ]);

  // Appraisal timing.
  const tv = (i: number) => appraisalAt.cell(1, i);
  const yearOf = (date: Expr) => call('MAX', n(0), call('INT', div(monthsBetween(A.decisionDate, date), A.monthsPerYear)));
  const live = timing.implementation;
  const appraisalRows: Cell[][] = [
    [text('Decision date'), formula(A.decisionDate, excelSerial(decision), 'date')],
    [text('Change goes live (the target release, else the ready-by date)'), formula(iff(call('ISNUMBER', name('TargetRelease')), name('TargetRelease'), name('ReadyDate')), excelSerial(live), 'date')],
    [text('Appraisal year it goes live: one-off costs fall here'), formula(yearOf(tv(1)), timing.implementationYear, 'integer')],
    [text('Benefits start (BenefitsStart, else at go-live)'), formula(iff(call('ISNUMBER', A.benefitsStart), A.benefitsStart, tv(1)), excelSerial(timing.benefitsStart), 'date')],
    [text('Appraisal year benefits start'), formula(yearOf(tv(3)), timing.benefitsYear, 'integer')],
    [text('Years of benefits'), formula(A.appraisalYears, a.appraisal.years, 'integer')],
    [text('Last appraisal year: ongoing costs run from go-live to here'), formula(sub(add(tv(4), tv(5)), n(1)), timing.benefitsYear + a.appraisal.years - 1, 'integer')],
    [text('Prices'), formula(concat(str('real terms, prices of '), call('YEAR', A.decisionDate)), `real terms, prices of ${decision.slice(0, 4)}`)],
  ];
  const [implementationYear, benefitsYear, lastYear] = [name('ImplementationYear'), name('BenefitsYear'), name('LastAppraisalYear')];

  // Discount factors and their sums, at the named rates and at the two sensitivity rates.
  const schedule = a.appraisal.discount;
  const factorsBy = [discountFactors(schedule, FACTOR_YEARS), discountFactors(flatDiscounting(a.sensitivity.discountLow, ''), FACTOR_YEARS), discountFactors(flatDiscounting(a.sensitivity.discountHigh, ''), FACTOR_YEARS)];
  const year = factorsAt.column(0);
  const factorRows: Cell[][] = factorsBy[0]!.map((_, t) => [
    num(t),
    t === 0 ? text('') : formula(iff(le(factorsAt.cell(0, t), A.discountStepYear), A.discountRate, A.discountRateLong), rateForYear(schedule, t)),
    ...[A.discountRate, A.sensitivityRateLow, A.sensitivityRateHigh].map((_, r) =>
      t === 0 ? num(1) : formula(div(factorsAt.cell(2 + r, t - 1), add(n(1), r === 0 ? factorsAt.cell(1, t) : r === 1 ? A.sensitivityRateLow : A.sensitivityRateHigh)), factorsBy[r]![t]!),
    ),
  ]);
  const between = (factorColumn: number, from: Expr) =>
    call('SUMIFS', factorsAt.column(factorColumn), year, concat(str('>='), from), year, concat(str('<='), lastYear));
  const sumValues = factorsBy.map((f) => {
    const span = (from: number) => f.slice(from, timing.benefitsYear + a.appraisal.years).reduce((s, x) => s + x, 0);
    return [f[timing.implementationYear]!, span(timing.implementationYear), span(timing.benefitsYear)];
  });
  const sumFormulas = [(r: number) => call('INDEX', factorsAt.column(2 + r), add(implementationYear, n(1))), (r: number) => between(2 + r, implementationYear), (r: number) => between(2 + r, benefitsYear)];
  const sumRows: Cell[][] = FACTOR_SUMS.map(([, what], row) => [text(what[0]!.toUpperCase() + what.slice(1)), ...RATES.map((_, r) => formula(sumFormulas[row]!(r), sumValues[r]![row]))]);
  const factor = (measure: 'OneOffFactor' | 'CostYears' | 'BenefitYears', rate: (typeof RATES)[number] = '') => name(`${measure}${rate}`);

  // Results.
  const input = (k: number, i: number) => refs.scenarios.cell(k, i);
  const totalParties = sum(refs.populations.column(POPULATIONS.parties));
  const pvFixedAt = (total: Expr, ongoing: Expr, rate: (typeof RATES)[number] = '') => add(mul(total, factor('OneOffFactor', rate)), mul(ongoing, factor('CostYears', rate)));
  const resultRows = scenarios.map(({ scenario, result: r }, i): Cell[] => {
    const c = (k: number) => results.cell(k, i);
    const margin = sub(c(RESULTS.pvBenefitPerAdopter), c(RESULTS.pvCostPerAdopter));
    const needed = div(call('MAX', n(0), c(RESULTS.pvFixed)), margin);
    const b = r.breakEven;
    return [
      formula(input(SCENARIO_INPUTS.name, i), scenario.name),
      formula(call('SUMPRODUCT', refs.uptake.column(i + 1), refs.populations.column(POPULATIONS.parties)), r.adopters),
      formula(add(mul(input(SCENARIO_INPUTS.oneOff, i), factor('OneOffFactor')), mul(input(SCENARIO_INPUTS.ongoing, i), factor('CostYears'))), r.parts.pvCostPerAdopter),
      formula(mul(input(SCENARIO_INPUTS.benefit, i), factor('BenefitYears')), r.parts.pvBenefitPerAdopter),
      formula(pvFixedAt(name('IndustryTotalCentral'), name('IndustryOngoingCentral')), r.parts.pvFixed.central),
      formula(add(c(RESULTS.pvFixed), mul(c(RESULTS.adopters), c(RESULTS.pvCostPerAdopter))), r.pvCosts),
      formula(mul(c(RESULTS.adopters), c(RESULTS.pvBenefitPerAdopter)), r.pvBenefits),
      formula(sub(c(RESULTS.pvBenefits), c(RESULTS.pvCosts)), r.npv),
      formula(sub(mul(c(RESULTS.adopters), margin), pvFixedAt(name('IndustryTotalLow'), name('IndustryOngoingLow'))), r.npvAtCost.low),
      formula(sub(mul(c(RESULTS.adopters), margin), pvFixedAt(name('IndustryTotalHigh'), name('IndustryOngoingHigh'))), r.npvAtCost.high),
      formula(iff(gt(c(RESULTS.pvCosts), n(0)), div(c(RESULTS.pvBenefits), c(RESULTS.pvCosts)), str(NO_COSTS)), r.bcr ?? NO_COSTS),
      formula(iff(ge(c(RESULTS.adopters), n(1)), div(c(RESULTS.pvCosts), c(RESULTS.adopters)), str(FEWER_THAN_ONE)), r.costPerAdopter ?? FEWER_THAN_ONE),
      formula(div(neg(c(RESULTS.npv)), factor('BenefitYears')), r.equivalentAnnualNetCost),
      formula(iff(gt(margin, n(0)), iff(le(needed, totalParties), needed, str(NOT_REACHED)), str(NEVER)), b.kind === 'adopters' ? b.adopters : b.kind === 'not-reached' ? NOT_REACHED : NEVER),
      formula(
        iff(call('ISNUMBER', c(RESULTS.breakEven)), iff(gt(totalParties, n(0)), div(c(RESULTS.breakEven), totalParties), n(0)), c(RESULTS.breakEven)),
        b.kind === 'adopters' ? b.share : b.kind === 'not-reached' ? NOT_REACHED : NEVER,
      ),
      formula(basisCells(i), basisText(basis.scenarios[scenario.name] ?? [])),
    ];
  });

  // Sensitivity.
  const swingLow = sub(n(1), A.sensitivitySwing);
  const swingHigh = add(n(1), A.sensitivitySwing);
  const populations = a.industry.populations;
  const uptakeRows: Cell[][] = populations.map((p, row) => [
    text(p.category),
    ...scenarios.flatMap(({ scenario }, i) =>
      [swingLow, swingHigh].map((k, j) => {
        const share = refs.uptake.cell(i + 1, row);
        const u = scenario.uptake[p.category];
        const shareValue = !u ? 0 : u.kind === 'share' ? u.share : p.parties > 0 ? u.parties / p.parties : 0;
        const scale = j === 0 ? 1 - a.sensitivity.swing : 1 + a.sensitivity.swing;
        return formula(mul(call('MIN', n(1), mul(share, k)), refs.populations.cell(POPULATIONS.parties, row)), Math.min(1, shareValue * scale) * p.parties);
      }),
    ),
  ]);
  const pct = (k: Expr) => concat(call('ROUND', mul(k, n(100)), n(0)), str('%'));
  const ratePct = (rate: Expr) => concat(call('ROUND', mul(rate, n(100)), n(1)), str('%'));
  const sensitivityRows: Cell[][] = scenarios.flatMap(({ scenario, tornado }, i) => {
    const c = (k: number) => results.cell(k, i);
    const [adopters, pvB, pvC, pvFixed, npv] = [c(RESULTS.adopters), c(RESULTS.pvBenefitPerAdopter), c(RESULTS.pvCostPerAdopter), c(RESULTS.pvFixed), c(RESULTS.npv)];
    const [benefit, ongoing, oneOff] = [input(SCENARIO_INPUTS.benefit, i), input(SCENARIO_INPUTS.ongoing, i), input(SCENARIO_INPUTS.oneOff, i)];
    const perAdopterCost = (oneOffScale: Expr, ongoingScale: Expr) =>
      add(mul(mul(oneOff, oneOffScale), factor('OneOffFactor')), mul(mul(ongoing, ongoingScale), factor('CostYears')));
    const atRate = (rate: 'Low' | 'High') =>
      sub(
        mul(adopters, sub(mul(benefit, factor('BenefitYears', rate)), add(mul(oneOff, factor('OneOffFactor', rate)), mul(ongoing, factor('CostYears', rate))))),
        pvFixedAt(name('IndustryTotalCentral'), name('IndustryOngoingCentral'), rate),
      );
    const dccSwing = mul(mul(A.dccOngoing, A.sensitivitySwing), factor('CostYears'));
    const bars: ReadonlyArray<readonly [Expr, Expr, Expr, Expr]> = [
      [str('low estimate'), str('high estimate'), c(RESULTS.npvLowCost), c(RESULTS.npvHighCost)],
      [
        pct(swingLow),
        concat(pct(swingHigh), str(' (at most every party)')),
        sub(mul(sum(uptakeRuns.column(1 + 2 * i)), sub(pvB, pvC)), pvFixed),
        sub(mul(sum(uptakeRuns.column(2 + 2 * i)), sub(pvB, pvC)), pvFixed),
      ],
      [pct(swingLow), pct(swingHigh), sub(mul(adopters, sub(mul(mul(benefit, swingLow), factor('BenefitYears')), pvC)), pvFixed), sub(mul(adopters, sub(mul(mul(benefit, swingHigh), factor('BenefitYears')), pvC)), pvFixed)],
      [pct(swingLow), pct(swingHigh), sub(mul(adopters, sub(pvB, perAdopterCost(n(1), swingLow))), pvFixed), sub(mul(adopters, sub(pvB, perAdopterCost(n(1), swingHigh))), pvFixed)],
      [pct(swingLow), pct(swingHigh), sub(mul(adopters, sub(pvB, perAdopterCost(swingLow, n(1)))), pvFixed), sub(mul(adopters, sub(pvB, perAdopterCost(swingHigh, n(1)))), pvFixed)],
      [pct(swingLow), pct(swingHigh), add(npv, dccSwing), sub(npv, dccSwing)],
      [ratePct(A.sensitivityRateLow), ratePct(A.sensitivityRateHigh), atRate('Low'), atRate('High')],
    ];
    return tornado.map((bar, j) => {
      const [lowLabel, highLabel, low, high] = bars[j]!;
      const row = i * TORNADO_ASSUMPTIONS.length + j;
      return [
        text(scenario.name),
        text(bar.assumption),
        formula(lowLabel, bar.lowLabel),
        formula(highLabel, bar.highLabel),
        formula(low, bar.npvAtLow),
        formula(high, bar.npvAtHigh),
        formula(abs(sub(sensitivity.cell(5, row), sensitivity.cell(4, row))), Math.abs(bar.npvAtHigh - bar.npvAtLow)),
      ];
    });
  });

  const at = (table: { headerRow: number }, row: number, col: number) => ({ row: table.headerRow + 1 + row, col });
  const named = (n: string, where: { row: number; col: number }, description: string): DefinedName => ({ name: n, sheet: SCENARIOS_SHEET, ...where, description });
  return {
    factorYears: year,
    results,
    names: [
      named('GoLiveDate', at(appraisalAt, 1, 1), 'Result: the date the change goes live (the target release)'),
      named('BenefitsStartDate', at(appraisalAt, 3, 1), 'Result: the date benefits start'),
      named('ImplementationYear', at(appraisalAt, 2, 1), 'Result: the appraisal year one-off costs fall in'),
      named('BenefitsYear', at(appraisalAt, 4, 1), 'Result: the appraisal year benefits start'),
      named('LastAppraisalYear', at(appraisalAt, 6, 1), 'Result: the last appraisal year'),
      ...RATES.flatMap((rate, r) =>
        FACTOR_SUMS.map(([m, what], row) => named(`${m}${rate}`, at(sumsAt, row, 1 + r), `Result: ${what}${rate ? ` at SensitivityRate${rate}` : ''}`)),
      ),
    ],
    sheet: {
      name: SCENARIOS_SHEET,
      tables: [
        appraisalAt.table(appraisalRows),
        sumsAt.table(sumRows),
        results.table(resultRows),
        uptakeRuns.table(uptakeRows),
        sensitivity.table(sensitivityRows),
        factorsAt.table(factorRows),
      ],
      charts: [
        {
          title: 'NPV by scenario at the low, central and high industry cost (£)',
          kind: 'column',
          table: 'tblScenarioResults',
          categoryColumn: RESULTS.name,
          seriesColumns: [RESULTS.npvLowCost, RESULTS.npv, RESULTS.npvHighCost],
          numberFormat: '£#,##0',
          // Right of the results table, clear of every table's text.
          at: { row: appraisalAt.headerRow - 1, col: RESULTS.basis + 1 },
          size: { cols: 8, rows: 16 },
        },
      ],
      notes: [
        'Present values are at the decision date (year 0), in real terms at decision-year prices; enter every figure in those prices. Discounting: DiscountRate to DiscountStepYear, DiscountRateLong after (HM Treasury Green Book).',
        "Every SEC party's implementation cost, the central bodies' one-off costs and each adopter's one-off cost fall in the year the change goes live; ongoing costs run from then to the last appraisal year; benefits run for AppraisalYears years from their start.",
        'NPV at low and high cost uses the industry cost range (Industry costs); the central NPV uses its central estimate. Equivalent annual net cost is minus NPV spread evenly over the years of benefits: positive is a net cost each year.',
        `Break-even adopters: the number of adopting parties at which NPV is zero (the Green Book's switching value of uptake); "${NOT_REACHED}" when more adopters would be needed than there are parties, "${NEVER}" when an adopter costs at least as much as it gains.`,
      ],
    },
  };
}

/** Whole calendar months from one date to another, as model/appraisalTiming.ts counts them. */
function monthsBetween(from: Expr, to: Expr): Expr {
  const years = sub(call('YEAR', to), call('YEAR', from));
  const months = sub(call('MONTH', to), call('MONTH', from));
  return sub(add(mul(years, A.monthsPerYear), months), iff(gt(call('DAY', from), call('DAY', to)), n(1), n(0)));
}

import type { ModelResult } from '../model/costModel';
import { discountFactors, rateForYear } from '../model/discounting';
import { A } from './assumptionsSheet';
import { add, call, concat, div, gt, iff, le, mul, name, neg, num as n, str, sub, sum, type Expr } from './formula';
import { col, formula, num, SheetCursor, text, type Cell, type Placement, type SheetPlan } from './plan';

export const SCENARIOS_SHEET = 'Scenarios';

/** The Green Book allows appraisals up to 75 years; the factor table covers them all. */
const YEARS = 75;

/**
 * Scenario results as live formulas: a discount-factor table from the named rates, then per
 * scenario the present values, NPV, BCR, cost per adopter, equivalent annual net cost and
 * break-even uptake. The sensitivity table is values from the engine.
 */
export function scenarioSheet(model: ModelResult, refs: { populations: Placement; uptake: Placement; scenarios: Placement }): SheetPlan {
  const cursor = new SheetCursor(SCENARIOS_SHEET);
  const results = cursor.place(model.scenarios.length, 'Scenario results (present values, £ in the price base year)');
  const sensitivityRows = model.scenarios.reduce((k, s) => k + s.tornado.length, 0);
  const sensitivity = cursor.place(sensitivityRows, 'Sensitivity: NPV with one assumption at a time at its low and high value (values from the engine)');
  const factorsAt = cursor.place(YEARS, 'Discount factors');

  const schedule = model.scenarios[0]?.scenario.discount;
  const factors = schedule ? discountFactors(schedule, YEARS) : [];
  const yearCol = factorsAt.column(0);
  const factorCol = factorsAt.column(2);
  const factorRows: Cell[][] = factors.map((f, t) => [
    num(t),
    t === 0 ? text('') : formula(iff(le(factorsAt.cell(0, t), A.discountStepYear), A.discountRate, A.discountRateLong), schedule ? rateForYear(schedule, t) : null),
    t === 0 ? num(1) : formula(div(factorsAt.cell(2, t - 1), add(n(1), factorsAt.cell(1, t))), f),
  ]);

  const input = (k: number, i: number) => refs.scenarios.cell(k, i);
  const totalParties = sum(refs.populations.column(1));
  const rows = model.scenarios.map(({ scenario, result: r }, i): Cell[] => {
    const c = (k: number) => results.cell(k, i);
    const [benefit, ongoing, oneOff, start, years] = [input(1, i), input(2, i), input(3, i), input(4, i), input(5, i)];
    const since = (op: string, e: Expr) => concat(str(op), e);
    const margin = sub(c(6), c(5));
    const breakEven = r.breakEven;
    return [
      formula(input(0, i), scenario.name),
      formula(call('SUMPRODUCT', refs.uptake.column(i + 1), refs.populations.column(1)), r.adopters, 'ratio'),
      formula(call('SUMIFS', factorCol, yearCol, since('>=', start), yearCol, since('<', years)), sumFactors(factors, scenario.startYear, scenario.appraisalYears)),
      formula(call('SUMIFS', factorCol, yearCol, since('<', years)), r.parts.annuityFactor),
      formula(add(name('IndustryTotalCentral'), mul(A.dccOngoing, c(2))), r.parts.pvFixed),
      formula(add(mul(oneOff, call('INDEX', factorCol, add(start, n(1)))), mul(ongoing, c(2))), r.parts.pvCostPerAdopter),
      formula(mul(benefit, c(2)), r.parts.pvBenefitPerAdopter),
      formula(add(c(4), mul(c(1), c(5))), r.pvCosts),
      formula(mul(c(1), c(6)), r.pvBenefits),
      formula(sub(c(8), c(7)), r.npv),
      formula(iff(gt(c(7), n(0)), div(c(8), c(7)), str('')), r.bcr ?? ''),
      formula(iff(gt(c(1), n(0)), div(c(7), c(1)), str('')), r.costPerAdopter ?? ''),
      formula(div(neg(c(9)), c(3)), r.equivalentAnnualNetCost),
      formula(iff(gt(margin, n(0)), div(c(4), margin), str('never')), breakEven.kind === 'adopters' ? breakEven.adopters : 'never'),
      formula(
        iff(call('ISNUMBER', c(13)), iff(gt(totalParties, n(0)), div(c(13), totalParties), str('never')), str('never')),
        breakEven.kind === 'adopters' && Number.isFinite(breakEven.share) ? breakEven.share : 'never',
      ),
    ];
  });

  return {
    name: SCENARIOS_SHEET,
    tables: [
      results.table({
        name: 'tblScenarioResults',
        columns: [
          col('Scenario', 'text', 14),
          col('Adopting parties', 'ratio', 12),
          col('Years running (discounted)', 'decimal', 12),
          col('Annuity factor', 'decimal', 12),
          col('PV fixed costs £', 'gbp', 14),
          col('PV cost per adopter £', 'gbp', 14),
          col('PV benefit per adopter £', 'gbp', 14),
          col('PV costs £', 'gbp', 14),
          col('PV benefits £', 'gbp', 14),
          col('NPV £', 'gbp', 14),
          col('BCR', 'ratio', 8),
          col('Cost per adopter £', 'gbp', 14),
          col('Equivalent annual net cost £', 'gbp', 14),
          col('Break-even adopters', 'ratio', 12),
          col('Break-even share of parties', 'percent', 12),
        ],
        rows,
      }),
      sensitivity.table({
        name: 'tblSensitivity',
        columns: [col('Scenario', 'text', 14), col('Assumption', 'text', 12), col('Low value', 'text', 12), col('High value', 'text', 12), col('NPV at low £', 'gbp', 14), col('NPV at high £', 'gbp', 14)],
        rows: model.scenarios.flatMap(({ result, tornado }) =>
          tornado.map((b) => [text(result.name), text(b.assumption), text(b.lowLabel), text(b.highLabel), num(b.npvAtLow), num(b.npvAtHigh)]),
        ),
      }),
      factorsAt.table({ name: 'tblDiscountFactors', columns: [col('Year', 'integer', 14), col('Rate', 'percent', 12), col('Factor', 'decimal', 12)], rows: factorRows }),
    ],
    charts: [
      {
        title: 'NPV by scenario (£)',
        kind: 'column',
        table: 'tblScenarioResults',
        categoryColumn: 0,
        seriesColumns: [9],
        numberFormat: '£#,##0',
        at: { row: factorsAt.headerRow - 1, col: 4 },
        size: { cols: 7, rows: 16 },
      },
    ],
    notes: [
      "Year 0 carries every party's implementation and the central bodies' one-off costs, borne whether or not a party adopts; each adopter's one-off cost falls in the start year; benefits and ongoing costs run from the start year to the end of the appraisal period.",
      'Break-even adopters: the number of adopting parties at which NPV is zero (the switching value of uptake); "never" when an adopter costs at least as much as it gains.',
    ],
  };
}

function sumFactors(factors: readonly number[], from: number, to: number): number {
  return factors.slice(from, to).reduce((s, f) => s + f, 0);
}

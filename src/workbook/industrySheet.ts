import type { ModelResult } from '../model/costModel';
import type { MonteCarloResult } from '../model/monteCarlo';
import type { BandCount } from '../model/respondentTotals';
import { A, EMPTY_CATEGORY_RULE_TEXT, UNQUANTIFIED_RULE_TEXT } from './assumptionsSheet';
import { COSTS } from './costSheets';
import { add, call, concat, div, eq, gt, iff, lt, mul, num as n, str, sub, sum, type Expr } from './formula';
import { col, formula, num, SheetCursor, text, type Cell, type DefinedName, type Placement, type SheetPlan } from './plan';

export const INDUSTRY_SHEET = 'Industry costs';

const RANGE_KEYS = ['low', 'central', 'high'] as const;

/**
 * Industry costs as live formulas over the Costs sheet and the Assumptions: per category, the
 * stated figures plus the per-party value for every other party; then the totals with the
 * central bodies' costs. The uncertainty run is values, stamped with its seed and iterations.
 */
export function industrySheet(
  model: ModelResult,
  mc: MonteCarloResult,
  costs: Placement,
  populations: Placement,
): { sheet: SheetPlan; names: DefinedName[] } {
  const { industry, totals } = model;
  const cursor = new SheetCursor(INDUSTRY_SHEET);
  const byCategory = cursor.place(industry.categories.length, 'Industry-wide implementation cost by category');
  const totalsAt = cursor.place(6, 'Totals');
  const uncertaintyAt = cursor.place(6, `Uncertainty: ${mc.iterations.toLocaleString('en-GB')} Latin hypercube draws, seed ${mc.seed}, ${distributionName(mc)}`);
  const bandsAt = cursor.place(model.bands.length, 'Respondents by cost band (as written)');
  const histogramAt = cursor.place(mc.histogram.length, 'Distribution of the industry total');

  const usedColumn = { low: COSTS.low, central: COSTS.central, high: COSTS.high } as const;
  const allFigures = sum(costs.column(COSTS.figure));
  const categoryRows = industry.categories.map((cat, i): Cell[] => {
    const c = (k: number) => byCategory.cell(k, i);
    const [parties, respondents, withFigure, unquantified, extrapolated] = [c(1), c(2), c(3), c(4), c(5)];
    const stated = (k: (typeof RANGE_KEYS)[number]) => call('SUMIFS', costs.column(usedColumn[k]), costs.column(COSTS.category), c(0));
    const statedAt = { low: c(6), central: c(7), high: c(8) };
    const perPartyAt = { low: c(9), central: c(10), high: c(11) };
    const perParty = (k: (typeof RANGE_KEYS)[number]) =>
      iff(
        eq(extrapolated, n(0)),
        n(0),
        iff(
          gt(withFigure, n(0)),
          div(statedAt[k], withFigure),
          iff(
            eq(A.emptyCategoryRule, str(EMPTY_CATEGORY_RULE_TEXT['all-respondent-mean'])),
            iff(gt(allFigures, n(0)), div(sum(costs.column(usedColumn[k])), allFigures), n(0)),
            iff(eq(A.emptyCategoryRule, str(EMPTY_CATEGORY_RULE_TEXT['per-party'])), A.emptyCategoryValue, n(0)),
          ),
        ),
      );
    const statedValue = (k: (typeof RANGE_KEYS)[number]) => cat.cost[k] - cat.extrapolated * cat.perParty[k];
    return [
      text(cat.category),
      formula(populations.cell(1, i), cat.parties),
      formula(call('COUNTIF', costs.column(COSTS.category), c(0)), cat.respondents),
      formula(call('SUMIFS', costs.column(COSTS.figure), costs.column(COSTS.category), c(0)), cat.quantified),
      formula(call('COUNTIFS', costs.column(COSTS.category), c(0), costs.column(COSTS.kind), str('unquantified'), costs.column(COSTS.figure), n(0)), cat.unquantified),
      formula(call('MAX', n(0), sub(sub(parties, withFigure), iff(eq(A.unquantifiedRule, str(UNQUANTIFIED_RULE_TEXT.excluded)), unquantified, n(0)))), cat.extrapolated),
      ...RANGE_KEYS.map((k) => formula(stated(k), statedValue(k))),
      ...RANGE_KEYS.map((k) => formula(perParty(k), cat.perParty[k])),
      ...RANGE_KEYS.map((k) => formula(add(statedAt[k], mul(extrapolated, perPartyAt[k])), cat.cost[k])),
      formula(iff(lt(parties, respondents), concat(concat(str('enter at least '), respondents), str(' parties')), str('')), ''),
    ];
  });

  const columnSum = (k: number): Expr => sum(byCategory.column(k));
  const t = (row: number, k: number) => totalsAt.cell(k, row);
  const c = industry.centralBodies;
  const secas = add(mul(A.secasDays, A.secasDayRate), A.secasOther);
  const same = (e: Expr, v: number): Cell[] => [formula(e, v), formula(e, v), formula(e, v)];
  const totalRows: Cell[][] = [
    [text('Respondents (stated figures)'), ...RANGE_KEYS.map((k) => formula(sum(costs.column(usedColumn[k])), totals[k]))],
    [text('All SEC parties (extrapolated)'), ...RANGE_KEYS.map((k, j) => formula(columnSum(12 + j), industry.parties[k]))],
    [text('DCC implementation'), ...same(A.dccImplementation, c.dccImplementation)],
    [text('SECAS'), ...same(secas, c.secas)],
    [text('Total one-off cost'), ...RANGE_KEYS.map((k, j) => formula(add(add(t(1, j + 1), t(2, j + 1)), t(3, j + 1)), industry.total[k]))],
    [text('DCC ongoing cost per year'), ...same(A.dccOngoing, c.dccOngoingPerYear)],
  ];
  const names: DefinedName[] = RANGE_KEYS.map((k, j) => ({
    name: `IndustryTotal${k[0]!.toUpperCase()}${k.slice(1)}`,
    sheet: INDUSTRY_SHEET,
    row: totalsAt.headerRow + 1 + 4,
    col: j + 1,
  }));

  const range3 = [col('Low £', 'gbp', 13), col('Central £', 'gbp', 13), col('High £', 'gbp', 13)];
  return {
    names,
    sheet: {
      name: INDUSTRY_SHEET,
      tables: [
        byCategory.table({
          name: 'tblIndustryByCategory',
          columns: [
            col('Category', 'text', 30),
            col('Parties', 'integer', 13),
            col('Respondents', 'integer', 13),
            col('With a figure', 'integer', 13),
            col('Unquantified', 'integer', 10),
            col('Extrapolated parties', 'integer', 11),
            col('Stated low £', 'gbp', 12),
            col('Stated central £', 'gbp', 12),
            col('Stated high £', 'gbp', 12),
            col('Per party low £', 'gbp', 12),
            col('Per party central £', 'gbp', 12),
            col('Per party high £', 'gbp', 12),
            ...range3,
            col('Check', 'text', 24),
          ],
          rows: categoryRows,
        }),
        totalsAt.table({ name: 'tblIndustryTotals', columns: [col('Item', 'text', 30), ...range3], rows: totalRows }),
        uncertaintyAt.table({
          name: 'tblUncertainty',
          columns: [col('Measure', 'text', 30), col('Respondents £', 'gbp', 13), col('Industry total £', 'gbp', 13)],
          rows: (['p10', 'p50', 'p90', 'mean', 'min', 'max'] as const).map((k) => [
            text({ p10: 'P10', p50: 'P50', p90: 'P90', mean: 'Mean', min: 'Minimum', max: 'Maximum' }[k]),
            num(mc.respondentTotal[k]),
            num(mc.industryTotal[k]),
          ]),
        }),
        bandsAt.table({
          name: 'tblBandCounts',
          columns: [col('Band', 'text', 30), col('Low £', 'gbp', 13), col('High £', 'gbp', 13), col('Respondents', 'integer', 13)],
          rows: model.bands.map((b) => [text(b.label), num(b.low), num(b.high), formula(bandCount(b, costs), b.count)]),
        }),
        histogramAt.table({
          name: 'tblIndustryHistogram',
          columns: [col('From £', 'gbp', 30), col('To £', 'gbp', 13), col('Draws', 'integer', 13)],
          rows: mc.histogram.map((b) => [num(b.from), num(b.to), num(b.count)]),
        }),
      ],
      charts: [
        {
          title: 'Industry-wide implementation cost by category (£)',
          kind: 'column',
          table: 'tblIndustryByCategory',
          categoryColumn: 0,
          seriesColumns: [12, 13, 14],
          numberFormat: '£#,##0',
          at: { row: totalsAt.headerRow - 1, col: 5 },
          size: { cols: 8, rows: 16 },
        },
      ],
      notes: [
        ...industry.method,
        `The uncertainty figures are values from a simulation (seed ${mc.seed}, ${mc.iterations} iterations), not formulas: run the model again after changing assumptions.`,
      ],
    },
  };
}

/** Respondents whose parsed answer is this band (or, for answers without a figure, this kind). */
function bandCount(b: BandCount, costs: Placement): Expr {
  const kind = costs.column(COSTS.kind);
  if (b.low === null) return call('COUNTIF', kind, str(b.kind));
  const [low, high] = [costs.column(COSTS.parsedLow), costs.column(COSTS.parsedHigh)];
  return b.high === null ? call('COUNTIFS', kind, str('band'), low, n(b.low), high, str('')) : call('COUNTIFS', low, n(b.low), high, n(b.high));
}

function distributionName(mc: MonteCarloResult): string {
  const d = mc.distribution;
  return d.kind === 'uniform' ? 'uniform within each band' : `${d.kind === 'pert' ? 'PERT' : 'triangular'}, mode at ${Math.round(d.modePosition * 100)}% of each band`;
}

import { basisText, type ResultBasis } from '../model/basis';
import type { BandRowKind } from '../model/costBands';
import type { ModelResult } from '../model/costModel';
import type { MonteCarloResult } from '../model/monteCarlo';
import { SIMULATION_CURRENT, SIMULATION_STALE, simulationCurrent } from '../model/monteCarlo';
import { A, BANDS, EMPTY_CATEGORY_RULE_TEXT, POPULATIONS, UNQUANTIFIED_RULE_TEXT, type AssumptionRefs } from './assumptionsSheet';
import { secasProvided } from './basisFormulas';
import { COSTS } from './costSheets';
import { add, call, concat, div, eq, gt, iff, le, mul, name, num as n, str, sub, sum, type Expr } from './formula';
import { col, empty, formula, num, SheetCursor, text, type Cell, type DefinedName, type Placement, type SheetPlan } from './plan';

export const INDUSTRY_SHEET = 'Industry costs';

/** The low, central and high columns of each range, in this order from its first column. */
export const RANGE_KEYS = ['low', 'central', 'high'] as const;
type RangeKey = (typeof RANGE_KEYS)[number];

/** Column positions of the by-category table. */
export const BY_CATEGORY = { category: 0, parties: 1, respondents: 2, withFigure: 3, unquantified: 4, extrapolated: 5, stated: 6, perParty: 9, cost: 12, ongoing: 15 } as const;
/** Rows of the totals table. */
export const BAND_COUNTS = { label: 0, from: 1, to: 2, count: 3 } as const;
export const TOTALS = { respondents: 0, parties: 1, dcc: 2, secas: 3, oneOff: 4, partiesOngoing: 5, dccOngoing: 6, ongoing: 7, basis: 8 } as const;


const capitalised = (k: RangeKey) => `${k[0]!.toUpperCase()}${k.slice(1)}`;

/**
 * Industry costs as live formulas over the Costs sheet and the Assumptions: per category, the
 * stated figures plus the per-party value for every other party, one-off and yearly; then the
 * totals with the central bodies' costs, and what they rest on. The simulation is values, with
 * the totals it ran on beside today's, so it says when it is out of date.
 */
export function industrySheet(
  model: ModelResult,
  mc: MonteCarloResult,
  basis: ResultBasis,
  basisCell: Expr,
  costs: Placement,
  refs: AssumptionRefs,
): { sheet: SheetPlan; names: DefinedName[]; refs: { byCategory: Placement; totals: Placement; uncertainty: Placement; bands: Placement; mostBands: Placement } } {
  const { industry, totals } = model;
  const cursor = new SheetCursor(INDUSTRY_SHEET);
  const range3 = (suffix = '') => RANGE_KEYS.map((k) => col(`${capitalised(k)}${suffix} £`, 'gbp', 13));
  const byCategory = cursor.place(industry.categories.length, 'Industry-wide cost by category', 'tblIndustryByCategory', [
    col('Category', 'text', 30),
    col('Parties', 'integer', 13),
    col('Respondents', 'integer', 13),
    col('With a figure', 'integer', 13),
    col('Unquantified', 'integer', 10),
    col('Extrapolated parties', 'integer', 11),
    ...RANGE_KEYS.map((k) => col(`Stated ${k} £`, 'gbp', 12)),
    ...RANGE_KEYS.map((k) => col(`Per party ${k} £`, 'gbp', 12)),
    ...range3(),
    ...RANGE_KEYS.map((k) => col(`Ongoing ${k} £ a year`, 'gbp', 12)),
  ]);
  const totalsAt = cursor.place(9, 'Totals', 'tblIndustryTotals', [col('Item', 'text', 30), ...range3()]);
  const simulationAt = cursor.place(4, 'The simulation ran on these totals; when they move, it is out of date', 'tblSimulationRun', [
    col('Measure', 'text', 30),
    col('When it ran £', 'gbp', 13),
    col('Now £', 'gbp', 13),
  ]);
  const uncertaintyAt = cursor.place(6, `Uncertainty: ${mc.iterations.toLocaleString('en-GB')} Latin hypercube draws, seed ${mc.seed}, ${distributionName(mc)}`, 'tblUncertainty', [
    col('Measure', 'text', 30),
    col('Respondents £', 'gbp', 13),
    col('Industry total £', 'gbp', 13),
  ]);
  const bandsAt = cursor.place(model.bands.length, 'Respondents by cost band: the one-off figure the model uses, in the bands set on Assumptions', 'tblBandCounts', [
    col('Band', 'text', 30),
    col('From £', 'gbp', 13),
    col('To £', 'gbp', 13),
    col('Respondents', 'integer', 13),
  ]);
  const histogramAt = cursor.place(mc.histogram.length, 'Distribution of the simulated industry total', 'tblIndustryHistogram', [col('From £', 'gbp', 30), col('To £', 'gbp', 13), col('Draws', 'integer', 13)]);
  const mostAt = cursor.place(3, 'The band holding the most respondents (the report’s sentence on bands)', 'tblBandMost', [col('Measure', 'text', 30), col('Value', 'general', 13)]);

  const oneOffColumn = { low: COSTS.low, central: COSTS.central, high: COSTS.high } as const;
  const ongoingColumn = { low: COSTS.ongoingLow, central: COSTS.ongoingCentral, high: COSTS.ongoingHigh } as const;
  const allFigures = sum(costs.column(COSTS.figure));
  const categoryRows = industry.categories.map((cat, i): Cell[] => {
    const c = (k: number) => byCategory.cell(k, i);
    const [parties, withFigure, unquantified, extrapolated] = [c(BY_CATEGORY.parties), c(BY_CATEGORY.withFigure), c(BY_CATEGORY.unquantified), c(BY_CATEGORY.extrapolated)];
    const inCategory = (column: number) => call('SUMIFS', costs.column(column), costs.column(COSTS.category), c(BY_CATEGORY.category));
    // The per-party value: the category's mean, else (by rule) the all-respondent mean or the entered value.
    const perParty = (stated: Expr, allColumn: number, perPartyValue: Expr) =>
      iff(
        gt(withFigure, n(0)),
        div(stated, withFigure),
        iff(
          eq(A.emptyCategoryRule, str(EMPTY_CATEGORY_RULE_TEXT['all-respondent-mean'])),
          iff(gt(allFigures, n(0)), div(sum(costs.column(allColumn)), allFigures), n(0)),
          iff(eq(A.emptyCategoryRule, str(EMPTY_CATEGORY_RULE_TEXT['per-party'])), perPartyValue, n(0)),
        ),
      );
    // No party to scale up: no per-party value is shown, and the category's cost is what its respondents said.
    const none = eq(extrapolated, n(0));
    const scaled = (stated: Expr, perPartyValue: Expr) => iff(none, stated, add(stated, mul(extrapolated, perPartyValue)));
    const statedValue = (k: RangeKey) => cat.cost[k] - cat.extrapolated * cat.perParty[k];
    return [
      text(cat.category),
      formula(refs.populations.cell(POPULATIONS.parties, i), cat.parties),
      formula(call('COUNTIF', costs.column(COSTS.category), c(BY_CATEGORY.category)), cat.respondents),
      formula(inCategory(COSTS.figure), cat.quantified),
      formula(call('COUNTIFS', costs.column(COSTS.category), c(BY_CATEGORY.category), costs.column(COSTS.kind), str('unquantified'), costs.column(COSTS.figure), n(0)), cat.unquantified),
      formula(call('MAX', n(0), sub(sub(parties, withFigure), iff(eq(A.unquantifiedRule, str(UNQUANTIFIED_RULE_TEXT.excluded)), unquantified, n(0)))), cat.extrapolated),
      ...RANGE_KEYS.map((k) => formula(inCategory(oneOffColumn[k]), statedValue(k))),
      ...RANGE_KEYS.map((k, j) => formula(iff(none, str(''), perParty(c(BY_CATEGORY.stated + j), oneOffColumn[k], A.emptyCategoryValue)), cat.extrapolated === 0 ? '' : cat.perParty[k])),
      ...RANGE_KEYS.map((k, j) => formula(scaled(c(BY_CATEGORY.stated + j), c(BY_CATEGORY.perParty + j)), cat.cost[k])),
      // A per-party value is a one-off figure only: it adds nothing a year.
      ...RANGE_KEYS.map((k) => formula(scaled(inCategory(ongoingColumn[k]), perParty(inCategory(ongoingColumn[k]), ongoingColumn[k], n(0))), cat.ongoing[k])),
    ];
  });

  const t = (row: number, j: number) => totalsAt.cell(j + 1, row);
  const c = industry.centralBodies;
  const orNotProvided = (provided: Expr, e: Expr, v: number | null): Cell[] => {
    const cell = formula(iff(provided, e, str('not yet provided')), v ?? 'not yet provided');
    return [cell, cell, cell];
  };
  const secas = add(mul(A.secasDays, A.secasDayRate), A.secasOther);
  const totalRows: Cell[][] = [
    [text('Respondents (stated figures)'), ...RANGE_KEYS.map((k) => formula(sum(costs.column(oneOffColumn[k])), totals[k]))],
    [text('All SEC parties'), ...RANGE_KEYS.map((k, j) => formula(sum(byCategory.column(BY_CATEGORY.cost + j)), industry.parties[k]))],
    [text('DCC implementation'), ...orNotProvided(call('ISNUMBER', A.dccImplementation), A.dccImplementation, c.dccImplementation)],
    [text('SECAS'), ...orNotProvided(secasProvided(), secas, c.secas)],
    // SUM passes over "not yet provided": a cost nobody entered adds nothing, and says so above.
    [text('Total one-off cost'), ...RANGE_KEYS.map((k, j) => formula(sum(t(TOTALS.parties, j), t(TOTALS.dcc, j), t(TOTALS.secas, j)), industry.total[k]))],
    [text("SEC parties' ongoing cost a year"), ...RANGE_KEYS.map((k, j) => formula(sum(byCategory.column(BY_CATEGORY.ongoing + j)), industry.partiesOngoing[k]))],
    [text('DCC ongoing cost a year'), ...orNotProvided(call('ISNUMBER', A.dccOngoing), A.dccOngoing, c.dccOngoingPerYear)],
    [text('Total ongoing cost a year'), ...RANGE_KEYS.map((k, j) => formula(sum(t(TOTALS.partiesOngoing, j), t(TOTALS.dccOngoing, j)), model.fixedCosts.ongoingPerYear[k]))],
    [text('Basis'), formula(basisCell, basisText(basis.industry)), empty, empty],
  ];
  const totalName = (prefix: string, row: number, what: string) =>
    RANGE_KEYS.map((k, j): DefinedName => ({ name: `${prefix}${capitalised(k)}`, sheet: INDUSTRY_SHEET, row: totalsAt.headerRow + 1 + row, col: j + 1, description: `Result: ${what}, ${k} estimate` }));

  const current = simulationCurrent(mc, industry.total);
  const s = (row: number, k: number) => simulationAt.cell(k, row);
  const same = RANGE_KEYS.map((_, row) => le(call('ABS', sub(s(row, 1), s(row, 2))), mul(name('SimulationTolerance'), call('MAX', n(1), call('ABS', s(row, 2))))));
  const simulationRows: Cell[][] = [
    ...RANGE_KEYS.map((k) => [text(`Industry total, ${k}`), num(mc.ranOn[k]), formula(name(`IndustryTotal${capitalised(k)}`), industry.total[k])]),
    [text('Status'), formula(iff(call('AND', ...same), str(SIMULATION_CURRENT), str(SIMULATION_STALE)), current ? SIMULATION_CURRENT : SIMULATION_STALE), empty],
  ];

  const notes = [
    'The method, in sentences that follow the rule cells on Assumptions, is under Table 3 on the Report tables sheet.',
    `The simulation's figures are values from a run (seed ${mc.seed}, ${mc.iterations.toLocaleString('en-GB')} iterations) of the one-off costs, not formulas: SimulationStatus says when the inputs have moved since, and the Checks sheet fails until it runs again.`,
  ];
  return {
    refs: { byCategory, totals: totalsAt, uncertainty: uncertaintyAt, bands: bandsAt, mostBands: mostAt },
    names: [
      ...totalName('IndustryTotal', TOTALS.oneOff, "one-off cost of all SEC parties and the central bodies (£)"),
      ...totalName('IndustryOngoing', TOTALS.ongoing, "yearly ongoing cost of all SEC parties and the DCC (£ a year)"),
      { name: 'SimulationStatus', sheet: INDUSTRY_SHEET, row: simulationAt.headerRow + 1 + 3, col: 1, description: 'Result: whether the uncertainty simulation ran on the current inputs' },
    ],
    sheet: {
      name: INDUSTRY_SHEET,
      tables: [
        byCategory.table(categoryRows),
        totalsAt.table(totalRows),
        simulationAt.table(simulationRows),
        uncertaintyAt.table(
          (['p10', 'p50', 'p90', 'mean', 'min', 'max'] as const).map((k) => [
            text({ p10: 'P10', p50: 'P50', p90: 'P90', mean: 'Mean', min: 'Minimum', max: 'Maximum' }[k]),
            num(mc.respondentTotal[k]),
            num(mc.industryTotal[k]),
          ]),
        ),
        bandsAt.table(bandRows(model, refs.bands, bandsAt, costs)),
        histogramAt.table(mc.histogram.map((b) => [num(b.from), num(b.to), num(b.count)])),
        mostAt.table(mostBandRows(model, bandsAt, mostAt)),
      ],
      charts: [
        {
          title: 'Industry-wide one-off cost by category (£)',
          kind: 'column',
          table: 'tblIndustryByCategory',
          categoryColumn: BY_CATEGORY.category,
          seriesColumns: [BY_CATEGORY.cost, BY_CATEGORY.cost + 1, BY_CATEGORY.cost + 2],
          numberFormat: '£#,##0',
          // Under the notes, where nothing runs into it (the Basis text is long).
          at: { row: mostAt.headerRow + mostAt.rowCount + 2 + notes.length + 1, col: 0 },
          size: { cols: 8, rows: 16 },
        },
      ],
      notes,
    },
  };
}

/**
 * Each band's count from the Costs sheet's used figures (a band's edges read from Assumptions),
 * then £0, ranges across bands and the answers without a figure: every respondent in one row.
 */
function bandRows(model: ModelResult, inputs: Placement, at: Placement, costs: Placement): Cell[][] {
  const [figure, low, high, kind] = [COSTS.figure, COSTS.low, COSTS.high, COSTS.kind].map((k) => costs.column(k)) as [Expr, Expr, Expr, Expr];
  const withFigure = [figure, n(1), high, str('>0')];
  const bands = model.bands.filter((b) => b.kind === 'band');
  const own = (k: number, i: number) => at.cell(k, i);
  const count = (i: number) => own(BAND_COUNTS.count, i);
  return model.bands.map((b, i): Cell[] => {
    if (b.kind === 'band') {
      const [from, to] = [inputs.cell(BANDS.from, i), inputs.cell(BANDS.to, i)];
      const inBand = call('COUNTIFS', ...withFigure, low, concat(str('>='), own(BAND_COUNTS.from, i)), low, concat(str('<'), own(BAND_COUNTS.to, i)), high, concat(str('<='), own(BAND_COUNTS.to, i)));
      const fromOn = call('COUNTIFS', ...withFigure, low, concat(str('>='), own(BAND_COUNTS.from, i)));
      return [
        formula(concat(inputs.cell(BANDS.label, i), str('')), b.label),
        formula(from, b.band!.from),
        formula(iff(call('ISNUMBER', to), to, str('')), b.band!.to ?? ''),
        formula(iff(call('ISNUMBER', own(BAND_COUNTS.to, i)), inBand, fromOn), b.count),
      ];
    }
    const counted: Record<Exclude<BandRowKind, 'band'>, Expr> = {
      zero: call('COUNTIFS', figure, n(1), high, n(0)),
      // What no band holds: every figure less the bands' counts and the £0 row above it.
      across: sub(sum(figure), add(sum(...bands.map((_, j) => count(j))), count(i - 1))),
      unquantified: call('COUNTIFS', figure, n(0), kind, str('unquantified')),
      none: call('COUNTIFS', figure, n(0), kind, str('none')),
      unreadable: call('COUNTIFS', figure, n(0), kind, str('unreadable')),
    };
    return [text(b.label), empty, empty, formula(counted[b.kind], b.count)];
  });
}

/** The most respondents any band holds, how many bands hold that many, and the first of them: over the bands only, not the rows after them. */
function mostBandRows(model: ModelResult, bandsAt: Placement, at: Placement): Cell[][] {
  const bands = model.bands.filter((b) => b.kind === 'band');
  const most = Math.max(0, ...bands.map((b) => b.count));
  const top = bands.filter((b) => b.count === most);
  const count = (i: number) => bandsAt.cell(BAND_COUNTS.count, i);
  const isMost = (i: number) => eq(count(i), at.cell(1, 0));
  const rows = bands.map((_, i) => i);
  return [
    [text('Most respondents in one band'), formula(call('MAX', ...rows.map(count)), most, 'integer')],
    [text('Bands holding that many'), formula(call('SUM', ...rows.map((i) => iff(isMost(i), n(1), n(0)))), top.length, 'integer')],
    [text('The first of them'), formula(rows.reduceRight<Expr>((rest, i) => iff(isMost(i), bandsAt.cell(BAND_COUNTS.label, i), rest), str('')), top[0]?.label ?? '')],
  ];
}

function distributionName(mc: MonteCarloResult): string {
  const d = mc.distribution;
  return d.kind === 'uniform' ? 'uniform within each band' : `${d.kind === 'pert' ? 'PERT' : 'triangular'}, mode at ${Math.round(d.modePosition * 100)}% of each band`;
}

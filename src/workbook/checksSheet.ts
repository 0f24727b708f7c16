import { CHECK_SPECS, CHECKS_FAIL, CHECKS_PASS, INPUT_CHECKS, type Check, type CheckId } from '../model/checks';
import { SIMULATION_CURRENT } from '../model/monteCarlo';
import { DCC_CATEGORY } from '../model/industryCost';
import { PAST_RELEASE } from '../model/timeline';
import { A, POPULATIONS, SCENARIO_INPUTS, type AssumptionRefs } from './assumptionsSheet';
import { COSTS, LEAD } from './costSheets';
import { BY_CATEGORY, RANGE_KEYS } from './industrySheet';
import { add, call, eq, ge, gt, iff, le, lt, name, num as n, str, type Expr } from './formula';
import { col, formula, SheetCursor, text, type Cell, type DefinedName, type Placement, type SheetPlan } from './plan';

export const CHECKS_SHEET = 'Checks';

/** Where the Checks sheet's tables sit: the checks, the overall result, and what each result rests on. */
export interface ChecksLayout {
  readonly list: Placement;
  readonly overall: Placement;
  readonly basis: Placement;
}

/** Placed before the other sheets are built, so their Basis cells can refer to the basis table. */
export function checksLayout(checkCount: number, scenarioCount: number): ChecksLayout {
  const cursor = new SheetCursor(CHECKS_SHEET);
  return {
    list: cursor.place(checkCount, 'Checks: each is TRUE when it passes', 'tblChecks', [
      col('Check', 'text', 24),
      col('What it checks', 'text', 70),
      col('Passes', 'text', 10),
      col('If it fails', 'text', 70),
    ]),
    overall: cursor.place(3, 'Overall', 'tblChecksSummary', [col('Item', 'text', 24), col('Value', 'text', 70)]),
    basis: cursor.place(2 + scenarioCount, 'What each result rests on that nobody has entered yet', 'tblBasis', [
      col('Result', 'text', 24),
      col('Rests on', 'text', 70),
      // The list as the formulas join it, each item after "; " (a scenario's builds on the industry's and the timeline's): narrow, under Passes.
      col('Working list', 'text', 10),
      col('Basis', 'text', 70),
    ]),
  };
}

/** The Basis cell of a row of the basis table (basisFormulas.ts BASIS_ROWS). */
export function basisCell(layout: ChecksLayout, row: number): Expr {
  return layout.basis.cell(3, row);
}

/**
 * The Checks sheet: each of the model's checks (model/checks.ts) as a live TRUE/FALSE formula with
 * a defined name; ChecksOK, TRUE only when every one passes, and InputsValid, TRUE while every
 * input passes its check; then what each result rests on. The Read me shows ChecksOK.
 */
export function checksSheet(
  layout: ChecksLayout,
  checks: readonly Check[],
  refs: AssumptionRefs,
  costs: Placement,
  leadTimes: Placement,
  byCategory: Placement,
  scenarioCount: number,
  factorYears: Expr,
  basisRows: readonly (readonly Cell[])[],
): { sheet: SheetPlan; names: DefinedName[] } {
  const { list, overall } = layout;

  const notNegativeIfGiven = (e: Expr) => iff(call('ISNUMBER', e), ge(e, n(0)), call('TRUE'));
  const none = (e: Expr) => eq(e, n(0));
  const s = refs.scenarios;
  const uptakeColumns = Array.from({ length: scenarioCount }, (_, i) => refs.uptake.column(i + 1));
  const unreadableHas = (table: Placement, kind: number, column: number, criterion: Expr) =>
    eq(call('COUNTIFS', table.column(kind), str('unreadable')), call('COUNTIFS', table.column(kind), str('unreadable'), table.column(column), criterion));
  const formulas: Record<CheckId, Expr> = {
    populations: eq(call('COUNTIF', refs.populations.column(POPULATIONS.check), str('ok')), call('COUNTA', refs.populations.column(POPULATIONS.category))),
    uptake: call(
      'AND',
      ...uptakeColumns.map((c) => call('AND', none(add(call('COUNTIF', c, str('>1')), call('COUNTIF', c, str('<0')))), eq(call('COUNT', c), call('COUNTA', c)))),
    ),
    rates: call('AND', ...[A.discountRate, A.discountRateLong].flatMap((r) => [ge(r, n(0)), le(r, name('MaxDiscountRate'))])),
    appraisal: call(
      'AND',
      eq(A.appraisalYears, call('INT', A.appraisalYears)),
      ge(A.appraisalYears, n(1)),
      le(A.appraisalYears, name('MaxAppraisalYears')),
      lt(name('LastAppraisalYear'), call('COUNT', factorYears)),
      ge(name('BenefitsStartDate'), name('GoLiveDate')),
    ),
    money: call(
      'AND',
      ...[A.dccImplementation, A.dccOngoing, A.secasDays, A.secasDayRate, A.secasOther].map(notNegativeIfGiven),
      ...[SCENARIO_INPUTS.benefit, SCENARIO_INPUTS.ongoing, SCENARIO_INPUTS.oneOff].map((k) => none(call('COUNTIF', s.column(k), str('<0')))),
    ),
    overrides: call('AND', none(call('COUNTIF', costs.column(COSTS.overridesValid), str('no'))), none(call('COUNTIF', leadTimes.column(LEAD.overrideMonths), str('<0')))),
    releaseFound: call('ISNUMBER', name('EarliestRelease')),
    proposedRelease: iff(
      eq(call('LEN', A.proposedRelease), n(0)),
      call('TRUE'),
      call('AND', call('ISNUMBER', A.proposedRelease), gt(call('COUNTIF', refs.releases.column(0), A.proposedRelease), n(0)), ge(A.proposedRelease, name('ReadyDate'))),
    ),
    namedReleases: none(call('COUNTIF', leadTimes.column(LEAD.ready), str(PAST_RELEASE))),
    costAnswers: unreadableHas(costs, COSTS.kind, COSTS.figure, n(1)),
    leadTimeAnswers: unreadableHas(leadTimes, LEAD.kind, LEAD.months, str('>=0')),
    dccOnce: call('OR', call('NOT', call('ISNUMBER', A.dccImplementation)), eq(call('SUMIFS', byCategory.column(BY_CATEGORY.cost + RANGE_KEYS.indexOf('high')), byCategory.column(BY_CATEGORY.category), str(DCC_CATEGORY)), n(0))),
    simulation: eq(name('SimulationStatus'), str(SIMULATION_CURRENT)),
  };
  const ids = Object.keys(CHECK_SPECS) as CheckId[];
  const rows: Cell[][] = ids.map((id, i) => {
    const check = checks[i]!;
    return [text(check.name), text(check.description), formula(formulas[id], check.pass), text(check.fix)];
  });
  const allPass = checks.every((c) => c.pass);
  const results = list.column(2);
  const inputChecks = ids.flatMap((id, i) => (INPUT_CHECKS.includes(id) ? [i] : []));
  const summaryRows: Cell[][] = [
    [text('ChecksOK'), formula(call('AND', results), allPass)],
    [text('InputsValid'), formula(call('AND', ...inputChecks.map((i) => list.cell(2, i))), inputChecks.every((i) => checks[i]!.pass))],
    [text('Status'), formula(iff(name('ChecksOK'), str(CHECKS_PASS), str(CHECKS_FAIL)), allPass ? CHECKS_PASS : CHECKS_FAIL)],
  ];
  return {
    names: [
      ...checks.map((c, i): DefinedName => ({ name: c.name, sheet: CHECKS_SHEET, row: list.headerRow + 1 + i, col: 2, description: `Check: ${c.description}` })),
      { name: 'ChecksOK', sheet: CHECKS_SHEET, row: overall.headerRow + 1, col: 1, description: 'Check: TRUE when every check passes' },
      { name: 'InputsValid', sheet: CHECKS_SHEET, row: overall.headerRow + 2, col: 1, description: 'Check: TRUE while every input passes its check' },
      { name: 'ChecksStatus', sheet: CHECKS_SHEET, row: overall.headerRow + 3, col: 1, description: 'Check: every check in words' },
    ],
    sheet: { name: CHECKS_SHEET, tables: [list.table(rows), overall.table(summaryRows), layout.basis.table(basisRows)] },
  };
}

import { BASIS_ITEMS } from '../model/basis';
import { STATUS_TEXT } from '../model/inputStatus';
import { A, POPULATIONS, RELEASES, SCENARIO_INPUTS, type AssumptionRefs } from './assumptionsSheet';
import { call, concat, eq, gt, iff, name, ne, num, str, sub, type Expr } from './formula';

/**
 * Live "Basis" text: the same sentence as model/basis.ts, built in the workbook from the Status
 * cells, so a result stops saying "Illustrative" the moment its inputs are entered.
 */

type Item = readonly [applies: Expr, words: string];

const isPlaceholder = (status: Expr) => eq(status, str(STATUS_TEXT.placeholder));

/** SECAS's cost is provided once its days and day rate, or another sum, are. */
export function secasProvided(): Expr {
  return call('OR', call('AND', call('ISNUMBER', A.secasDays), call('ISNUMBER', A.secasDayRate)), call('ISNUMBER', A.secasOther));
}

export function industryItems(refs: AssumptionRefs): Item[] {
  const p = refs.populations;
  return [
    [gt(call('COUNTIFS', p.column(POPULATIONS.status), str(STATUS_TEXT.default), p.column(POPULATIONS.respondents), str('>0')), num(0)), BASIS_ITEMS.populations],
    [call('NOT', call('ISNUMBER', A.dccImplementation)), BASIS_ITEMS.dccImplementation],
    [call('NOT', secasProvided()), BASIS_ITEMS.secas],
  ];
}

export function timelineItems(refs: AssumptionRefs): Item[] {
  const r = refs.releases;
  return [
    [ne(refs.status('decisionDate'), str(STATUS_TEXT.entered)), BASIS_ITEMS.decisionDate],
    [gt(call('COUNTIFS', r.column(RELEASES.date), name('TargetRelease'), r.column(RELEASES.status), str(STATUS_TEXT.default)), num(0)), BASIS_ITEMS.release],
  ];
}

/** The items of scenario `i`: the industry's, the DCC's ongoing cost, its uptake and figures, and the timeline's. */
export function scenarioItems(refs: AssumptionRefs, i: number): Item[] {
  const s = (k: number) => refs.scenarios.cell(k, i);
  return [
    ...industryItems(refs),
    [call('NOT', call('ISNUMBER', A.dccOngoing)), BASIS_ITEMS.dccOngoing],
    [isPlaceholder(s(SCENARIO_INPUTS.uptakeStatus)), BASIS_ITEMS.uptake],
    [isPlaceholder(s(SCENARIO_INPUTS.figuresStatus)), BASIS_ITEMS.figures],
    ...timelineItems(refs),
  ];
}

/** "Rests on entered inputs", or "Illustrative: rests on " and the items that apply, joined by "; ". */
export function basisFormula(items: readonly Item[]): Expr {
  const parts = items.map(([applies, words]) => iff(applies, str(`${words}; `), str(''))).reduce((a, b) => concat(a, b));
  const length = call('LEN', parts);
  return iff(eq(length, num(0)), str('Rests on entered inputs'), concat(str('Illustrative: rests on '), call('LEFT', parts, sub(length, num(2)))));
}

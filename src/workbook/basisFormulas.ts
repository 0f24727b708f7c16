import { BASIS_ITEMS, basisText, ENTERED_BASIS, NOT_VALID, restsOnText, type ResultBasis } from '../model/basis';
import { STATUS_TEXT } from '../model/inputStatus';
import { A, POPULATIONS, RELEASES, SCENARIO_INPUTS, type AssumptionRefs } from './assumptionsSheet';
import { COSTS } from './costSheets';
import { call, concat, eq, gt, iff, name, num, str, sub, type Expr } from './formula';
import { formula, text, type Cell, type Placement } from './plan';

/**
 * Live "Basis" text: the same sentence as model/basis.ts, built in the workbook from the Status
 * cells, so a result stops saying "Illustrative" the moment its inputs are entered. Each result's
 * list of what it rests on is a cell of its own ("populations not entered; …"), on the Checks
 * sheet beside the checks, built from a working cell where each item follows "; " (so that the
 * scenarios' lists build on the industry's and the timeline's).
 */

type Item = readonly [applies: Expr, words: string];

const isStatus = (status: Expr, word: string) => eq(status, str(word));

/** SECAS's cost is provided once its days and day rate, or another sum, are. */
export function secasProvided(): Expr {
  return call('OR', call('AND', call('ISNUMBER', A.secasDays), call('ISNUMBER', A.secasDayRate)), call('ISNUMBER', A.secasOther));
}

function industryItems(refs: AssumptionRefs, costs: Placement): Item[] {
  // A band is capped where it has no upper figure and no override replaces it.
  const capped = call('COUNTIFS', costs.column(COSTS.kind), str('band'), costs.column(COSTS.parsedHigh), str(''), costs.column(COSTS.overrideLow), str(''), costs.column(COSTS.overrideHigh), str(''));
  return [
    [gt(call('COUNTIF', refs.populations.column(POPULATIONS.status), str(STATUS_TEXT.default)), num(0)), BASIS_ITEMS.populations],
    [call('AND', gt(capped, num(0)), isStatus(refs.status('openEndedCap'), STATUS_TEXT.default)), BASIS_ITEMS.openEndedCap],
    [call('NOT', call('ISNUMBER', A.dccImplementation)), BASIS_ITEMS.dccImplementation],
    [call('NOT', secasProvided()), BASIS_ITEMS.secas],
  ];
}

function timelineItems(refs: AssumptionRefs): Item[] {
  const r = refs.releases;
  return [
    [isStatus(refs.status('decisionDate'), STATUS_TEXT.default), BASIS_ITEMS.decisionDate],
    [isStatus(refs.status('dccLeadTime'), STATUS_TEXT.default), BASIS_ITEMS.dccLeadTime],
    [isStatus(refs.status('noticeMonths'), STATUS_TEXT.default), BASIS_ITEMS.notice],
    [gt(call('COUNTIFS', r.column(RELEASES.date), name('TargetRelease'), r.column(RELEASES.status), str(STATUS_TEXT.default)), num(0)), BASIS_ITEMS.release],
  ];
}

/** A scenario's own items, between the industry's and the timeline's. */
function scenarioItems(refs: AssumptionRefs, i: number): Item[] {
  const s = (k: number) => refs.scenarios.cell(k, i);
  return [
    [call('NOT', call('ISNUMBER', A.dccOngoing)), BASIS_ITEMS.dccOngoing],
    [isStatus(s(SCENARIO_INPUTS.uptakeStatus), STATUS_TEXT.placeholder), BASIS_ITEMS.uptake],
    [isStatus(s(SCENARIO_INPUTS.figuresStatus), STATUS_TEXT.placeholder), BASIS_ITEMS.figures],
    [isStatus(refs.status('appraisalYears'), STATUS_TEXT.default), BASIS_ITEMS.appraisalYears],
  ];
}

/** "; item" for each item that applies, as one text. */
function restsOn(items: readonly Item[]): Expr {
  return items.map(([applies, words]) => iff(applies, str(`; ${words}`), str(''))).reduce((a, b) => concat(a, b));
}

/** The list without the "; " before its first item: what the Rests on cell shows. */
function shownList(parts: Expr): Expr {
  const length = call('LEN', parts);
  return iff(eq(length, num(0)), str(''), call('RIGHT', parts, sub(length, num(2))));
}

/** The basis sentence from a Rests on cell; "Not valid" while an input fails its check. */
function basisFrom(shown: Expr): Expr {
  return iff(call('NOT', name('InputsValid')), str(NOT_VALID), iff(eq(shown, str('')), str(ENTERED_BASIS), concat(str('Illustrative: rests on '), shown)));
}

/** Rows of the basis table: the industry cost, the timeline, then each scenario. */
export const BASIS_ROWS = { industry: 0, timeline: 1, firstScenario: 2 } as const;

export function basisRows(at: Placement, refs: AssumptionRefs, costs: Placement, basis: ResultBasis, scenarioNames: readonly string[]): Cell[][] {
  const parts = (row: number) => at.cell(2, row);
  const scenarioOwn = (name: string) => {
    const all = basis.scenarios[name] ?? [];
    return all.slice(basis.industry.length, all.length - basis.timeline.length);
  };
  const row = (label: string, r: number, items: readonly string[], working: Expr): Cell[] => [
    text(label),
    formula(shownList(parts(r)), items.join('; ')),
    formula(working, restsOnText(items)),
    formula(basisFrom(at.cell(1, r)), basisText(items)),
  ];
  return [
    row('Industry cost', BASIS_ROWS.industry, basis.industry, restsOn(industryItems(refs, costs))),
    row('Timeline', BASIS_ROWS.timeline, basis.timeline, restsOn(timelineItems(refs))),
    ...scenarioNames.map((name, i) =>
      row(`${name} scenario`, BASIS_ROWS.firstScenario + i, [...basis.industry, ...scenarioOwn(name), ...basis.timeline], concat(concat(parts(BASIS_ROWS.industry), restsOn(scenarioItems(refs, i))), parts(BASIS_ROWS.timeline))),
    ),
  ];
}

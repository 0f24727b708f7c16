import { evaluate, type Live, type Quantity, type Test } from '../report/liveText';
import type { ReportTable } from '../report/reportTables';
import { A, POPULATIONS, type AssumptionRefs } from './assumptionsSheet';
import { COSTS, LEAD } from './costSheets';
import { call, div, gt, iff, name, num, str, sum, type Expr } from './formula';
import { liveFormula } from './liveFormulas';
import { BAND_COUNTS, BY_CATEGORY, TOTALS } from './industrySheet';
import { builtFormula, col, filledFormula, SheetCursor, text, type Cell, type FilledColumn, type Placement, type SheetPlan } from './plan';
import { RESULTS } from './scenarioSheet';

export const REPORT_SHEET = 'Report tables';

/** The first column also holds each table's sentence and notes, which wrap at this width. */
const PROSE_WIDTH = 60;

/** The cells the report's figures live in, on the model's other sheets. */
export interface ReportRefs {
  readonly inputs: AssumptionRefs;
  readonly costs: Placement;
  readonly leadTimes: Placement;
  readonly industry: { readonly byCategory: Placement; readonly totals: Placement; readonly uncertainty: Placement; readonly bands: Placement; readonly mostBands: Placement };
  readonly scenarioResults: Placement;
  readonly timelineSummary: Placement;
}

const INDUSTRY_ROWS = { respondents: TOTALS.respondents, parties: TOTALS.parties, dcc: TOTALS.dcc, secas: TOTALS.secas, oneOff: TOTALS.oneOff, partiesOngoing: TOTALS.partiesOngoing, dccOngoing: TOTALS.dccOngoing, ongoing: TOTALS.ongoing } as const;
const RANGE_COLUMN = { low: 1, central: 2, high: 3 } as const;
const RESPONDENT_CELLS = {
  leadOverride: ['leadTimes', LEAD.overrideMonths],
  leadKind: ['leadTimes', LEAD.kind],
  costKind: ['costs', COSTS.kind],
  low: ['costs', COSTS.low],
  high: ['costs', COSTS.high],
  ongoingLow: ['costs', COSTS.ongoingLow],
  ongoingHigh: ['costs', COSTS.ongoingHigh],
  figure: ['costs', COSTS.figure],
  readyBy: ['leadTimes', LEAD.readyBy],
  ready: ['leadTimes', LEAD.ready],
} as const;
const TIMELINE_ROWS = { respondentMonths: 1, requiredMonths: 4, governedBy: 9, basis: 10, decisionBy: 11, fallbackRelease: 12, notReady: 13 } as const;

/** The workbook cell (or formula over cells) that holds a quantity the report quotes. */
export function resolver(refs: ReportRefs): (q: Quantity) => Expr {
  const parties = sum(refs.inputs.populations.column(POPULATIONS.parties));
  // A row's quantity is in that row of its table: a respondent's on Costs or Lead times.
  const rowCell = ({ group, index, field }: NonNullable<Quantity['row']>): Expr => {
    switch (group) {
      case 'scenario':
        if (field === 'adopterShare') return iff(gt(parties, num(0)), div(refs.scenarioResults.cell(RESULTS.adopters, index), parties), str(''));
        return refs.scenarioResults.cell(RESULTS[field as keyof typeof RESULTS], index);
      case 'respondent': {
        if (field === 'costOverridden') {
          const cell = (k: number) => call('ISNUMBER', refs.costs.cell(k, index));
          return call('OR', cell(COSTS.overrideLow), cell(COSTS.overrideHigh), cell(COSTS.overrideOngoingLow), cell(COSTS.overrideOngoingHigh));
        }
        const [table, column] = RESPONDENT_CELLS[field as keyof typeof RESPONDENT_CELLS];
        return refs[table].cell(column, index);
      }
      case 'band':
        return refs.industry.bands.cell(field === 'label' ? BAND_COUNTS.label : BAND_COUNTS.count, index);
    }
  };
  return ({ key, row }) => {
    if (row) return rowCell(row);
    const [group, a, b] = key.split('.') as [string, string, string | undefined];
    switch (group) {
      case 'industry':
        if (a === 'basis') return refs.industry.totals.cell(1, TOTALS.basis);
        if (a === 'emptyCategories') {
          const c = refs.industry.byCategory;
          return call('COUNTIFS', c.column(BY_CATEGORY.extrapolated), str('>0'), c.column(BY_CATEGORY.withFigure), num(0));
        }
        if (a === 'defaultPopulations') {
          const p = refs.inputs.populations;
          return call('COUNTIF', p.column(POPULATIONS.status), str('default'));
        }
        return refs.industry.totals.cell(RANGE_COLUMN[b as keyof typeof RANGE_COLUMN], INDUSTRY_ROWS[a as keyof typeof INDUSTRY_ROWS]);
      case 'method':
        return { unquantified: A.unquantifiedRule, emptyCategory: A.emptyCategoryRule, emptyCategoryValue: A.emptyCategoryValue, openEndedCap: A.openEndedCap }[a as 'unquantified']!;
      case 'simulation':
        return a === 'status' ? name('SimulationStatus') : refs.industry.uncertainty.cell(2, ['p10', 'p50', 'p90'].indexOf(a));
      case 'band':
        // A band's own row is a row quantity (rowQ); here, only the bands holding the most.
        if (a === 'most') return refs.industry.mostBands.cell(1, { count: 0, ties: 1, label: 2 }[b as 'count' | 'ties' | 'label']);
        break;
      case 'timeline':
        if (a === 'decisionDate') return A.decisionDate;
        if (a === 'readyDate' || a === 'earliestRelease' || a === 'targetRelease') return name(`${a[0]!.toUpperCase()}${a.slice(1)}`);
        return refs.timelineSummary.cell(1, TIMELINE_ROWS[a as keyof typeof TIMELINE_ROWS]);
      case 'input':
        return A[a as 'secasDays' | 'secasDayRate' | 'secasOther'];
      case 'checks':
        return name('ChecksStatus');
      case 'count':
        if (a === 'respondents') return call('ROWS', refs.costs.column(COSTS.figure));
        return a === 'withFigure' ? sum(refs.costs.column(COSTS.figure)) : parties;
    }
    throw new Error(`the report quotes ${key}, which the workbook does not hold`);
  };
}

/**
 * The report's tables as live formulas over the model's sheets, each followed by its sentence and
 * notes: they read exactly as the export, and follow every change in the workbook.
 */
export function reportSheet(tables: readonly ReportTable[], refs: ReportRefs): SheetPlan {
  const resolve = resolver(refs);
  const cursor = new SheetCursor(REPORT_SHEET);
  // Each column as wide as its longest text (a sentence or note wraps in the first column).
  const width = (texts: readonly string[]) => Math.min(PROSE_WIDTH, Math.max(10, ...texts.map((t) => t.length + 2)));
  const placed = tables.flatMap((t, i) => {
    const id = t.id.replace(/[^A-Za-z0-9]/g, '_');
    const body = cursor.place(t.rows.length, `Table ${i + 1}: ${t.title}`, `tblReport_${id}`, t.columns.map((c, j) => col(c.header, 'text', width([c.header, ...t.rows.map((r) => r[j] ?? '')]))));
    const words = [t.live.narrative, ...t.live.notes];
    const prose = cursor.place(words.length, undefined, `tblReportText_${id}`, [col(`Table ${i + 1}: sentence and notes`, 'text', PROSE_WIDTH)]);
    const sentence = (l: Live): Cell => (typeof l === 'string' ? text(l) : builtFormula(() => liveFormula(l, resolve), evaluate(l)));
    return [body.table(bodyCells(t, resolve)), prose.table(words.map((w) => [sentence(w)]))];
  });
  return { name: REPORT_SHEET, tables: placed };
}

/**
 * A table's cells, each value the text the engine gave it (the table's words). A run of rows each
 * quoting the next row's cells (the next respondent's) is one formula filled down its column, so
 * a writer shares it without building every row's formula; a row alone the writer compares.
 */
function bodyCells(t: ReportTable, resolve: (q: Quantity) => Expr): Cell[][] {
  const lives = t.live.rows;
  const cells: Cell[][] = lives.map(() => []);
  t.columns.forEach((_, j) => {
    let fill: FilledColumn | null = null;
    lives.forEach((r, k) => {
      const l = r[j]!;
      const value = t.rows[k]![j];
      if (typeof l === 'string') {
        fill = null;
        cells[k]!.push(text(l));
        return;
      }
      if (fill === null || !quotesNextRow(lives[k - 1]![j]!, l)) {
        const next = lives[k + 1]?.[j];
        fill = next !== undefined && quotesNextRow(l, next) ? (row) => liveFormula(lives[row]![j]!, resolve) : null;
      }
      cells[k]!.push(fill ? filledFormula(fill, k, value) : builtFormula(() => liveFormula(l, resolve), value));
    });
  });
  return cells;
}

/** Whether `b` is the quantity `a` is, one row further down its table (the next respondent's, band's or scenario's). */
function nextRow(a: Quantity, b: Quantity): boolean {
  return a.row !== undefined && b.row !== undefined && b.row.index === a.row.index + 1 && b.row.field === a.row.field && b.row.group === a.row.group;
}

/**
 * Whether `b` is `a` one row on: the same words, tests and formats, each quantity the next row's
 * (the next respondent's, band's or scenario's). Any other quantity (one cell for every row) ends a run.
 */
function quotesNextRow(a: Live, b: Live): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (a.k !== b.k) return false;
  switch (a.k) {
    case 'money':
    case 'date':
    case 'share':
    case 'months':
    case 'text':
    case 'whole':
      return nextRow(a.q, (b as typeof a).q);
    case 'count':
      return a.capital === (b as typeof a).capital && nextRow(a.q, (b as typeof a).q);
    case 'round':
      return a.places === (b as typeof a).places && nextRow(a.q, (b as typeof a).q);
    case 'range': {
      const c = b as typeof a;
      return a.stated === c.stated && nextRow(a.low, c.low) && nextRow(a.high, c.high);
    }
    case 'if': {
      const c = b as typeof a;
      return testsNextRow(a.test, c.test) && quotesNextRow(a.then, c.then) && quotesNextRow(a.else, c.else);
    }
    case 'cat': {
      const c = b as typeof a;
      return a.parts.length === c.parts.length && a.parts.every((p, n) => quotesNextRow(p, c.parts[n]!));
    }
    case 'figured':
      return quotesNextRow(a.shown, (b as typeof a).shown);
  }
}

function testsNextRow(a: Test, b: Test): boolean {
  if (a.k !== b.k) return false;
  switch (a.k) {
    case 'number':
      return nextRow(a.q, (b as typeof a).q);
    case 'eq':
    case 'gt':
    case 'lt':
      return a.v === (b as typeof a).v && nextRow(a.q, (b as typeof a).q);
    case 'same':
      return nextRow(a.a, (b as typeof a).a) && nextRow(a.b, (b as typeof a).b);
    case 'not':
      return testsNextRow(a.t, (b as typeof a).t);
    case 'and':
    case 'or': {
      const c = b as typeof a;
      return a.ts.length === c.ts.length && a.ts.every((t, n) => testsNextRow(t, c.ts[n]!));
    }
  }
}

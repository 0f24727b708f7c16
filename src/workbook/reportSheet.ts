import { evaluate, type Live, type Quantity } from '../report/liveText';
import type { ReportTable } from '../report/reportTables';
import { A, POPULATIONS, type AssumptionRefs } from './assumptionsSheet';
import { COSTS, LEAD } from './costSheets';
import { call, div, gt, iff, name, num, str, sum, type Expr } from './formula';
import { liveFormula } from './liveFormulas';
import { BAND_COUNTS, BY_CATEGORY, TOTALS } from './industrySheet';
import { builtFormula, col, SheetCursor, text, type Cell, type Placement, type SheetPlan } from './plan';
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
  return ({ key }) => {
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
      case 'scenario': {
        const i = Number(a);
        if (b === 'adopterShare') return iff(gt(parties, num(0)), div(refs.scenarioResults.cell(RESULTS.adopters, i), parties), str(''));
        return refs.scenarioResults.cell(RESULTS[b as keyof typeof RESULTS], i);
      }
      case 'respondent': {
        const row = Number(a);
        if (b === 'costOverridden') {
          const cell = (k: number) => call('ISNUMBER', refs.costs.cell(k, row));
          return call('OR', cell(COSTS.overrideLow), cell(COSTS.overrideHigh), cell(COSTS.overrideOngoingLow), cell(COSTS.overrideOngoingHigh));
        }
        const [table, column] = RESPONDENT_CELLS[b as keyof typeof RESPONDENT_CELLS];
        return refs[table].cell(column, row);
      }
      case 'band':
        if (a === 'most') return refs.industry.mostBands.cell(1, { count: 0, ties: 1, label: 2 }[b as 'count' | 'ties' | 'label']);
        return refs.industry.bands.cell(b === 'label' ? BAND_COUNTS.label : BAND_COUNTS.count, Number(a));
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
      default:
        throw new Error(`the report quotes ${key}, which the workbook does not hold`);
    }
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
  // A cell's value is the text the engine gave it (the table's words), worked out again only for the sentence and notes.
  const cellOf = (l: Live, value = evaluate(l)): Cell => (typeof l === 'string' ? text(l) : builtFormula(() => liveFormula(l, resolve), value));
  const placed = tables.flatMap((t, i) => {
    const id = t.id.replace(/[^A-Za-z0-9]/g, '_');
    const body = cursor.place(t.rows.length, `Table ${i + 1}: ${t.title}`, `tblReport_${id}`, t.columns.map((c, j) => col(c.header, 'text', width([c.header, ...t.rows.map((r) => r[j] ?? '')]))));
    const words = [t.live.narrative, ...t.live.notes];
    const prose = cursor.place(words.length, undefined, `tblReportText_${id}`, [col(`Table ${i + 1}: sentence and notes`, 'text', PROSE_WIDTH)]);
    return [body.table(t.live.rows.map((r, k) => r.map((l, j) => cellOf(l, t.rows[k]![j])))), prose.table(words.map((w) => [cellOf(w)]))];
  });
  return { name: REPORT_SHEET, tables: placed };
}

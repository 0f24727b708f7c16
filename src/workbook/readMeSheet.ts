import type { ModelAssumptions } from '../model/costModel';
import type { MonteCarloResult } from '../model/monteCarlo';
import type { Analysis } from '../model/responseAnalysis';
import { col, date, num, SheetCursor, text, type Cell, type SheetPlan } from './plan';

export const READ_ME_SHEET = 'Read me';

/** Where a workbook came from: shown on its first sheet so any figure can be traced and reproduced. */
export interface WorkbookMeta {
  readonly sourceName: string;
  readonly sourceSha256: string;
  readonly engineVersion: string;
  /** ISO date the workbook was written. */
  readonly created: string;
}

export function readMeSheet(analysis: Analysis, a: ModelAssumptions, mc: MonteCarloResult, meta: WorkbookMeta, sheetNames: readonly string[]): SheetPlan {
  const { modification, title } = analysis.consultation;
  const rows: Cell[][] = [
    [text('What this is'), text(`The cost-benefit model of ${modification.id} ${modification.title}${title ? `, built from the ${title} responses` : ''}.`.replace(/\s+/g, ' '))],
    [text('How to use it'), text('Change the shaded cells on Assumptions, and the override columns on Costs and Lead times: every total, scenario result and date recalculates. The uncertainty figures are values: run the model again to refresh them.')],
    [text('Source document'), text(meta.sourceName)],
    [text('Source SHA-256'), text(meta.sourceSha256)],
    [text('Respondents'), num(analysis.results.length)],
    [text('Cost question'), analysis.roles.costQuestion === null ? text('not found') : num(analysis.roles.costQuestion)],
    [text('Lead-time question'), analysis.roles.leadTimeQuestion === null ? text('not found') : num(analysis.roles.leadTimeQuestion)],
    [text('Engine version'), text(meta.engineVersion)],
    [text('Written on'), date(meta.created)],
    [text('Monte Carlo seed'), num(mc.seed)],
    [text('Monte Carlo iterations'), num(mc.iterations)],
    [text('Decision date used'), date(a.timeline.decisionDate)],
    [text('Sheets'), text(sheetNames.join(', '))],
  ];
  const p = new SheetCursor(READ_ME_SHEET).place(rows.length, `${modification.id} cost model`.trim());
  return { name: READ_ME_SHEET, tables: [p.table({ name: 'tblReadMe', columns: [col('Item', 'text', 24), col('Value', 'text', 100)], rows })] };
}

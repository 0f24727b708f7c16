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

/** Items of the Read me table that a reopened workbook is read from. */
export const READ_ME_ITEMS = {
  modification: 'Modification',
  modificationTitle: 'Modification title',
  consultation: 'Consultation',
  sourceName: 'Source document',
  sourceSha256: 'Source SHA-256',
  costQuestion: 'Cost question',
  leadTimeQuestion: 'Lead-time question',
  written: 'Written on',
} as const;

export function readMeSheet(analysis: Analysis, a: ModelAssumptions, mc: MonteCarloResult, meta: WorkbookMeta, sheetNames: readonly string[]): SheetPlan {
  const { modification, title } = analysis.consultation;
  const rows: Cell[][] = [
    [text('What this is'), text(`The cost-benefit model of ${modification.id} ${modification.title}${title ? `, built from the ${title} responses` : ''}.`.replace(/\s+/g, ' '))],
    [text('How to use it'), text('Change the shaded cells on Assumptions, and the override columns on Costs and Lead times: every total, scenario result and date recalculates. The uncertainty figures are values: run the model again to refresh them.')],
    [text(READ_ME_ITEMS.modification), text(modification.id)],
    [text(READ_ME_ITEMS.modificationTitle), text(modification.title)],
    [text(READ_ME_ITEMS.consultation), text(title)],
    [text(READ_ME_ITEMS.sourceName), text(meta.sourceName)],
    [text(READ_ME_ITEMS.sourceSha256), text(meta.sourceSha256)],
    [text('Respondents'), num(analysis.results.length)],
    [text(READ_ME_ITEMS.costQuestion), analysis.roles.costQuestion === null ? text('not found') : num(analysis.roles.costQuestion)],
    [text(READ_ME_ITEMS.leadTimeQuestion), analysis.roles.leadTimeQuestion === null ? text('not found') : num(analysis.roles.leadTimeQuestion)],
    [text('Engine version'), text(meta.engineVersion)],
    [text(READ_ME_ITEMS.written), date(meta.created)],
    [text('Monte Carlo seed'), num(mc.seed)],
    [text('Monte Carlo iterations'), num(mc.iterations)],
    [text('Decision date used'), date(a.timeline.decisionDate)],
    [text('Sheets'), text(sheetNames.join(', '))],
  ];
  const p = new SheetCursor(READ_ME_SHEET).place(rows.length, `${modification.id} cost model`.trim());
  return { name: READ_ME_SHEET, tables: [p.table({ name: 'tblReadMe', columns: [col('Item', 'text', 24), col('Value', 'text', 100)], rows })] };
}

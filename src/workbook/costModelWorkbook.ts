import type { Finding } from '../model/consultation';
import { runModel, runUncertainty, type ModelAssumptions, type ModelResult } from '../model/costModel';
import type { MonteCarloResult } from '../model/monteCarlo';
import type { Analysis } from '../model/responseAnalysis';
import { reportTables, type ReportTable } from '../report/reportTables';
import { buildWorkbookPlan } from './liveWorkbook';
import type { WorkbookPlan } from './plan';
import type { WorkbookMeta } from './readMeSheet';

export type CostModelWorkbook =
  | { readonly ok: true; readonly model: ModelResult; readonly uncertainty: MonteCarloResult; readonly report: readonly ReportTable[]; readonly plan: WorkbookPlan }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Runs the engine and the simulation on an import, and builds the report tables and the workbook: the one path the CLI and the task pane share. */
export function costModelWorkbook(
  analysis: Analysis,
  findings: readonly Finding[],
  assumptions: ModelAssumptions,
  meta: WorkbookMeta,
  onProgress?: (done: number, total: number) => void,
): CostModelWorkbook {
  const run = runModel(analysis, assumptions);
  if (!run.ok) return run;
  const uncertainty = runUncertainty(analysis, assumptions, run.result.industry, onProgress);
  const report = reportTables({ analysis, assumptions, model: run.result, uncertainty });
  const plan = buildWorkbookPlan({ analysis, findings, assumptions, model: run.result, uncertainty, meta, report });
  return { ok: true, model: run.result, uncertainty, report, plan };
}

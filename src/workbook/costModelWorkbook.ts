import type { Finding } from '../model/consultation';
import { runModel, runUncertainty, type ModelAssumptions, type ModelResult } from '../model/costModel';
import type { MonteCarloResult } from '../model/monteCarlo';
import type { Analysis } from '../model/responseAnalysis';
import { reportTables, type ReportTable } from '../report/reportTables';
import { buildWorkbookPlan } from './liveWorkbook';
import type { WorkbookPlan } from './plan';
import type { WorkbookMeta } from './readMeSheet';

export type CostModelRun =
  | { readonly ok: true; readonly model: ModelResult; readonly uncertainty: MonteCarloResult; readonly report: readonly ReportTable[] }
  | { readonly ok: false; readonly problems: readonly string[] };

export type CostModelWorkbook = (CostModelRun & { readonly ok: true; readonly plan: WorkbookPlan }) | (CostModelRun & { readonly ok: false });

/** Runs the engine and the simulation, and builds the report tables. */
export function runCostModel(analysis: Analysis, assumptions: ModelAssumptions, onProgress?: (done: number, total: number) => void): CostModelRun {
  const run = runModel(analysis, assumptions);
  if (!run.ok) return run;
  const uncertainty = runUncertainty(analysis, assumptions, run.result.industry, onProgress);
  return { ok: true, model: run.result, uncertainty, report: reportTables({ analysis, assumptions, model: run.result, uncertainty }) };
}

/** The engine, the simulation, the report tables and the workbook: the one path the CLI and the task pane share. */
export function costModelWorkbook(
  analysis: Analysis,
  findings: readonly Finding[],
  assumptions: ModelAssumptions,
  meta: WorkbookMeta,
  onProgress?: (done: number, total: number) => void,
): CostModelWorkbook {
  const run = runCostModel(analysis, assumptions, onProgress);
  if (!run.ok) return run;
  const { model, uncertainty, report } = run;
  return { ...run, plan: buildWorkbookPlan({ analysis, findings, assumptions, model, uncertainty, meta, report }) };
}

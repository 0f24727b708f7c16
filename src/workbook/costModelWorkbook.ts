import type { Finding } from '../model/consultation';
import { runModel, runUncertainty, type ModelAssumptions, type ModelResult } from '../model/costModel';
import type { MonteCarloResult } from '../model/monteCarlo';
import type { Analysis } from '../model/responseAnalysis';
import { buildWorkbookPlan } from './liveWorkbook';
import type { WorkbookPlan } from './plan';
import type { WorkbookMeta } from './readMeSheet';

export type CostModelWorkbook =
  | { readonly ok: true; readonly model: ModelResult; readonly uncertainty: MonteCarloResult; readonly plan: WorkbookPlan }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Runs the engine and the simulation on an import, and builds the workbook: the one path the CLI and the task pane share. */
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
  const plan = buildWorkbookPlan({ analysis, findings, assumptions, model: run.result, uncertainty, meta });
  return { ok: true, model: run.result, uncertainty, plan };
}

import { resultBasis, type ResultBasis } from '../model/basis';
import { modelChecks, type Check } from '../model/checks';
import type { Finding } from '../model/consultation';
import { runModel, runUncertainty, type ModelAssumptions, type ModelResult } from '../model/costModel';
import { modelFindings } from '../model/modelFindings';
import { simulationCurrent, type MonteCarloResult } from '../model/monteCarlo';
import type { Analysis } from '../model/responseAnalysis';
import { reportTables, type ReportTable } from '../report/reportTables';
import { buildWorkbookPlan } from './liveWorkbook';
import type { WorkbookPlan } from './plan';
import type { WorkbookMeta } from './readMeSheet';

/** What a run says about its own figures: what they rest on, the checks, and the report built from them. */
export interface Assessment {
  readonly basis: ResultBasis;
  readonly checks: readonly Check[];
  /** What the model found once it knew the decision date and the calendar (a release already past…). */
  readonly findings: readonly Finding[];
  readonly report: readonly ReportTable[];
}

export type CostModelRun =
  | ({ readonly ok: true; readonly model: ModelResult; readonly uncertainty: MonteCarloResult } & Assessment)
  | { readonly ok: false; readonly problems: readonly string[] };

export type CostModelWorkbook = (CostModelRun & { readonly ok: true; readonly plan: WorkbookPlan }) | (CostModelRun & { readonly ok: false });

/** The basis, checks, findings and report of a model run beside a simulation (which may be older than the inputs). */
export function assess(analysis: Analysis, assumptions: ModelAssumptions, model: ModelResult, uncertainty: MonteCarloResult): Assessment {
  const basis = resultBasis(analysis, assumptions, model);
  const checks = modelChecks(analysis, assumptions, model, simulationCurrent(uncertainty, model.industry.total));
  return { basis, checks, findings: modelFindings(analysis, assumptions, model), report: reportTables({ analysis, assumptions, model, uncertainty, basis, checks }) };
}

/** Runs the engine and the simulation, and assesses the result. */
export function runCostModel(analysis: Analysis, assumptions: ModelAssumptions, onProgress?: (done: number, total: number) => void): CostModelRun {
  const run = runModel(analysis, assumptions);
  if (!run.ok) return run;
  const uncertainty = runUncertainty(analysis, assumptions, run.result.industry, onProgress);
  return { ok: true, model: run.result, uncertainty, ...assess(analysis, assumptions, run.result, uncertainty) };
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
  return run.ok ? { ...run, plan: runWorkbookPlan(analysis, findings, assumptions, meta, run) } : run;
}

/** The workbook of a model run. */
export function runWorkbookPlan(analysis: Analysis, findings: readonly Finding[], assumptions: ModelAssumptions, meta: WorkbookMeta, run: CostModelRun & { readonly ok: true }): WorkbookPlan {
  const { model, uncertainty, basis, checks, report } = run;
  return buildWorkbookPlan({ analysis, findings: withModelFindings(findings, run.findings), assumptions, model, uncertainty, basis, checks, meta, report });
}

/** The reader's findings and the model's, each once: a workbook taken up again already lists the model's. */
export function withModelFindings(read: readonly Finding[], model: readonly Finding[]): Finding[] {
  const key = (f: Finding) => `${f.line}\u0000${f.text}\u0000${f.message}`;
  const seen = new Set(read.map(key));
  return [...read, ...model.filter((f) => !seen.has(key(f)))];
}

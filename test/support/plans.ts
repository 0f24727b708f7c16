import { importText } from '../../src/import/importText';
import { isoDate } from '../../src/model/calendarDates';
import { defaultAssumptions, runModel, type ModelAssumptions } from '../../src/model/costModel';
import { assess, costModelWorkbook } from '../../src/workbook/costModelWorkbook';
import { buildWorkbookPlan } from '../../src/workbook/liveWorkbook';
import type { Cell, WorkbookPlan } from '../../src/workbook/plan';

export const DECISION = isoDate('2027-03-01')!;
export const META = { sourceName: 'test', sourceSha256: '0'.repeat(64), engineVersion: 'test', created: '2027-03-01' };

/** The whole live workbook for a document, with default assumptions (decision 1 March 2027) adjusted by `change`. */
export function livePlan(text: string, change: (a: ModelAssumptions) => ModelAssumptions = (a) => a) {
  const read = importText(text, 'doc');
  const assumptions = change(defaultAssumptions(read.analysis, DECISION));
  const built = costModelWorkbook(read.analysis, read.findings, { ...assumptions, monteCarlo: { ...assumptions.monteCarlo, iterations: 500 } }, META);
  if (!built.ok) throw new Error(built.problems.join('; '));
  return { ...built, analysis: read.analysis, assumptions };
}

/** The plan with one input cell changed, as a modeller types over it in the workbook; formulas keep their old values. */
export function withInput(plan: WorkbookPlan, table: string, row: number, col: number, value: Cell): WorkbookPlan {
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      ...s,
      tables: s.tables.map((t) => (t.name !== table ? t : { ...t, rows: t.rows.map((r, i) => (i !== row ? r : r.map((c, j) => (j === col ? value : c)))) })),
    })),
  };
}

/**
 * What the engine says the workbook should show after the modeller changes `change` in its cells:
 * every formula recomputed, but the simulation left as it ran before (a set of values).
 */
export function afterEdit(text: string, change: (a: ModelAssumptions) => ModelAssumptions) {
  const before = livePlan(text);
  const assumptions = change(before.assumptions);
  const run = runModel(before.analysis, { ...assumptions, monteCarlo: { ...assumptions.monteCarlo, iterations: 500 } });
  if (!run.ok) throw new Error(run.problems.join('; '));
  const model = run.result;
  const assessment = assess(before.analysis, assumptions, model, before.uncertainty);
  const read = importText(text, 'doc');
  const { basis, checks, report } = assessment;
  const plan = buildWorkbookPlan({ analysis: before.analysis, findings: [...read.findings, ...assessment.findings], assumptions, model, uncertainty: before.uncertainty, meta: META, basis, checks, report });
  return { before, plan, assessment };
}

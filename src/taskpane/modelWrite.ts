import { fromDate } from '../model/calendarDates';
import { defaultAssumptions, type ModelAssumptions } from '../model/costModel';
import { reportExport, type ReportExport } from '../report/reportTables';
import { ENGINE_VERSION } from '../version';
import { costModelWorkbook } from '../workbook/costModelWorkbook';
import { WorkbookRefusal, type WorkbookHost, type WriteReport } from '../workbook/host';
import { carryForward, changeReport, INPUT_TABLES } from '../workbook/readBack';
import { renameSheets } from '../workbook/renameSheets';
import { modelNow, takeUpSnapshot, type ModelNow, type ModelProblems, type ModelSource, type ModelTakenUp } from '../workbook/takeUp';

export interface ModelWritten {
  readonly report: WriteReport;
  /** What was kept from the workbook and what moved, in words for the modeller. */
  readonly notes: readonly string[];
  readonly export: ReportExport;
  readonly assumptions: ModelAssumptions;
  /** The sheet names written under, to write under again. */
  readonly renames: Readonly<Record<string, string>>;
}

/**
 * Builds the model workbook from the document and what the workbook holds now (its assumptions
 * and overrides, read back), changed by `adjust`, and writes it in one go. Used by an import and
 * by a change of the workbook's shape (the release calendar). Throws WorkbookRefusal, with
 * nothing written, when the model cannot run.
 */
export async function writeModel(host: WorkbookHost, source: ModelSource, adjust: (a: ModelAssumptions) => ModelAssumptions): Promise<ModelWritten> {
  const today = fromDate(new Date());
  const { analysis } = source;
  // The inputs alone: the rest is rebuilt from the document.
  const snapshot = await host.readSnapshot(INPUT_TABLES);
  const defaults = defaultAssumptions(analysis, today);
  const carried = snapshot ? carryForward(snapshot, analysis, defaults) : null;
  const assumptions = adjust(carried?.assumptions ?? defaults);
  const built = costModelWorkbook(analysis, source.findings, assumptions, {
    sourceName: source.sourceName,
    sourceSha256: source.sourceSha256,
    engineVersion: ENGINE_VERSION,
    created: today,
  });
  if (!built.ok) throw new WorkbookRefusal(`The model cannot run: ${built.problems.join('; ')}`);
  const write = (renames: Readonly<Record<string, string>>) => host.writePlan(renameSheets(built.plan, renames));
  let renames = source.renames;
  let report: WriteReport;
  try {
    report = await write(renames);
  } catch (e) {
    // The model already sits beside the user's sheets under names the add-in gave it (a pane that
    // took the workbook up cannot know them): write there again.
    if (!(e instanceof WorkbookRefusal && e.renames && e.renamesAreOurs)) throw e;
    renames = e.renames;
    report = await write(renames);
  }
  return {
    report,
    renames,
    notes: snapshot && carried ? [...carried.report, ...changeReport(snapshot, analysis)] : [],
    export: reportExport(analysis, built.report),
    assumptions,
  };
}

/** The model the workbook holds, taken up when the pane opens; null when it holds none. */
export async function takeUpWorkbook(host: WorkbookHost): Promise<ModelTakenUp | ModelProblems | null> {
  const snapshot = await host.readSnapshot();
  return snapshot && takeUpSnapshot(snapshot, fromDate(new Date()));
}

/** The model as the workbook's cells hold it now (after an edit in the sheet or the pane); null when its tables are gone. */
export async function readModelNow(host: WorkbookHost, source: ModelSource, fallback: ModelAssumptions): Promise<ModelNow | ModelProblems | null> {
  // Read on every edit: the inputs alone, not the answers.
  const snapshot = await host.readSnapshot(INPUT_TABLES);
  return snapshot && modelNow(snapshot, source.analysis, fallback);
}

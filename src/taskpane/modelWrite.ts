import type { Finding } from '../model/consultation';
import { fromDate, type IsoDate } from '../model/calendarDates';
import { defaultAssumptions, type ModelAssumptions } from '../model/costModel';
import { analyseConsultation, type Analysis } from '../model/responseAnalysis';
import { reportHeading, type ReportTable } from '../report/reportTables';
import { ENGINE_VERSION } from '../version';
import { costModelWorkbook, runCostModel } from '../workbook/costModelWorkbook';
import { WorkbookRefusal, type WorkbookHost, type WriteReport } from '../workbook/host';
import { carryForward, changeReport, INPUT_TABLES, type WorkbookSnapshot } from '../workbook/readBack';
import { renameSheets } from '../workbook/renameSheets';
import { reopenWorkbook } from '../workbook/reopen';
import type { ReportExport } from './ExportPanel';

/** What a model workbook is built from: the read document and where it came from. */
export interface ModelSource {
  readonly analysis: Analysis;
  readonly findings: readonly Finding[];
  readonly sourceName: string;
  readonly sourceSha256: string;
  /** Sheets written under other names, beside the user's own sheets of those names. */
  readonly renames: Readonly<Record<string, string>>;
}

/** A model the workbook already holds, taken up when the pane opens. */
export interface ModelTakenUp extends ModelNow {
  readonly source: ModelSource;
  /** When the workbook was written, as its Read me says. */
  readonly written: IsoDate | null;
}

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

/** The engine's problems with the workbook's cells as they stand. */
export interface ModelProblems {
  readonly problems: readonly string[];
}

/** What the workbook's input cells hold now, run through the engine: its assumptions and report. */
export interface ModelNow {
  readonly assumptions: ModelAssumptions;
  readonly export: ReportExport;
}

/**
 * The model a workbook written earlier holds (by this pane or the CLI), rebuilt from its own
 * sheets so its assumptions, timeline and report can be worked on without the document. Null
 * when the workbook holds no model.
 */
export async function takeUpWorkbook(host: WorkbookHost): Promise<ModelTakenUp | ModelProblems | null> {
  const snapshot = await host.readSnapshot();
  const reopened = snapshot && reopenWorkbook(snapshot);
  if (!snapshot || !reopened) return null;
  const analysis = analyseConsultation(reopened.consultation, reopened.roles);
  const now = modelNow(snapshot, analysis, defaultAssumptions(analysis, fromDate(new Date())));
  if ('problems' in now) return now;
  return {
    ...now,
    source: { analysis, findings: reopened.findings, sourceName: reopened.sourceName, sourceSha256: reopened.sourceSha256, renames: reopened.renames },
    written: reopened.written,
  };
}

/** The model as the workbook's cells hold it now (after an edit in the sheet or the pane); null when its tables are gone. */
export async function readModelNow(host: WorkbookHost, source: ModelSource, fallback: ModelAssumptions): Promise<ModelNow | ModelProblems | null> {
  // Read on every edit: the inputs alone, not the answers.
  const snapshot = await host.readSnapshot(INPUT_TABLES);
  return snapshot && modelNow(snapshot, source.analysis, fallback);
}

function modelNow(snapshot: WorkbookSnapshot, analysis: Analysis, fallback: ModelAssumptions): ModelNow | ModelProblems {
  const { assumptions } = carryForward(snapshot, analysis, fallback);
  const run = runCostModel(analysis, assumptions);
  return run.ok ? { assumptions, export: reportExport(analysis, run.report) } : { problems: run.problems };
}

function reportExport(analysis: Analysis, tables: readonly ReportTable[]): ReportExport {
  const { modification } = analysis.consultation;
  return { tables, heading: reportHeading(modification), stem: modification.id || 'consultation' };
}

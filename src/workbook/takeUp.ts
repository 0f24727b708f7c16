import type { IsoDate } from '../model/calendarDates';
import type { Finding } from '../model/consultation';
import { defaultAssumptions, type ModelAssumptions } from '../model/costModel';
import { analyseConsultation, type Analysis } from '../model/responseAnalysis';
import { reportExport, type ReportExport } from '../report/reportTables';
import { runCostModel } from './costModelWorkbook';
import { carryForward, type WorkbookSnapshot } from './readBack';
import { reopenWorkbook } from './reopen';

/** What a model workbook is built from: the read document and where it came from. */
export interface ModelSource {
  readonly analysis: Analysis;
  readonly findings: readonly Finding[];
  readonly sourceName: string;
  readonly sourceSha256: string;
  /** Sheets written under other names, beside the user's own sheets of those names. */
  readonly renames: Readonly<Record<string, string>>;
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

/** A model a workbook already holds, taken up by the Excel pane when it opens or by the Word pane to refresh a report. */
export interface ModelTakenUp extends ModelNow {
  readonly source: ModelSource;
  /** When the workbook was written, as its Read me says. */
  readonly written: IsoDate | null;
}

/**
 * The model a workbook written earlier holds (by the add-in or the CLI), rebuilt from its own
 * sheets so its assumptions, timeline and report can be worked on without the document. Null
 * when the workbook holds no model.
 */
export function takeUpSnapshot(snapshot: WorkbookSnapshot, today: IsoDate): ModelTakenUp | ModelProblems | null {
  const reopened = reopenWorkbook(snapshot);
  if (!reopened) return null;
  const analysis = analyseConsultation(reopened.consultation, reopened.roles);
  const now = modelNow(snapshot, analysis, defaultAssumptions(analysis, today));
  if ('problems' in now) return now;
  return {
    ...now,
    source: { analysis, findings: reopened.findings, sourceName: reopened.sourceName, sourceSha256: reopened.sourceSha256, renames: reopened.renames },
    written: reopened.written,
  };
}

/** The model as a workbook's input cells hold it, run through the engine. */
export function modelNow(snapshot: WorkbookSnapshot, analysis: Analysis, fallback: ModelAssumptions): ModelNow | ModelProblems {
  const { assumptions } = carryForward(snapshot, analysis, fallback);
  const run = runCostModel(analysis, assumptions);
  return run.ok ? { assumptions, export: reportExport(analysis, run.report) } : { problems: run.problems };
}

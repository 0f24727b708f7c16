import type { Finding } from '../model/consultation';
import { fromDate } from '../model/calendarDates';
import { defaultAssumptions, type ModelAssumptions } from '../model/costModel';
import type { Analysis } from '../model/responseAnalysis';
import { reportHeading } from '../report/reportTables';
import { ENGINE_VERSION } from '../version';
import { costModelWorkbook } from '../workbook/costModelWorkbook';
import { WorkbookRefusal, type WorkbookHost, type WriteReport } from '../workbook/host';
import { carryForward, changeReport } from '../workbook/readBack';
import { renameSheets } from '../workbook/renameSheets';
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

export interface ModelWritten {
  readonly report: WriteReport;
  /** What was kept from the workbook and what moved, in words for the modeller. */
  readonly notes: readonly string[];
  readonly export: ReportExport;
  readonly assumptions: ModelAssumptions;
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
  const snapshot = await host.readSnapshot();
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
  const { modification } = analysis.consultation;
  return {
    report: await host.writePlan(renameSheets(built.plan, source.renames)),
    notes: snapshot && carried ? [...carried.report, ...changeReport(snapshot, analysis)] : [],
    export: { tables: built.report, heading: reportHeading(modification), stem: modification.id || 'consultation' },
    assumptions,
  };
}

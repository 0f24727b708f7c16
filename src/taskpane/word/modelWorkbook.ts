import { fromDate } from '../../model/calendarDates';
import type { ReportExport } from '../../report/reportTables';
import type { ReportPieces } from '../../report/reportPieces';
import { takeUpSnapshot } from '../../workbook/takeUp';

/** A model workbook chosen in the Word pane: its report, ready to put into the document. */
export interface ChosenModel {
  readonly fileName: string;
  readonly report: ReportExport;
  readonly pieces: ReportPieces;
  /** When the workbook says it was written, and when the pane read it. */
  readonly written: string | null;
  readonly readAt: Date;
  /** The decision date the model's timeline runs from, as the workbook holds it. */
  readonly decisionDate: string;
}

/**
 * Reads a model workbook (.xlsx) the add-in or the CLI wrote, as the Excel pane takes one up: the
 * model is rebuilt from its own sheets and run, and its report rendered. A workbook that is not
 * one, holds no model, or whose cells stop the model gives the reason instead. The spreadsheet and
 * Word writers are large: they load here, when a workbook is first chosen.
 */
export async function readModelWorkbook(fileName: string, bytes: Uint8Array, now = new Date()): Promise<ChosenModel | { readonly error: string }> {
  const [{ readXlsxSnapshot }, { renderDocx }, { reportPieces }] = await Promise.all([
    import('../../workbook/xlsxSnapshot'),
    import('../../report/renderDocx'),
    import('../../report/reportPieces'),
  ]);
  let snapshot;
  try {
    snapshot = await readXlsxSnapshot(bytes);
  } catch {
    return { error: `${fileName} could not be opened as an Excel workbook (.xlsx).` };
  }
  const taken = takeUpSnapshot(snapshot, fromDate(now));
  if (!taken) return { error: `${fileName} holds no cost model (no Responses and Read me sheets): choose a workbook the cost model wrote.` };
  if ('problems' in taken) return { error: `The model in ${fileName} cannot run as its cells stand: ${taken.problems.join('; ')}.` };
  const report = taken.export;
  const pieces = await reportPieces(await renderDocx(report.tables, report.heading));
  return { fileName, report, pieces, written: taken.written, readAt: now, decisionDate: taken.assumptions.timeline.decisionDate };
}

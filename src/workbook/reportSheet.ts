import type { ReportTable } from '../report/reportTables';
import { col, SheetCursor, text, type SheetPlan } from './plan';

export const REPORT_SHEET = 'Report tables';

/** The report's tables as the export writes them (values, stamped), for copying into a document. */
export function reportSheet(tables: readonly ReportTable[]): SheetPlan {
  const cursor = new SheetCursor(REPORT_SHEET);
  const placed = tables.map((t, i) => cursor.place(t.rows.length, `Table ${i + 1}: ${t.title}`));
  const widths = [34, 22, 22, 16, 16, 12, 16, 24];
  return {
    name: REPORT_SHEET,
    tables: tables.map((t, i) =>
      placed[i]!.table({
        name: `tblReport_${t.id.replace(/[^A-Za-z0-9]/g, '_')}`,
        columns: t.columns.map((c, j) => col(c.header, 'text', widths[j] ?? 16)),
        rows: t.rows.map((r) => r.map(text)),
      }),
    ),
    notes: ['These tables are values as the report export writes them: export again after changing assumptions.', ...tables.map((t, i) => `Table ${i + 1}: ${t.narrative}`)],
  };
}

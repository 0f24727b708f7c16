import ExcelJS from 'exceljs';
import { FORMAT_CODES, planProblems, type Cell, type WorkbookPlan } from '../workbook/plan';

/** Writes a workbook plan as an .xlsx file's bytes. Text cells are strings, so nothing typed by a respondent becomes a formula. */
export async function planToXlsx(plan: WorkbookPlan, meta: { creator: string; created: Date }): Promise<Buffer> {
  const problems = planProblems(plan);
  if (problems.length) throw new Error(`the workbook plan cannot be written: ${problems.join('; ')}`);
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.creator;
  wb.created = meta.created;
  wb.modified = meta.created;
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const { table } = sheet;
    const rows = table.rows.length ? table.rows.map((r) => r.map(cellValue)) : [table.columns.map(() => null)];
    ws.addTable({
      name: table.name,
      ref: 'A1',
      headerRow: true,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: table.columns.map((c) => ({ name: c.header, filterButton: true })),
      rows,
    });
    table.columns.forEach((c, i) => {
      const column = ws.getColumn(i + 1);
      column.width = c.width;
      column.numFmt = FORMAT_CODES[c.format];
      if (c.format === 'text') column.alignment = { vertical: 'top', wrapText: c.width >= 40 };
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellValue(cell: Cell): string | number | null {
  return cell.t === 'empty' ? null : cell.v;
}

import ExcelJS from 'exceljs';
import { excelSerial } from './plan';
import { headerKey, SNAPSHOT_TABLES, type WorkbookSnapshot } from './readBack';

/**
 * Reads the tables of an .xlsx the project wrote (and a modeller edited): values, with dates as
 * serial numbers. Used by the CLI (--from) and by the Word pane (a model workbook picked to
 * refresh a report), in Node and in the browser alike.
 */
export async function readXlsxSnapshot(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const tables: Record<string, unknown[][]> = {};
  const sheets: Record<string, string> = {};
  wb.eachSheet((ws) => {
    for (const table of ws.getTables() as unknown as Array<{ name: string; table: { tableRef: string } }>) {
      if (!(SNAPSHOT_TABLES as readonly string[]).includes(table.name)) continue;
      const [from, to] = table.table.tableRef.split(':') as [string, string];
      const start = ws.getCell(from);
      const end = ws.getCell(to);
      const rows: unknown[][] = [];
      for (let r = Number(start.row); r <= Number(end.row); r++) {
        const row: unknown[] = [];
        for (let c = Number(start.col); c <= Number(end.col); c++) row.push(plainValue(ws.getCell(r, c).value));
        rows.push(row);
      }
      tables[table.name] = rows.slice(1);
      tables[headerKey(table.name)] = rows.slice(0, 1);
      sheets[table.name] = ws.name;
    }
  });
  return { tables, sheets };
}

/** A cell's value as a spreadsheet holds it: a formula's result, a date's serial number, rich text's text. */
function plainValue(v: ExcelJS.CellValue): unknown {
  if (v instanceof Date) return excelSerial(v.toISOString().slice(0, 10));
  if (v && typeof v === 'object') {
    if ('result' in v) return plainValue(v.result as ExcelJS.CellValue);
    if ('formula' in v) return '';
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return v.text;
  }
  return v ?? '';
}

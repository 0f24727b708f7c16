import ExcelJS from 'exceljs';
import { excelSerial } from './plan';
import { headerKey, SNAPSHOT_TABLES, type WorkbookSnapshot } from './readBack';

/**
 * Reads the tables of an .xlsx the project wrote (and a modeller edited): values, with dates as
 * serial numbers. Used by the CLI (--from) and by the Word pane (a model workbook chosen to
 * refresh a report), in Node and in the browser alike.
 */
export async function readXlsxSnapshot(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const tables: Record<string, unknown[][]> = {};
  const sheets: Record<string, string> = {};
  const origins: Record<string, { row: number; col: number }> = {};
  wb.eachSheet((ws) => {
    // Read before any getCell, which would make the cells it asks for.
    const [lastRow, lastCol] = [ws.rowCount, ws.columnCount];
    for (const table of ws.getTables() as unknown as Array<{ name: string; table: { tableRef: string } }>) {
      if (!(SNAPSHOT_TABLES as readonly string[]).includes(table.name)) continue;
      const [from, to] = table.table.tableRef.split(':').map(cellIndex) as [CellIndex, CellIndex];
      const rows: unknown[][] = [];
      // A table's range may claim the whole sheet: past the sheet's last used cell there is nothing to read.
      for (let r = from.row; r <= Math.min(to.row, lastRow); r++) {
        const row: unknown[] = [];
        for (let c = from.col; c <= Math.min(to.col, lastCol); c++) row.push(plainValue(ws.getCell(r, c).value));
        rows.push(row);
      }
      tables[table.name] = rows.slice(1);
      tables[headerKey(table.name)] = rows.slice(0, 1);
      sheets[table.name] = ws.name;
      origins[table.name] = { row: from.row - 1, col: from.col - 1 };
    }
  });
  return { tables, sheets, origins };
}

interface CellIndex {
  readonly row: number;
  readonly col: number;
}

/** An A1 address's row and column, from 1. */
function cellIndex(address: string): CellIndex {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(address.trim().toUpperCase());
  if (!m) throw new Error(`a table's range has a cell "${address}" that is not an A1 address`);
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

/** Excel's serial number of 1970-01-01, where JavaScript's time starts. */
const EXCEL_EPOCH_SERIAL = excelSerial('1970-01-01');

/** A cell's value as a spreadsheet holds it: a formula's result, a date's serial number, rich text's text. */
function plainValue(v: ExcelJS.CellValue): unknown {
  // Whole days from the time itself: a date past year 9999 has no ISO form to go through.
  if (v instanceof Date) return Math.floor(v.getTime() / 86_400_000) + EXCEL_EPOCH_SERIAL;
  if (v && typeof v === 'object') {
    if ('result' in v) return plainValue(v.result as ExcelJS.CellValue);
    if ('formula' in v) return '';
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return v.text;
  }
  return v ?? '';
}

import ExcelJS from 'exceljs';

/** One cell of a named table: by its column heading, and the row whose first cell is `key` (or the body row, from 0). */
export interface CellEdit {
  readonly table: string;
  readonly key: string | number;
  readonly column: string;
  readonly value: ExcelJS.CellValue;
}

/** A person editing the workbook in a spreadsheet: cells of named tables, by header and first-column key. */
export async function edit(bytes: Uint8Array, edits: readonly CellEdit[], also?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  for (const e of edits) {
    let done = false;
    wb.eachSheet((ws) => {
      const table = (ws.getTables() as unknown as Array<{ name: string; table: { tableRef: string } }>).find((t) => t.name === e.table);
      if (!table) return;
      const [from, to] = table.table.tableRef.split(':') as [string, string];
      const top = ws.getCell(from);
      const bottom = ws.getCell(to);
      let col = 0;
      for (let c = Number(top.col); c <= Number(bottom.col); c++) if (ws.getCell(Number(top.row), c).value === e.column) col = c;
      for (let r = Number(top.row) + 1; r <= Number(bottom.row); r++) {
        const hit = typeof e.key === 'number' ? r - Number(top.row) - 1 === e.key : ws.getCell(r, Number(top.col)).value === e.key;
        if (hit && col) {
          ws.getCell(r, col).value = e.value;
          done = true;
        }
      }
    });
    if (!done) throw new Error(`no cell ${e.table} ${e.key} ${e.column}`);
  }
  also?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

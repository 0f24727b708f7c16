import ExcelJS from 'exceljs';

export interface ReadSheet {
  readonly rows: unknown[][];
  readonly tables: string[];
  readonly formulas: string[];
  readonly numFmt: (row: number, col: number) => string | undefined;
  readonly state: string;
  readonly conditional: Array<{ ref: string; formula: string | undefined }>;
}

/** Reads back what a writer produced: values per sheet (header first), table names and any formula cells. */
export async function readXlsx(bytes: Uint8Array): Promise<Map<string, ReadSheet>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheets = new Map<string, ReadSheet>();
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    const formulas: string[] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas.push(`${cell.address}: ${cell.formula}`);
        values[c - 1] = cell.value;
      });
      rows[n - 1] = values;
    });
    const tables = Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables ?? {});
    const loaded = ws as unknown as { conditionalFormattings?: Array<{ ref: string; rules: Array<{ formulae?: string[] }> }> };
    const conditional = (loaded.conditionalFormattings ?? []).map((c) => ({ ref: c.ref, formula: c.rules[0]?.formulae?.[0] }));
    sheets.set(ws.name, { rows, tables, formulas, numFmt: (row, col) => ws.getCell(row, col).numFmt, state: ws.state, conditional });
  });
  return sheets;
}

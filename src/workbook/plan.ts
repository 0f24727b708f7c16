/**
 * A workbook plan: what the add-in and the CLI write, described once as data. Writers (office-js,
 * xlsx) apply it; tests read it. Text from documents is always a `text` cell: writers must store it
 * as text, never as a formula.
 */

export type Cell =
  | { readonly t: 'text'; readonly v: string }
  | { readonly t: 'number'; readonly v: number }
  /** A calendar date, ISO "2027-03-01"; writers store it as an Excel date. */
  | { readonly t: 'date'; readonly v: string }
  | { readonly t: 'empty' };

export type CellFormat = 'text' | 'gbp' | 'months' | 'integer' | 'date' | 'percent' | 'ratio';

/** Excel number-format codes for each cell format. */
export const FORMAT_CODES: Readonly<Record<CellFormat, string>> = {
  text: '@',
  gbp: '£#,##0;-£#,##0',
  months: '0.0',
  integer: '#,##0',
  date: 'd mmm yyyy',
  percent: '0.0%',
  ratio: '0.00',
};

export interface Column {
  readonly header: string;
  readonly format: CellFormat;
  /** Width in characters. */
  readonly width: number;
}

export interface TablePlan {
  /** Excel table name: letters, digits and underscores, unique in the workbook. */
  readonly name: string;
  /** A heading written in the row above the table. */
  readonly title?: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

export interface SheetPlan {
  readonly name: string;
  /** Tables one below another, from A1, a blank row between them. */
  readonly tables: readonly TablePlan[];
  /** Lines of text under the last table (method, stamps, sources). */
  readonly notes?: readonly string[];
}

export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
}

export const col = (header: string, format: CellFormat, width: number): Column => ({ header, format, width });
export const text = (v: string): Cell => ({ t: 'text', v });
export const num = (v: number | null | undefined): Cell => (v === null || v === undefined ? { t: 'empty' } : { t: 'number', v });
export const empty: Cell = { t: 'empty' };
export const date = (v: string | null | undefined): Cell => (v ? { t: 'date', v } : { t: 'empty' });

/** Problems that make a plan unwritable; checked before anything is written. Empty when it is sound. */
export function planProblems(plan: WorkbookPlan): string[] {
  const problems: string[] = [];
  const sheetNames = new Set<string>();
  const tableNames = new Set<string>();
  for (const sheet of plan.sheets) {
    if (!/^[^[\]:*?/\\']{1,31}$/.test(sheet.name)) problems.push(`sheet name "${sheet.name}" is not allowed in Excel`);
    if (sheetNames.has(sheet.name.toLowerCase())) problems.push(`sheet "${sheet.name}" appears twice`);
    sheetNames.add(sheet.name.toLowerCase());
    if (sheet.tables.length === 0) problems.push(`sheet "${sheet.name}" has no table`);
    for (const t of sheet.tables) problems.push(...tableProblems(t, tableNames));
  }
  return problems;
}

function tableProblems(t: TablePlan, tableNames: Set<string>): string[] {
  const problems: string[] = [];
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,254}$/.test(t.name) || /^[A-Za-z]{1,3}\d+$/.test(t.name)) problems.push(`table name "${t.name}" is not allowed in Excel`);
  if (tableNames.has(t.name.toLowerCase())) problems.push(`table "${t.name}" appears twice`);
  tableNames.add(t.name.toLowerCase());
  const headers = new Set(t.columns.map((c) => c.header.toLowerCase()));
  if (headers.size !== t.columns.length) problems.push(`table "${t.name}" has two columns with the same heading`);
  t.rows.forEach((row, i) => {
    if (row.length !== t.columns.length) problems.push(`table "${t.name}" row ${i + 1} has ${row.length} cells for ${t.columns.length} columns`);
    row.forEach((cell, j) => {
      const where = `table "${t.name}" row ${i + 1} column ${j + 1}`;
      if (cell.t === 'text' && cell.v.length > 32767) problems.push(`${where} is longer than an Excel cell holds`);
      if (cell.t === 'number' && !Number.isFinite(cell.v)) problems.push(`${where} is not a finite number`);
      if (cell.t === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(cell.v)) problems.push(`${where} is not an ISO date`);
    });
  });
  return problems;
}

/** Column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Where a sheet's pieces go; rows are 0-based. */
export interface SheetLayout {
  readonly tables: ReadonlyArray<{
    readonly table: TablePlan;
    readonly titleRow: number | null;
    readonly headerRow: number;
    /** The header and body, e.g. "A3:H9". */
    readonly address: string;
    /** The body to write: the rows, or one empty row, since an Excel table has at least one. */
    readonly body: readonly (readonly Cell[])[];
  }>;
  readonly notesRow: number;
  /** Widest width asked for each column across the sheet's tables. */
  readonly widths: readonly number[];
}

export function sheetLayout(sheet: SheetPlan): SheetLayout {
  let row = 0;
  const widths: number[] = [];
  const tables = sheet.tables.map((table) => {
    const titleRow = table.title ? row++ : null;
    const headerRow = row;
    const body = table.rows.length ? table.rows : [table.columns.map((): Cell => ({ t: 'empty' }))];
    row += body.length + 2;
    table.columns.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.width)));
    const address = `A${headerRow + 1}:${columnLetters(table.columns.length - 1)}${headerRow + body.length + 1}`;
    return { table, titleRow, headerRow, address, body };
  });
  return { tables, notesRow: row, widths };
}

/** The number format a cell is written with: its column's, except dates, and numbers in a text column. */
export function cellFormatCode(cell: Cell, column: Column): string {
  if (cell.t === 'date') return FORMAT_CODES.date;
  if (cell.t === 'number' && column.format === 'text') return 'General';
  return FORMAT_CODES[column.format];
}

/** ISO date to Excel's serial day number (1900 date system; 1 = 1 January 1900, with Excel's 1900 leap-year quirk). */
export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

/**
 * A workbook plan: what the add-in and the CLI write, described once as data. Writers (office-js,
 * xlsx) apply it; tests read it. Text from documents is always a `text` cell: writers must store it
 * as text, never as a formula.
 */

export type Cell =
  | { readonly t: 'text'; readonly v: string }
  | { readonly t: 'number'; readonly v: number }
  | { readonly t: 'empty' };

export type CellFormat = 'text' | 'gbp' | 'months' | 'integer';

/** Excel number-format codes for each cell format. */
export const FORMAT_CODES: Readonly<Record<CellFormat, string>> = {
  text: '@',
  gbp: '£#,##0',
  months: '0.0',
  integer: '0',
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
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

export interface SheetPlan {
  readonly name: string;
  /** One table, its header row at A1, frozen. */
  readonly table: TablePlan;
}

export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
}

export const text = (v: string): Cell => ({ t: 'text', v });
export const num = (v: number | null | undefined): Cell => (v === null || v === undefined ? { t: 'empty' } : { t: 'number', v });
export const empty: Cell = { t: 'empty' };

/** Problems that make a plan unwritable; checked before anything is written. Empty when it is sound. */
export function planProblems(plan: WorkbookPlan): string[] {
  const problems: string[] = [];
  const sheetNames = new Set<string>();
  const tableNames = new Set<string>();
  for (const sheet of plan.sheets) {
    if (!/^[^[\]:*?/\\']{1,31}$/.test(sheet.name)) problems.push(`sheet name "${sheet.name}" is not allowed in Excel`);
    if (sheetNames.has(sheet.name.toLowerCase())) problems.push(`sheet "${sheet.name}" appears twice`);
    sheetNames.add(sheet.name.toLowerCase());
    const t = sheet.table;
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,254}$/.test(t.name) || /^[A-Za-z]{1,3}\d+$/.test(t.name)) problems.push(`table name "${t.name}" is not allowed in Excel`);
    if (tableNames.has(t.name.toLowerCase())) problems.push(`table "${t.name}" appears twice`);
    tableNames.add(t.name.toLowerCase());
    const headers = new Set(t.columns.map((c) => c.header.toLowerCase()));
    if (headers.size !== t.columns.length) problems.push(`table "${t.name}" has two columns with the same heading`);
    t.rows.forEach((row, i) => {
      if (row.length !== t.columns.length) problems.push(`table "${t.name}" row ${i + 1} has ${row.length} cells for ${t.columns.length} columns`);
      row.forEach((cell, j) => {
        if (cell.t === 'text' && cell.v.length > 32767) problems.push(`table "${t.name}" row ${i + 1} column ${j + 1} is longer than an Excel cell holds`);
        if (cell.t === 'number' && !Number.isFinite(cell.v)) problems.push(`table "${t.name}" row ${i + 1} column ${j + 1} is not a finite number`);
      });
    });
  }
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

/** The A1 address of a table's header and rows, e.g. "A1:H6". An Excel table has at least one body row. */
export function tableAddress(table: TablePlan): string {
  return `A1:${columnLetters(table.columns.length - 1)}${Math.max(1, table.rows.length) + 1}`;
}

import { CELL_TEXT_LIMIT } from '../model/answerText';
import { area, cell, columnName, type Expr } from './formula';

/**
 * A workbook plan: what the add-in and the CLI write, described once as data. Writers (office-js,
 * xlsx) apply it; tests read it and evaluate its formulas. Text from documents is always a `text`
 * cell, which writers store as text, never as a formula; formulas come only from the builder in
 * formula.ts and carry the value the engine computed for them.
 */

export type CellFormat = 'text' | 'gbp' | 'months' | 'integer' | 'date' | 'percent' | 'ratio' | 'decimal';

export type Cell =
  /** `choices`: the only values the cell accepts, offered as a drop-down. */
  | { readonly t: 'text'; readonly v: string; readonly fmt?: CellFormat; readonly choices?: readonly string[] }
  | { readonly t: 'number'; readonly v: number; readonly fmt?: CellFormat }
  /** A calendar date, ISO "2027-03-01"; writers store it as an Excel date. */
  | { readonly t: 'date'; readonly v: string }
  /** A live formula and the engine's value for it (null: the formula gives a blank). */
  | { readonly t: 'formula'; readonly f: Expr; readonly v: number | string | null; readonly fmt?: CellFormat }
  | { readonly t: 'empty'; readonly fmt?: CellFormat };

/** Excel number-format codes for each cell format. */
export const FORMAT_CODES: Readonly<Record<CellFormat, string>> = {
  text: '@',
  gbp: '£#,##0;-£#,##0',
  months: '0.0',
  integer: '#,##0',
  date: 'd mmm yyyy',
  percent: '0.0%',
  ratio: '0.00',
  decimal: '0.0000',
};

export interface Column {
  readonly header: string;
  readonly format: CellFormat;
  /** Width in characters. */
  readonly width: number;
  /** Cells the modeller or panel is expected to change; writers shade them. */
  readonly input?: boolean;
}

export interface TablePlan {
  /** Excel table name: letters, digits and underscores, unique in the workbook. */
  readonly name: string;
  /** A heading written in the row above the table. */
  readonly title?: string;
  /** 0-based row of the header, from the sheet's SheetCursor. */
  readonly headerRow: number;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

export interface SheetPlan {
  readonly name: string;
  readonly tables: readonly TablePlan[];
  /** Lines of text under the last table (method, stamps, sources). */
  readonly notes?: readonly string[];
  /** Rows of a table to shade while a condition holds, e.g. a flagged answer. */
  readonly highlights?: readonly Highlight[];
  readonly charts?: readonly ChartPlan[];
}

/**
 * A chart over one table's body: categories from one column, a series per value column. A Gantt
 * chart is a stacked bar whose first series (the start) is invisible.
 */
export interface ChartPlan {
  readonly title: string;
  readonly kind: 'column' | 'gantt';
  readonly table: string;
  readonly categoryColumn: number;
  readonly seriesColumns: readonly number[];
  readonly numberFormat: string;
  /** Where the value axis starts (a Gantt chart starts at the decision date); automatic when absent. */
  readonly axisMin?: number;
  /** Top-left cell (0-based) and size in columns and rows. */
  readonly at: { readonly row: number; readonly col: number };
  readonly size: { readonly cols: number; readonly rows: number };
}

/**
 * Conditional formatting: the rows of `table` where `when` is true (written for the table's first
 * body row, with relative references, as Excel expects) are shaded.
 */
export interface Highlight {
  readonly table: string;
  readonly when: Expr;
  readonly colour: 'flag';
}

export const HIGHLIGHT_FILL = { flag: 'FCE4D6' } as const;

/** A workbook-level name for one cell, so formulas and people can say DiscountRate instead of C12. */
export interface DefinedName {
  readonly name: string;
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
  readonly names: readonly DefinedName[];
}

export const col = (header: string, format: CellFormat, width: number, input = false): Column => ({ header, format, width, ...(input ? { input } : {}) });
export const text = (v: string): Cell => ({
  t: 'text',
  v: v.length > CELL_TEXT_LIMIT ? `${v.slice(0, CELL_TEXT_LIMIT)} … [cut: the full text, ${v.length.toLocaleString('en-GB')} characters, is in the source document]` : v,
});
export const choice = (v: string, choices: readonly string[]): Cell => ({ t: 'text', v, choices });
export const num = (v: number | null | undefined, fmt?: CellFormat): Cell =>
  v === null || v === undefined ? { t: 'empty', ...(fmt ? { fmt } : {}) } : { t: 'number', v, ...(fmt ? { fmt } : {}) };
export const empty: Cell = { t: 'empty' };
export const date = (v: string | null | undefined): Cell => (v ? { t: 'date', v } : { t: 'empty', fmt: 'date' });
export const formula = (f: Expr, v: number | string | null | undefined, fmt?: CellFormat): Cell => ({ t: 'formula', f, v: v ?? null, ...(fmt ? { fmt } : {}) });

/** Where a table sits, and references to its cells for formulas elsewhere. */
export class Placement {
  constructor(
    readonly sheet: string,
    readonly title: string | undefined,
    readonly headerRow: number,
    readonly rowCount: number,
  ) {}

  /** The table to write here. */
  table(spec: { readonly name: string; readonly columns: readonly Column[]; readonly rows: readonly (readonly Cell[])[] }): TablePlan {
    if (spec.rows.length !== this.rowCount) throw new Error(`table ${spec.name} was placed for ${this.rowCount} rows but has ${spec.rows.length}`);
    return { ...spec, headerRow: this.headerRow, ...(this.title ? { title: this.title } : {}) };
  }

  /** The cell in body row `i` (0-based) of column `c`. */
  cell(c: number, i: number): Expr {
    return cell(this.sheet, this.headerRow + 1 + i, c);
  }

  /** The whole body of column `c`, for SUMIFS, COUNTIF and the like. */
  column(c: number): Expr {
    return area(this.sheet, this.headerRow + 1, c, this.headerRow + Math.max(1, this.rowCount), c);
  }
}

/** Stacks tables down a sheet from A1: a title row if any, the header, the body (at least one row), a blank row. */
export class SheetCursor {
  private next = 0;
  constructor(readonly sheet: string) {}

  place(rowCount: number, title?: string): Placement {
    if (title) this.next++;
    const placement = new Placement(this.sheet, title, this.next, rowCount);
    this.next += Math.max(1, rowCount) + 2;
    return placement;
  }
}

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
    let free = 0;
    for (const t of sheet.tables) {
      const top = t.title ? t.headerRow - 1 : t.headerRow;
      if (top < free) problems.push(`table "${t.name}" overlaps the one above it`);
      free = t.headerRow + Math.max(1, t.rows.length) + 1;
      problems.push(...tableProblems(t, tableNames));
    }
  }
  const names = new Set<string>();
  for (const n of plan.names) {
    if (names.has(n.name.toLowerCase())) problems.push(`name ${n.name} is defined twice`);
    names.add(n.name.toLowerCase());
    if (!plan.sheets.some((s) => s.name === n.sheet)) problems.push(`name ${n.name} points to a sheet the plan does not write`);
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
    row.forEach((c, j) => {
      const where = `table "${t.name}" row ${i + 1} column ${j + 1}`;
      if (c.t === 'text' && c.v.length > 32767) problems.push(`${where} is longer than an Excel cell holds`);
      if (c.t === 'number' && !Number.isFinite(c.v)) problems.push(`${where} is not a finite number`);
      if (c.t === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(c.v)) problems.push(`${where} is not an ISO date`);
    });
  });
  return problems;
}

/** Column letters for a 0-based index: 0 → A, 26 → AA. */
export const columnLetters = columnName;

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
  const widths: number[] = [];
  let notesRow = 0;
  const tables = sheet.tables.map((table) => {
    const body = table.rows.length ? table.rows : [table.columns.map((): Cell => ({ t: 'empty' }))];
    table.columns.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.width)));
    notesRow = table.headerRow + body.length + 2;
    const address = `A${table.headerRow + 1}:${columnName(table.columns.length - 1)}${table.headerRow + body.length + 1}`;
    return { table, titleRow: table.title ? table.headerRow - 1 : null, headerRow: table.headerRow, address, body };
  });
  return { tables, notesRow, widths };
}

/** The number format a cell is written with: its own, else its column's; never text for a formula or a number. */
export function cellFormatCode(c: Cell, column: Column): string {
  if (c.t === 'date') return FORMAT_CODES.date;
  const own = c.fmt ?? column.format;
  if ((c.t === 'formula' || c.t === 'number') && own === 'text') return 'General';
  return FORMAT_CODES[own];
}

export { excelSerial, isoFromSerial } from '../model/calendarDates';

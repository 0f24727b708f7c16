import { CELL_TEXT_LIMIT } from '../model/answerText';
import { cell, columnName, type Expr } from './formula';

/**
 * A workbook plan: what the add-in and the CLI write, described once as data. Writers (office-js,
 * xlsx) apply it; tests read it and evaluate its formulas. Text from documents is always a `text`
 * cell, which writers store as text, never as a formula; formulas come only from the builder in
 * formula.ts and carry the value the engine computed for them.
 */

export type CellFormat = 'text' | 'gbp' | 'months' | 'integer' | 'date' | 'percent' | 'ratio' | 'decimal' | 'general';

/**
 * What an input cell accepts, checked by Excel's data validation as it is typed (a paste can
 * still get past it, which is why the Checks sheet tests the same limits). Dates are serials.
 */
export type Validation =
  | { readonly kind: 'list'; readonly choices: readonly string[] }
  | { readonly kind: 'decimal' | 'whole' | 'date'; readonly min: number; readonly max: number };

export type Cell =
  | { readonly t: 'text'; readonly v: string; readonly fmt?: CellFormat; readonly valid?: Validation }
  | { readonly t: 'number'; readonly v: number; readonly fmt?: CellFormat; readonly valid?: Validation }
  /** A calendar date, ISO "2027-03-01"; writers store it as an Excel date. */
  | { readonly t: 'date'; readonly v: string; readonly valid?: Validation }
  /**
   * A live formula and the engine's value for it (null: the formula gives a blank); `fill` and
   * `fillRow` when it is its column's formula filled down (filledFormula). A built or filled cell
   * has `f` on its class: copy a cell with `formula(c.f, …)`, never by spreading it, which leaves the formula behind.
   */
  | { readonly t: 'formula'; readonly f: Expr; readonly v: number | string | boolean | null; readonly fmt?: CellFormat; readonly fill?: FilledColumn; readonly fillRow?: number }
  | { readonly t: 'empty'; readonly fmt?: CellFormat; readonly valid?: Validation };

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
  general: 'General',
};

export interface Column {
  readonly header: string;
  readonly format: CellFormat;
  /** Width in characters. */
  readonly width: number;
  /** Cells the modeller or panel is expected to change; writers shade them. */
  readonly input?: boolean;
  /** What every cell of the column accepts (a cell's own `valid` wins). */
  readonly valid?: Validation;
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
  /** What the cell holds, listed on the Read me sheet. */
  readonly description: string;
}

export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
  readonly names: readonly DefinedName[];
}

export const col = (header: string, format: CellFormat, width: number, input = false, valid?: Validation): Column => ({
  header,
  format,
  width,
  ...(input ? { input } : {}),
  ...(valid ? { valid } : {}),
});
export const text = (v: string): Cell => ({
  t: 'text',
  v: v.length > CELL_TEXT_LIMIT ? `${v.slice(0, CELL_TEXT_LIMIT)} … [cut: the full text, ${v.length.toLocaleString('en-GB')} characters, is in the source document]` : v,
});
export const choice = (v: string, choices: readonly string[]): Cell => ({ t: 'text', v, valid: { kind: 'list', choices } });
export const num = (v: number | null | undefined, fmt?: CellFormat): Cell =>
  v === null || v === undefined ? { t: 'empty', ...(fmt ? { fmt } : {}) } : { t: 'number', v, ...(fmt ? { fmt } : {}) };
/** A plain value in a format: a number, a date (ISO text in the date format), other text, or blank. */
export const value = (v: number | string | null | undefined, fmt: CellFormat): Cell => {
  if (v === null || v === undefined) return { t: 'empty', fmt };
  if (typeof v === 'string') return fmt === 'date' ? { t: 'date', v } : { t: 'text', v, fmt };
  return { t: 'number', v, fmt };
};
/** An input cell: its value (or blank) and what it accepts. */
export const input = (v: number | string | null | undefined, fmt: CellFormat, valid: Validation): Cell => {
  if (v === null || v === undefined) return { t: 'empty', fmt, valid };
  if (typeof v === 'string') return fmt === 'date' ? { t: 'date', v, valid } : { t: 'text', v, fmt, valid };
  return { t: 'number', v, fmt, valid };
};
export const empty: Cell = { t: 'empty' };
export const date = (v: string | null | undefined): Cell => (v ? { t: 'date', v } : { t: 'empty', fmt: 'date' });
export const formula = (f: Expr, v: number | string | boolean | null | undefined, fmt?: CellFormat): Cell => ({ t: 'formula', f, v: v ?? null, ...(fmt ? { fmt } : {}) });

type FormulaValue = number | string | boolean | null;

/**
 * A formula cell whose formula is built each time it is read, not held: a report row's formulas
 * are hundreds of objects each, megabytes for a large consultation, and writers read them once.
 * Made as an instance, its getter on the class: an object literal with a getter is many times
 * slower to make, and a large workbook makes hundreds of thousands of these cells.
 */
class BuiltFormula {
  readonly t = 'formula' as const;
  readonly v: FormulaValue;
  readonly fmt?: CellFormat;
  constructor(
    private readonly build: () => Expr,
    v: FormulaValue | undefined,
    fmt: CellFormat | undefined,
  ) {
    this.v = v ?? null;
    if (fmt) this.fmt = fmt;
  }
  get f(): Expr {
    return this.build();
  }
  /** Printed (a test comparing plans) with its formula, as a held formula is. */
  toJSON(): object {
    return { t: this.t, f: this.f, v: this.v, ...(this.fmt ? { fmt: this.fmt } : {}) };
  }
}

export const builtFormula = (f: () => Expr, v: FormulaValue | undefined, fmt?: CellFormat): Cell => new BuiltFormula(f, v, fmt);

/**
 * A column's formula as a function of its body row (from 0), filled down: row i + 1's formula is
 * row i's moved down one row, whatever i is. Only cell references that follow the row may depend on it.
 */
export type FilledColumn = (row: number) => Expr;

/**
 * A cell of a formula filled down its column, built each time it is read as builtFormula's is. A
 * writer takes the cell below it from the same column and the next row as this formula moved
 * down, without building either: the column's promise (checked by a test over a real plan).
 */
class FilledFormula {
  readonly t = 'formula' as const;
  readonly v: FormulaValue;
  readonly fmt?: CellFormat;
  constructor(
    readonly fill: FilledColumn,
    readonly fillRow: number,
    v: FormulaValue | undefined,
    fmt: CellFormat | undefined,
  ) {
    this.v = v ?? null;
    if (fmt) this.fmt = fmt;
  }
  get f(): Expr {
    return this.fill(this.fillRow);
  }
  toJSON(): object {
    return { t: this.t, f: this.f, fillRow: this.fillRow, v: this.v, ...(this.fmt ? { fmt: this.fmt } : {}) };
  }
}

export const filledFormula = (column: FilledColumn, row: number, v: FormulaValue | undefined, fmt?: CellFormat): Cell => new FilledFormula(column, row, v, fmt);

/** Where a table sits, and references to its cells for formulas elsewhere. */
export class Placement {
  constructor(
    readonly sheet: string,
    readonly title: string | undefined,
    readonly headerRow: number,
    readonly rowCount: number,
    readonly name: string,
    readonly columns: readonly Column[],
  ) {}

  /** The table to write here. */
  table(rows: readonly (readonly Cell[])[]): TablePlan {
    if (rows.length !== this.rowCount) throw new Error(`table ${this.name} was placed for ${this.rowCount} rows but has ${rows.length}`);
    return { name: this.name, columns: this.columns, rows, headerRow: this.headerRow, ...(this.title ? { title: this.title } : {}) };
  }

  /** The cell in body row `i` (0-based) of column `c`. */
  cell(c: number, i: number): Expr {
    return cell(this.sheet, this.headerRow + 1 + i, c);
  }

  /**
   * The whole body of column `c`, for SUMIFS, COUNTIF and the like: a structured reference
   * (tblCosts[Low £]) where Excel and LibreOffice read it, so a row added to the table is counted.
   */
  column(c: number): Expr {
    const header = this.columns[c]?.header;
    if (header === undefined) throw new Error(`table ${this.name} has no column ${c}`);
    return { k: 'area', sheet: this.sheet, row: this.headerRow + 1, col: c, row2: this.headerRow + Math.max(1, this.rowCount), col2: c, table: { name: this.name, column: header } };
  }
}

/** Stacks tables down a sheet from A1: a title row if any, the header, the body (at least one row), a blank row. */
export class SheetCursor {
  private next = 0;
  constructor(readonly sheet: string) {}

  place(rowCount: number, title: string | undefined, name: string, columns: readonly Column[]): Placement {
    if (title) this.next++;
    const placement = new Placement(this.sheet, title, this.next, rowCount, name, columns);
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
  // A cell is named only when it is wrong: a large plan has a million of them.
  const where = (i: number, j: number) => `table "${t.name}" row ${i + 1} column ${j + 1}`;
  for (let i = 0; i < t.rows.length; i++) {
    const row = t.rows[i]!;
    if (row.length !== t.columns.length) problems.push(`table "${t.name}" row ${i + 1} has ${row.length} cells for ${t.columns.length} columns`);
    for (let j = 0; j < row.length; j++) {
      const c = row[j]!;
      if (c.t === 'text' && c.v.length > 32767) problems.push(`${where(i, j)} is longer than an Excel cell holds`);
      if (c.t === 'number' && !Number.isFinite(c.v)) problems.push(`${where(i, j)} is not a finite number`);
      if (c.t === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(c.v)) problems.push(`${where(i, j)} is not an ISO date`);
    }
  }
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

/** Text up to this long sets its column's width; longer text is prose, which wraps or runs on. */
const SHORT_TEXT = 24;

const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((w) => w.length));

/** Each sheet's layout, worked out once: writers, charts and tables all ask for it, and it reads every cell. */
const LAYOUTS = new WeakMap<SheetPlan, SheetLayout>();

export function sheetLayout(sheet: SheetPlan): SheetLayout {
  let layout = LAYOUTS.get(sheet);
  if (!layout) LAYOUTS.set(sheet, (layout = layoutOf(sheet)));
  return layout;
}

function layoutOf(sheet: SheetPlan): SheetLayout {
  const widths: number[] = [];
  let notesRow = 0;
  const tables = sheet.tables.map((table) => {
    const body = table.rows.length ? table.rows : [table.columns.map((): Cell => ({ t: 'empty' }))];
    table.columns.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.width, longestWord(c.header) + 1)));
    // A short text in a column that does not wrap ("not yet provided") is given its width rather than run into the next.
    for (const row of table.rows) {
      for (let i = 0; i < row.length; i++) {
        const c = row[i]!;
        const shown = c.t === 'text' ? c.v : c.t === 'formula' && typeof c.v === 'string' ? c.v : '';
        if (shown.length > widths[i]! && shown.length <= SHORT_TEXT && !wraps(table.columns[i]!)) widths[i] = shown.length + 1;
      }
    }
    notesRow = table.headerRow + body.length + 2;
    const address = `A${table.headerRow + 1}:${columnName(table.columns.length - 1)}${table.headerRow + body.length + 1}`;
    return { table, titleRow: table.title ? table.headerRow - 1 : null, headerRow: table.headerRow, address, body };
  });
  return { tables, notesRow, widths };
}

/** The number format a cell is written with: its own, else its column's; never text for a formula or a number. */
export function cellFormatCode(c: Cell, column: Column): string {
  const own = cellFormat(c, column);
  if ((c.t === 'formula' || c.t === 'number') && own === 'text') return 'General';
  return FORMAT_CODES[own];
}

/** The format a cell shows in: a date's, its own, else its column's. */
export function cellFormat(c: Cell, column: Column): CellFormat {
  if (c.t === 'date') return 'date';
  return c.fmt ?? column.format;
}

import { isoFromSerial } from '../model/calendarDates';
export { excelSerial, isoFromSerial } from '../model/calendarDates';

/** The message Excel shows when a typed value is refused, in the units the cell shows. */
export function validationMessage(v: Validation, fmt: CellFormat): string {
  if (v.kind === 'list') return `Choose one of: ${v.choices.join(', ')}`;
  const show = (n: number): string => {
    if (v.kind === 'date') return isoFromSerial(n);
    if (fmt === 'percent') return `${Number((n * 100).toFixed(2))}%`;
    if (fmt === 'gbp') return `£${n.toLocaleString('en-GB')}`;
    return n.toLocaleString('en-GB');
  };
  const what = v.kind === 'whole' ? 'a whole number' : v.kind === 'date' ? 'a date' : fmt === 'percent' ? 'a percentage' : 'a number';
  return `Enter ${what} from ${show(v.min)} to ${show(v.max)}${fmt === 'percent' ? ', typed with its % sign' : ''}, or leave it blank.`;
}

/** Text columns this wide or wider wrap their text, so long answers and sentences stay readable. */
export const WRAP_WIDTH = 40;

export function wraps(column: Column): boolean {
  return column.format === 'text' && column.width >= WRAP_WIDTH;
}

/**
 * How many lines a row needs where its wrapped text columns are narrower than their text: an
 * estimate from the characters per column width, for writers that cannot measure text.
 */
export function rowLines(row: readonly Cell[], columns: readonly Column[], widths: readonly number[]): number {
  let lines = 1;
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    const column = columns[i]!;
    const shown = c.t === 'text' ? c.v : c.t === 'formula' && typeof c.v === 'string' ? c.v : null;
    if (shown === null || !wraps(column)) continue;
    const width = Math.max(1, widths[i] ?? column.width);
    const needed = shown.includes('\n') ? shown.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / width)), 0) : Math.max(1, Math.ceil(shown.length / width));
    lines = Math.max(lines, needed);
  }
  return Math.min(lines, 40);
}

/** The lines a table's header row needs, its headings wrapped in their columns' widths. */
export function headerLines(columns: readonly Column[], widths: readonly number[]): number {
  return Math.max(1, ...columns.map((c, i) => Math.ceil(c.header.length / Math.max(1, widths[i] ?? c.width))));
}

/**
 * How a sheet prints: landscape when its columns are wider than a portrait page, always one page
 * wide, and the header row repeated on every page when the sheet is one table (which is also the
 * row frozen on screen).
 */
export interface PrintSetup {
  readonly landscape: boolean;
  /** A3 for the widest sheets, so one page wide stays legible. */
  readonly paper: 'A4' | 'A3';
  /** 1-based row to repeat on every printed page and freeze on screen; null when the sheet stacks several tables. */
  readonly headerRow: number | null;
}

const PORTRAIT_CHARACTERS = 100;
const A4_LANDSCAPE_CHARACTERS = 180;

export function printSetup(sheet: SheetPlan): PrintSetup {
  const layout = sheetLayout(sheet);
  const width = layout.widths.reduce((s, w) => s + w, 0);
  const single = layout.tables.length === 1 && layout.tables[0]!.titleRow === null;
  return { landscape: width > PORTRAIT_CHARACTERS, paper: width > A4_LANDSCAPE_CHARACTERS ? 'A3' : 'A4', headerRow: single ? layout.tables[0]!.headerRow + 1 : null };
}

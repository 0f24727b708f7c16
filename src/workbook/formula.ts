/**
 * A typed builder for the workbook's formulas. Formulas are trees printed in one place: sheet
 * names are quoted there, string literals escaped there, every operation parenthesised, and only
 * functions that Excel 2016+, Excel on the web, LibreOffice and HyperFormula all compute (and no
 * volatile ones) can be called. Nothing a respondent wrote is ever part of a formula.
 */

export type FunctionName =
  | 'SUM'
  | 'SUMIFS'
  | 'COUNTIF'
  | 'COUNTIFS'
  | 'IF'
  | 'IFERROR'
  | 'ISNUMBER'
  | 'AND'
  | 'OR'
  | 'NOT'
  | 'MAX'
  | 'MIN'
  | 'INDEX'
  | 'SMALL'
  | 'ROUNDUP'
  | 'ROUND'
  | 'INT'
  | 'DATE'
  | 'YEAR'
  | 'MONTH'
  | 'DAY'
  | 'COUNT'
  | 'SUMPRODUCT'
  | 'LEN'
  | 'LEFT'
  | 'ABS'
  | 'CHOOSE'
  | 'COUNTA'
  | 'COUNTBLANK'
  | 'TRUE'
  | 'FALSE'
  | 'RIGHT'
  | 'MOD'
  | 'EXACT'
  | 'TRIM'
  | 'ROWS'
  | 'TEXT';

export type Expr =
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'cell'; readonly sheet: string; readonly row: number; readonly col: number; readonly fixedColumn?: boolean }
  /** `table`: the area is a table column, written as a structured reference where the reader supports one. */
  | {
      readonly k: 'area';
      readonly sheet: string;
      readonly row: number;
      readonly col: number;
      readonly row2: number;
      readonly col2: number;
      readonly table?: { readonly name: string; readonly column: string };
    }
  | { readonly k: 'name'; readonly name: string }
  | { readonly k: 'call'; readonly fn: FunctionName; readonly args: readonly Expr[] }
  | { readonly k: 'op'; readonly op: Operator; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'neg'; readonly a: Expr };

type Operator = '+' | '-' | '*' | '/' | '&' | '=' | '<>' | '<' | '<=' | '>' | '>=';

/*
 * The nodes most formulas are made of are built by constructors, not object literals: V8 decides
 * where a literal's objects live by the place it is written, and the same few places build both
 * the formulas a plan keeps and those a writer builds and drops (builtFormula in plan.ts). Written
 * as literals, the dropped nodes went straight to the old generation: hundreds of megabytes of
 * garbage writing a large workbook. The objects are the same: the same fields, in the same order
 * (declared, then set, so that `k` comes first as in a literal).
 */
class NumNode {
  readonly k = 'num';
  readonly v: number;
  constructor(v: number) {
    this.v = v;
  }
}
class StrNode {
  readonly k = 'str';
  readonly v: string;
  constructor(v: string) {
    this.v = v;
  }
}
class CellNode {
  readonly k = 'cell';
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  constructor(sheet: string, row: number, col: number) {
    this.sheet = sheet;
    this.row = row;
    this.col = col;
  }
}
class CallNode {
  readonly k = 'call';
  readonly fn: FunctionName;
  readonly args: readonly Expr[];
  constructor(fn: FunctionName, args: readonly Expr[]) {
    this.fn = fn;
    this.args = args;
  }
}
class OpNode {
  readonly k = 'op';
  readonly op: Operator;
  readonly a: Expr;
  readonly b: Expr;
  constructor(op: Operator, a: Expr, b: Expr) {
    this.op = op;
    this.a = a;
    this.b = b;
  }
}
class NegNode {
  readonly k = 'neg';
  readonly a: Expr;
  constructor(a: Expr) {
    this.a = a;
  }
}

export const num = (v: number): Expr => {
  if (!Number.isFinite(v)) throw new RangeError(`a formula number must be finite (got ${v})`);
  return new NumNode(v);
};
export const str = (v: string): Expr => new StrNode(v);
/** One cell; rows and columns are 0-based. */
export const cell = (sheet: string, row: number, col: number): Expr => new CellNode(sheet, row, col);
/** A cell whose column stays put when the formula is applied across a row ($N2): for conditional formats. */
export const rowCell = (sheet: string, row: number, col: number): Expr => ({ k: 'cell', sheet, row, col, fixedColumn: true });
/** A rectangle of cells, 0-based and inclusive. */
export const area = (sheet: string, row: number, col: number, row2: number, col2: number): Expr => ({ k: 'area', sheet, row, col, row2, col2 });
export const name = (n: string): Expr => {
  if (!DEFINED_NAME.test(n)) throw new Error(`"${n}" is not a defined name this workbook uses`);
  return { k: 'name', name: n };
};
export const call = (fn: FunctionName, ...args: Expr[]): Expr => new CallNode(fn, args);
const op = (o: Operator) => (a: Expr, b: Expr): Expr => new OpNode(o, a, b);
export const add = op('+');
export const sub = op('-');
export const mul = op('*');
export const div = op('/');
export const concat = op('&');
export const eq = op('=');
export const ne = op('<>');
export const lt = op('<');
export const le = op('<=');
export const gt = op('>');
export const ge = op('>=');
export const neg = (a: Expr): Expr => new NegNode(a);
export const sum = (...args: Expr[]): Expr => call('SUM', ...args);
export const abs = (a: Expr): Expr => call('ABS', a);
export const iff = (test: Expr, then: Expr, otherwise: Expr): Expr => call('IF', test, then, otherwise);

/**
 * A date plus whole months, clamped to the month's last day (31 January + 1 month = 28 or 29
 * February), as Excel's EDATE does. Written with DATE because HyperFormula's EDATE lands a day
 * early when the result is 29 February.
 */
export function addMonths(date: Expr, months: Expr): Expr {
  const y = call('YEAR', date);
  const m = add(call('MONTH', date), months);
  return call('DATE', y, m, call('MIN', call('DAY', date), call('DAY', call('DATE', y, add(m, num(1)), num(0)))));
}

// Letters, digits, underscores and dots, not starting with a digit, and not like a cell address.
const DEFINED_NAME = /^(?![A-Za-z]{1,3}\d+$)[A-Za-z_][A-Za-z0-9_.]{0,254}$/;

/**
 * How table columns are written: `structured` (tblCosts[Low £], which follows rows added to the
 * table) for Excel and LibreOffice, `a1` for engines without structured references (HyperFormula).
 */
export type Dialect = 'structured' | 'a1';

/** The formula text, with "=" in front, as written from a cell on `fromSheet`. */
export function formulaText(e: Expr, fromSheet: string, dialect: Dialect = 'structured'): string {
  return `=${print(e, { from: fromSheet, dialect })}`;
}

/**
 * Whether `b` is `a` moved down `rows` rows: the same formula but each cell reference that many
 * rows lower (areas, names and tables stay). A column of such cells holds one formula filled down,
 * which a spreadsheet file can store once (shared formulas). Compared node by node: printing each
 * cell's formula to compare them cost a large workbook a second.
 */
export function movedDown(a: Expr, b: Expr, rows: number): boolean {
  switch (a.k) {
    case 'num':
    case 'str':
      return b.k === a.k && b.v === a.v;
    case 'cell':
      return b.k === 'cell' && b.row - a.row === rows && b.col === a.col && b.sheet === a.sheet && !b.fixedColumn === !a.fixedColumn;
    case 'area':
      return b.k === 'area' && b.row === a.row && b.col === a.col && b.row2 === a.row2 && b.col2 === a.col2 && b.sheet === a.sheet && b.table?.name === a.table?.name && b.table?.column === a.table?.column;
    case 'name':
      return b.k === 'name' && b.name === a.name;
    case 'call': {
      if (b.k !== 'call' || b.fn !== a.fn || b.args.length !== a.args.length) return false;
      for (let i = 0; i < a.args.length; i++) if (!movedDown(a.args[i]!, b.args[i]!, rows)) return false;
      return true;
    }
    case 'op':
      return b.k === 'op' && b.op === a.op && movedDown(a.a, b.a, rows) && movedDown(a.b, b.b, rows);
    case 'neg':
      return b.k === 'neg' && movedDown(a.a, b.a, rows);
  }
}

/** Where a formula is printed from: its sheet and its dialect. */
interface Printing {
  readonly from: string;
  readonly dialect: Dialect;
}

/**
 * How tightly each operator binds in Excel (and in every spreadsheet the workbook is read by):
 * an operand is bracketed only when its own operator binds less tightly than the one around it,
 * or as tightly on the right (a-(b-c)), and a comparison inside a comparison always. Brackets
 * that change nothing cost a large workbook megabytes of formula text.
 */
const BINDING: Readonly<Record<Operator, number>> = { '=': 1, '<>': 1, '<': 1, '<=': 1, '>': 1, '>=': 1, '&': 2, '+': 3, '-': 3, '*': 4, '/': 4 };

/**
 * The text of `e` as an operand of an operator binding `outer` tightly (0 where nothing is around
 * it: the formula, a function's argument), on its right when `right` (joined with +, which V8
 * keeps as a rope until the whole formula is read: report sentences are long).
 */
function print(e: Expr, at: Printing, outer = 0, right = false): string {
  switch (e.k) {
    case 'num':
      // A negative figure as an operand is bracketed: A1*(-5), never A1*-5 or A1--5.
      return e.v < 0 && outer > 0 ? `(${e.v})` : String(e.v);
    case 'str':
      return e.v.includes('"') ? `"${e.v.replace(/"/g, '""')}"` : `"${e.v}"`;
    case 'cell':
      return `${sheetPrefix(e.sheet, at.from)}${e.fixedColumn ? '$' : ''}${columnLabel(e.col)}${e.row + 1}`;
    case 'area':
      if (e.table && at.dialect === 'structured') return `${e.table.name}[${e.table.column.replace(/['[\]#]/g, "'$&")}]`;
      return `${sheetPrefix(e.sheet, at.from)}$${columnName(e.col)}$${e.row + 1}:$${columnName(e.col2)}$${e.row2 + 1}`;
    case 'name':
      return e.name;
    case 'call': {
      let text = `${e.fn}(`;
      for (let i = 0; i < e.args.length; i++) text += (i ? ',' : '') + print(e.args[i]!, at);
      return `${text})`;
    }
    case 'op': {
      const binding = BINDING[e.op];
      let text: string;
      if (e.op === '&') {
        // A chain of & is written flat, so long sentences do not nest deeper than Excel allows.
        const parts = concatenated(e);
        text = '';
        for (let i = 0; i < parts.length; i++) text += (i ? '&' : '') + print(parts[i]!, at, binding, i > 0);
      } else text = print(e.a, at, binding) + e.op + print(e.b, at, binding, true);
      const bracketed = binding < outer || (binding === outer && (right || binding === 1));
      return bracketed ? `(${text})` : text;
    }
    case 'neg':
      return `(-${print(e.a, at, 5)})`;
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** The operands of a chain of &, left to right (flattened in one pass: report sentences are long chains). */
function concatenated(e: Expr): Expr[] {
  const parts: Expr[] = [];
  const pending: Expr[] = [e];
  while (pending.length) {
    const x = pending.pop()!;
    if (x.k === 'op' && x.op === '&') pending.push(x.b, x.a);
    else parts.push(x);
  }
  return parts;
}

/** 'Sheet name'! when the reference is on another sheet; quotes doubled inside. */
function sheetPrefix(sheet: string, from: string): string {
  if (sheet === from) return '';
  let prefix = SHEET_PREFIXES.get(sheet);
  if (prefix === undefined) SHEET_PREFIXES.set(sheet, (prefix = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`));
  return prefix;
}
const SHEET_PREFIXES = new Map<string, string>();

/** columnName, remembered: formulas name the same few columns again and again. */
function columnLabel(index: number): string {
  return (COLUMN_LABELS[index] ??= columnName(index));
}
const COLUMN_LABELS: string[] = [];

export function columnName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

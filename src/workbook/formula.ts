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
  | 'ROWS';

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

export const num = (v: number): Expr => {
  if (!Number.isFinite(v)) throw new RangeError(`a formula number must be finite (got ${v})`);
  return { k: 'num', v };
};
export const str = (v: string): Expr => ({ k: 'str', v });
/** One cell; rows and columns are 0-based. */
export const cell = (sheet: string, row: number, col: number): Expr => ({ k: 'cell', sheet, row, col });
/** A cell whose column stays put when the formula is applied across a row ($N2): for conditional formats. */
export const rowCell = (sheet: string, row: number, col: number): Expr => ({ k: 'cell', sheet, row, col, fixedColumn: true });
/** A rectangle of cells, 0-based and inclusive. */
export const area = (sheet: string, row: number, col: number, row2: number, col2: number): Expr => ({ k: 'area', sheet, row, col, row2, col2 });
export const name = (n: string): Expr => {
  if (!DEFINED_NAME.test(n)) throw new Error(`"${n}" is not a defined name this workbook uses`);
  return { k: 'name', name: n };
};
export const call = (fn: FunctionName, ...args: Expr[]): Expr => ({ k: 'call', fn, args });
const op = (o: Operator) => (a: Expr, b: Expr): Expr => ({ k: 'op', op: o, a, b });
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
export const neg = (a: Expr): Expr => ({ k: 'neg', a });
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
  const out = ['='];
  print(e, fromSheet, dialect, out);
  return out.join('');
}

/** Appends the text of `e` to `out` (one buffer for the whole formula: report sentences are long). */
function print(e: Expr, from: string, dialect: Dialect, out: string[]): void {
  switch (e.k) {
    case 'num':
      out.push(String(e.v));
      return;
    case 'str':
      out.push(`"${e.v.replace(/"/g, '""')}"`);
      return;
    case 'cell':
      out.push(`${sheetPrefix(e.sheet, from)}${e.fixedColumn ? '$' : ''}${columnName(e.col)}${e.row + 1}`);
      return;
    case 'area':
      if (e.table && dialect === 'structured') out.push(`${e.table.name}[${e.table.column.replace(/['[\]#]/g, "'$&")}]`);
      else out.push(`${sheetPrefix(e.sheet, from)}$${columnName(e.col)}$${e.row + 1}:$${columnName(e.col2)}$${e.row2 + 1}`);
      return;
    case 'name':
      out.push(e.name);
      return;
    case 'call':
      out.push(e.fn, '(');
      for (let i = 0; i < e.args.length; i++) {
        if (i) out.push(',');
        print(e.args[i]!, from, dialect, out);
      }
      out.push(')');
      return;
    case 'op': {
      // A chain of & is written flat, so long sentences do not nest deeper than Excel allows.
      const parts = e.op === '&' ? concatenated(e) : [e.a, e.b];
      out.push('(');
      for (let i = 0; i < parts.length; i++) {
        if (i) out.push(e.op);
        print(parts[i]!, from, dialect, out);
      }
      out.push(')');
      return;
    }
    case 'neg':
      out.push('(-');
      print(e.a, from, dialect, out);
      out.push(')');
      return;
    default: {
      const never: never = e;
      return never;
    }
  }
}

function concatenated(e: Expr): Expr[] {
  return e.k === 'op' && e.op === '&' ? [...concatenated(e.a), ...concatenated(e.b)] : [e];
}

/** 'Sheet name'! when the reference is on another sheet; quotes doubled inside. */
function sheetPrefix(sheet: string, from: string): string {
  if (sheet === from) return '';
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

export function columnName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

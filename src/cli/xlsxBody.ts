import { formulaText, movedDown, type Expr } from '../workbook/formula';
import { cellFormatCode, columnLetters, excelSerial, rowLines, type Cell, type Column } from '../workbook/plan';
import { escapeXml } from '../report/xmlText';

/** Points per line of 10-point text. */
export const LINE_HEIGHT = 13;

/** What a table's body takes from the workbook it goes into: the ids of its cell styles and of its shared strings. */
export interface WorkbookIds {
  /** The id of the style a column's cells take in a number format. */
  style(column: number, numFmt: string): number;
  /** The id of a text in the shared strings. */
  string(text: string): number;
}

export interface Body {
  readonly sheetName: string;
  readonly columns: readonly Column[];
  readonly widths: readonly number[];
  readonly rows: readonly (readonly Cell[])[];
  /** The sheet row (counted from 1) of the body's first row. */
  readonly firstRow: number;
}

/** A sheet's count of shared formulas, numbered from 0 across its tables. */
export interface SharedFormulaCount {
  next: number;
}

/**
 * A table's body as SpreadsheetML rows, in pieces of about a megabyte, in the form ExcelJS writes
 * a row (its cells, shared strings, styles, and formulas with the engine's value cached). Written
 * here rather than as ExcelJS rows: ExcelJS's row objects took two of the seven seconds of a
 * 10,000-respondent run. Text is always a string, never a formula; formulas are the plan's own.
 * A column's formula filled down is written once and shared, as Excel saves a filled-down column.
 */
export function* bodyXml(body: Body, ids: WorkbookIds, shared: SharedFormulaCount): Generator<string> {
  const { rows, columns, firstRow } = body;
  const letters = columns.map((_, i) => columnLetters(i));
  const runs = columns.map((_, i) => sharedRuns(rows, i, body.sheetName));
  // Each run's shared-formula id, by its first row.
  const siAt = columns.map(() => new Map<number, number>());
  const spans = `1:${columns.length}`;
  // Each column's style ids by number format: a column's cells take one or two formats, asked for once each.
  const styles = columns.map(() => new Map<string, number>());
  const styleId = (i: number, code: string) => {
    let id = styles[i]!.get(code);
    if (id === undefined) styles[i]!.set(code, (id = ids.style(i, code)));
    return id;
  };
  let xml = '';
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]!;
    const number = firstRow + r;
    const lines = rowLines(cells, columns, body.widths);
    // A row of empty cells at the usual height is not written, as ExcelJS does not write one.
    if (lines === 1 && cells.every((c) => c.t === 'empty')) continue;
    xml += `<row r="${number}"${lines > 1 ? ` ht="${LINE_HEIGHT * lines}" customHeight="1"` : ''} spans="${spans}" x14ac:dyDescent="0.25">`;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!;
      const at = `r="${letters[i]}${number}" s="${styleId(i, cellFormatCode(c, columns[i]!))}"`;
      switch (c.t) {
        case 'empty':
          xml += `<c ${at}/>`;
          break;
        case 'text':
          xml += `<c ${at} t="s"><v>${ids.string(c.v)}</v></c>`;
          break;
        case 'number':
          xml += `<c ${at}><v>${c.v}</v></c>`;
          break;
        case 'date':
          xml += `<c ${at}><v>${excelSerial(c.v)}</v></c>`;
          break;
        case 'formula': {
          const { first, last, texts } = runs[i]!;
          let f: string;
          if (first[r]! < r) f = `<f t="shared" si="${siAt[i]!.get(first[r]!)!}"/>`;
          else {
            const formula = texts.get(r)!;
            if (last[r]! > r) {
              const si = shared.next++;
              siAt[i]!.set(r, si);
              f = `<f t="shared" ref="${letters[i]}${number}:${letters[i]}${firstRow + last[r]!}" si="${si}">${formula}</f>`;
            } else f = `<f>${formula}</f>`;
          }
          xml += formulaCell(at, f, c.v);
          break;
        }
      }
    }
    xml += '</row>';
    if (xml.length > PIECE) {
      yield xml;
      xml = '';
    }
  }
  if (xml) yield xml;
}

/** Characters of XML in a piece: large enough to write in few calls, small enough not to be a second copy of the sheet. */
const PIECE = 1 << 16;

/** A formula cell with the engine's value cached as its result (a blank is an empty text, as Excel caches it). */
function formulaCell(at: string, f: string, value: number | string | boolean | null): string {
  if (typeof value === 'number') return `<c ${at}>${f}<v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c ${at} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
  return `<c ${at} t="str">${f}<v>${escapeXml(value ?? '')}</v></c>`;
}

/**
 * A column's runs of one formula filled down (each row's the one above moved down a row): for
 * each formula cell the first row of its run, for a run's first row its last, and the text of its
 * formula (printed here, where its tree is at hand: building a large formula again costs more
 * than keeping its text). A run of more than one cell is written once, as a shared formula, and
 * its other cells refer to it: a column of 10,000 live money texts was 38 MB of the same formula
 * written out again for every row. Cells of one filled column (filledFormula) follow one another
 * without their formulas being built, and a cell of another fill starts a run; others are compared.
 */
function sharedRuns(body: readonly (readonly Cell[])[], col: number, sheetName: string): { first: Int32Array; last: Int32Array; texts: Map<number, string> } {
  const first = new Int32Array(body.length).fill(-1);
  const last = new Int32Array(body.length).fill(-1);
  const texts = new Map<number, string>();
  let previous: FormulaCell | null = null;
  // The previous cell's formula, when it was built.
  let previousTree: Expr | null = null;
  let start = -1;
  for (let r = 0; r < body.length; r++) {
    const c = body[r]![col]!;
    if (c.t !== 'formula') {
      previous = previousTree = null;
      continue;
    }
    let tree: Expr | null = null;
    // Cells of filled columns follow only within one fill; others are compared.
    const follows = previous !== null && (previous.fill && c.fill ? sameFill(previous, c) : movedDown(previousTree ?? previous.f, (tree = c.f), 1));
    if (!follows) {
      start = r;
      tree ??= c.f;
      texts.set(r, escapeXml(formulaText(tree, sheetName).slice(1)));
    }
    first[r] = start;
    last[start] = r;
    previous = c;
    previousTree = tree;
  }
  return { first, last, texts };
}

type FormulaCell = Extract<Cell, { t: 'formula' }>;

/** Whether `b` is the cell below `a` in one filled column. */
function sameFill(a: FormulaCell, b: FormulaCell): boolean {
  return a.fill === b.fill && b.fillRow === a.fillRow! + 1;
}

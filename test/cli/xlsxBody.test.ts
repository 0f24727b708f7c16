import { bodyXml, type WorkbookIds } from '../../src/cli/xlsxBody';
import { add, cell, concat, eq, num, str } from '../../src/workbook/formula';
import { filledFormula, type Cell, type Column } from '../../src/workbook/plan';

const columns: Column[] = [
  { header: 'Name', format: 'text', width: 20 },
  { header: 'Low', format: 'gbp', width: 12 },
  { header: 'Twice', format: 'gbp', width: 12 },
  { header: 'Label', format: 'text', width: 12 },
];

/** Style ids by column and format, and a shared-string table, as the workbook keeps them. */
function workbookIds(): WorkbookIds & { strings: string[] } {
  const strings: string[] = [];
  return {
    strings,
    style: (column, numFmt) => 10 * column + (numFmt === '@' ? 1 : numFmt === 'General' ? 2 : 3),
    string: (text) => (strings.includes(text) ? strings.indexOf(text) : strings.push(text) - 1),
  };
}

// Plan rows count from 0: the body's first row (sheet row 2) is row 1. A formula in a text column takes the General format (s 32).
const twice = (row: number) => add(cell('Costs', row, 1), cell('Costs', row, 1));
const label = (row: number) => concat(str('a&b'), cell('Costs', row, 1));
const rows: Cell[][] = [
  [{ t: 'text', v: '=SUM(A1)' }, { t: 'number', v: 100 }, { t: 'formula', f: twice(1), v: 200 }, { t: 'formula', f: label(1), v: 'a&b100' }],
  [{ t: 'text', v: 'Ltd <b>' }, { t: 'number', v: 50 }, { t: 'formula', f: twice(2), v: 100 }, { t: 'formula', f: label(2), v: 'a&b50' }],
  [{ t: 'empty' }, { t: 'empty' }, { t: 'empty' }, { t: 'empty' }],
  [{ t: 'text', v: 'x' }, { t: 'empty' }, { t: 'formula', f: eq(cell('Costs', 4, 1), num(0)), v: true }, { t: 'formula', f: label(4), v: null }],
];

describe("a table's body as SpreadsheetML rows", () => {
  test('in the form ExcelJS writes a row: strings shared, formulas filled down shared, values cached, empty rows left out', () => {
    const ids = workbookIds();
    const shared = { next: 3 };
    const xml = [...bodyXml({ sheetName: 'Costs', columns, widths: columns.map((c) => c.width), rows, firstRow: 2 }, ids, shared)].join('');
    const row = (r: number, cells: string) => `<row r="${r}" spans="1:4" x14ac:dyDescent="0.25">${cells}</row>`;
    expect(xml).toBe(
      row(2, '<c r="A2" s="1" t="s"><v>0</v></c><c r="B2" s="13"><v>100</v></c><c r="C2" s="23"><f t="shared" ref="C2:C3" si="3">B2+B2</f><v>200</v></c>' +
        '<c r="D2" s="32" t="str"><f t="shared" ref="D2:D3" si="4">&quot;a&amp;b&quot;&amp;B2</f><v>a&amp;b100</v></c>') +
        row(3, '<c r="A3" s="1" t="s"><v>1</v></c><c r="B3" s="13"><v>50</v></c><c r="C3" s="23"><f t="shared" si="3"/><v>100</v></c><c r="D3" s="32" t="str"><f t="shared" si="4"/><v>a&amp;b50</v></c>') +
        row(5, '<c r="A5" s="1" t="s"><v>2</v></c><c r="B5" s="13"/><c r="C5" s="23" t="b"><f>B5=0</f><v>1</v></c><c r="D5" s="32" t="str"><f>&quot;a&amp;b&quot;&amp;B5</f><v></v></c>'),
    );
    // Text is a string, whatever it starts with: "=SUM(A1)" is never a formula.
    expect(ids.strings).toEqual(['=SUM(A1)', 'Ltd <b>', 'x']);
    // The sheet's shared formulas are numbered on from those of the tables before.
    expect(shared.next).toBe(5);
  });

  test("a filled column's cells follow one another without their formulas being built; a cell from elsewhere or from another fill starts a run of its own", () => {
    const built: number[] = [];
    const column = (row: number) => {
      built.push(row);
      return twice(row + 1);
    };
    // Body rows 0–2 are the column's rows 0–2; the last row's formula is the same one, written by hand, so it is compared.
    const body: Cell[][] = [0, 1, 2].map((i) => [{ t: 'text', v: `r${i}` }, { t: 'number', v: i }, filledFormula(column, i, 2 * i), { t: 'empty' }]);
    body.push([{ t: 'text', v: 'r3' }, { t: 'number', v: 3 }, { t: 'formula', f: twice(4), v: 6 }, { t: 'empty' }]);
    // A row of the column out of its order starts a run again.
    body.push([{ t: 'text', v: 'r4' }, { t: 'number', v: 4 }, filledFormula(column, 0, 0), { t: 'empty' }]);
    // A cell of another fill starts a run without the two being compared, though its formula is the one above moved down.
    const other = (row: number) => {
      built.push(100 + row);
      return twice(row + 2);
    };
    body.push([{ t: 'text', v: 'r5' }, { t: 'number', v: 5 }, filledFormula(other, 0, 0), { t: 'empty' }]);
    const xml = [...bodyXml({ sheetName: 'Costs', columns, widths: columns.map((c) => c.width), rows: body, firstRow: 2 }, workbookIds(), { next: 0 })].join('');
    expect(xml).toContain('<c r="C2" s="23"><f t="shared" ref="C2:C5" si="0">B2+B2</f><v>0</v></c>');
    expect(xml).toContain('<c r="C5" s="23"><f t="shared" si="0"/><v>6</v></c>');
    expect(xml).toContain('<c r="C6" s="23"><f>B2+B2</f><v>0</v></c>');
    expect(xml).toContain('<c r="C7" s="23"><f>B3+B3</f><v>0</v></c>');
    // Built: row 0 to print it, row 2 to compare the hand-written row 3 with it, the out-of-order row and the other fill's row to print them.
    expect(built).toEqual([0, 2, 0, 100]);
  });
});


import ExcelJS from 'exceljs';
import { planToXlsx } from '../../src/cli/xlsxWriter';
import { INDUSTRY_SHEET } from '../../src/workbook/industrySheet';
import { headerLines, sheetLayout, wraps } from '../../src/workbook/plan';
import { livePlan } from '../support/plans';
import { seedText } from '../support/seed';

describe('sheet layout', () => {
  const plan = livePlan(seedText()).plan;

  test('no heading word is cut, and a short text that does not wrap fits its column', () => {
    for (const sheet of plan.sheets) {
      const { widths, tables } = sheetLayout(sheet);
      for (const { table } of tables) {
        table.columns.forEach((c, i) => {
          for (const word of c.header.split(/\s+/)) expect([sheet.name, c.header, widths[i]! > word.length]).toEqual([sheet.name, c.header, true]);
          for (const row of table.rows) {
            const cell = row[i]!;
            const shown = cell.t === 'text' ? cell.v : cell.t === 'formula' && typeof cell.v === 'string' ? cell.v : '';
            if (shown.length <= 24 && !wraps(c)) expect([table.name, shown, widths[i]! >= shown.length]).toEqual([table.name, shown, true]);
          }
        });
      }
    }
    // The Industry costs totals say "not yet provided" until the DCC's and SECAS's costs are entered.
    const industry = plan.sheets.find((s) => s.name === INDUSTRY_SHEET)!;
    expect(sheetLayout(industry).widths[1]).toBeGreaterThan('not yet provided'.length);
  });

  test('the industry chart sits under the notes, clear of every table and of the Basis text', () => {
    const industry = plan.sheets.find((s) => s.name === INDUSTRY_SHEET)!;
    const layout = sheetLayout(industry);
    expect(industry.charts![0]!.at.row).toBeGreaterThan(layout.notesRow + industry.notes!.length - 1);
  });

  test('headings wrap, on a header row as tall as its longest heading needs', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await planToXlsx(plan, { creator: 't', created: new Date('2027-03-01T00:00:00Z') })) as unknown as ExcelJS.Buffer);
    const industry = plan.sheets.find((s) => s.name === INDUSTRY_SHEET)!;
    const { tables, widths } = sheetLayout(industry);
    const byCategory = tables[0]!;
    const header = book.getWorksheet(INDUSTRY_SHEET)!.getRow(byCategory.headerRow + 1);
    expect(header.getCell(1).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    const lines = headerLines(byCategory.table.columns, widths);
    expect(lines).toBeGreaterThan(1);
    expect(header.height).toBe(13 * lines);
  });
});

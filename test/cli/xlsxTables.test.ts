import ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { planToXlsx } from '../../src/cli/xlsxWriter';
import { sheetLayout } from '../../src/workbook/plan';
import { livePlan } from '../support/plans';
import { seedText } from '../support/seed';

describe('Excel tables in the CLI workbook', () => {
  const plan = livePlan(seedText()).plan;
  const bytes = planToXlsx(plan, { creator: 't', created: new Date('2027-03-01T00:00:00Z') });

  test('every table of the plan is an Excel table over its header and body, its columns named as its header cells', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytes) as unknown as ExcelJS.Buffer);
    for (const sheet of plan.sheets) {
      const ws = book.getWorksheet(sheet.name)!;
      const inFile = Object.values((ws as unknown as { tables: Record<string, { table: { name: string; tableRef: string; columns: { name: string }[] } }> }).tables).map((t) => t.table);
      const placed = sheetLayout(sheet).tables;
      expect([sheet.name, inFile.map((t) => [t.name, t.tableRef])]).toEqual([sheet.name, placed.map((p) => [p.table.name, p.address])]);
      for (const p of placed) {
        const header = ws.getRow(p.headerRow + 1);
        const names = inFile.find((t) => t.name === p.table.name)!.columns.map((c) => c.name);
        expect(names).toEqual(p.table.columns.map((c) => c.header));
        expect(names.map((_, i) => header.getCell(i + 1).value)).toEqual(names);
      }
    }
  });

  test('each table part is well formed, numbered once, typed, and tied to its sheet', async () => {
    const zip = await JSZip.loadAsync(await bytes);
    const tables = Object.keys(zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p));
    expect(tables).toHaveLength(plan.sheets.reduce((n, s) => n + s.tables.length, 0));
    const ids = await Promise.all(tables.map(async (p) => {
      const xml = await zip.file(p)!.async('string');
      expect([p, XMLValidator.validate(xml)]).toEqual([p, true]);
      return Number(/<table [^>]*\bid="(\d+)"/.exec(xml)![1]);
    }));
    expect(new Set(ids).size).toBe(tables.length);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    for (const p of tables) expect(types).toContain(`<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`);
    const rels = await Promise.all(Object.keys(zip.files).filter((p) => /^xl\/worksheets\/_rels\//.test(p)).map((p) => zip.file(p)!.async('string')));
    const targets = rels.flatMap((r) => [...r.matchAll(/Target="\.\.\/tables\/(table\d+\.xml)"/g)].map((m) => `xl/tables/${m[1]}`));
    expect(targets.sort()).toEqual([...tables].sort());
  });
});

import { PassThrough } from 'node:stream';
import WorkbookWriter from 'exceljs/lib/stream/xlsx/workbook-writer';
import { strToU8 } from 'fflate';
import JSZip from 'jszip';
import { PartsWriter } from '../../src/cli/partsWriter';
import { insertBeforeEnd, packParts, partText, type Parts } from '../../src/cli/xlsxPackage';
import { planToXlsx } from '../../src/cli/xlsxWriter';
import { livePlan } from '../support/plans';
import { seedText } from '../support/seed';

describe('the .xlsx package', () => {
  const meta = { creator: 't', created: new Date('2027-03-01T00:00:00Z') };

  test('every part is compressed, its checksum holds, and it carries the run date', async () => {
    const bytes = await planToXlsx(livePlan(seedText()).plan, meta);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    const parts = Object.values(zip.files);
    expect(parts.map((p) => p.name)).toContain('xl/worksheets/sheet1.xml');
    expect(parts.every((p) => !p.dir)).toBe(true);
    for (const p of parts) {
      // Local file header: compression method at byte 8 (8 is deflate).
      const at = bytes.indexOf(Buffer.from(p.name), 0) - 30;
      expect([p.name, bytes.readUInt16LE(at + 8)]).toEqual([p.name, 8]);
      expect([p.name, p.date.getTime()]).toEqual([p.name, meta.created.getTime()]);
    }
    // Compressed as zlib's default compresses XML: far below the parts' own size.
    const unpacked = (await Promise.all(parts.map((p) => p.async('uint8array')))).reduce((n, u) => n + u.length, 0);
    expect(bytes.length).toBeLessThan(unpacked / 4);
  });

  test('the same run writes the same bytes', async () => {
    const plan = livePlan(seedText()).plan;
    expect(Buffer.compare(await planToXlsx(plan, meta), await planToXlsx(plan, meta))).toBe(0);
  });
});

describe("the parts ExcelJS's writer makes", () => {
  /** A small workbook: a sheet with text, a number and a shared string twice, a second sheet, a defined name. */
  const write = async (wb: InstanceType<typeof WorkbookWriter>) => {
    const ws = wb.addWorksheet('Costs');
    ws.addRow(['Respondent', 'Low £']).commit();
    ws.addRow(['Ovo Energy', 100_000]).commit();
    ws.addRow(['Ovo Energy', 250_000]).commit();
    ws.commit();
    // Text to escape, and space and line breaks to keep.
    wb.addWorksheet('Read me').addRow(['é', 'a & b <c> "d"', ' padded', 'two\nlines', 'tab\x01', 'del\x7f']).commit();
    wb.definedNames.add("'Costs'!$B$2", 'Low');
    await wb.commit();
  };

  test('are collected as written: the parts, names, order and shared strings its own zip would hold', async () => {
    const collecting = new PartsWriter({ stream: new PassThrough(), useStyles: true, useSharedStrings: true });
    await write(collecting);
    const parts = collecting.parts();
    const zipped: Buffer[] = [];
    const out = new PassThrough().on('data', (chunk: Buffer) => zipped.push(chunk));
    await write(new WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true }));
    const zip = await JSZip.loadAsync(Buffer.concat(zipped));
    const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
    expect([...parts.keys()]).toEqual(names);
    for (const name of names) expect([name, partText(parts, name)]).toEqual([name, await zip.file(name)!.async('string')]);
    expect(partText(parts, 'xl/sharedStrings.xml')).toContain('<t>Ovo Energy</t>');
  });

  test('refuse what they would not write as ExcelJS does, rather than write it wrong: rich text, images', async () => {
    const rich = new PartsWriter({ stream: new PassThrough(), useStyles: true, useSharedStrings: true });
    expect(() => rich.addWorksheet('S').addRow([{ richText: [{ text: 'bold', font: { bold: true } }] }]).commit()).toThrow('plain text only');
    const image = new PartsWriter({ stream: new PassThrough(), useStyles: true, useSharedStrings: true });
    image.addImage({ base64: 'iVBORw0KGgo=', extension: 'png' });
    image.addWorksheet('S').commit();
    await expect(image.commit()).rejects.toThrow('does not take base64 parts');
  });
});

describe('the parts of a package', () => {
  test('take text before their closing tag without copying the part, again and again, and pack to the same text', async () => {
    const sheet = strToU8('<worksheet><sheetData/></worksheet>');
    // The closing tag lies across the last two pieces, as a package's pieces fall anywhere.
    const parts: Parts = new Map([['s.xml', [sheet.subarray(0, 30), sheet.subarray(30)]]]);
    insertBeforeEnd(parts, 's.xml', '</worksheet>', '<tableParts/>');
    insertBeforeEnd(parts, 's.xml', '</worksheet>', '<extLst/>');
    expect((parts.get('s.xml') as Uint8Array[]).every((p) => p.buffer === sheet.buffer || p.length < 30)).toBe(true);
    expect(partText(parts, 's.xml')).toBe('<worksheet><sheetData/><tableParts/><extLst/></worksheet>');
    expect(() => insertBeforeEnd(parts, 's.xml', '</missing>', 'x')).toThrow('s.xml does not end in </missing>');
    const zip = await JSZip.loadAsync(await packParts(parts, new Date('2027-03-01T00:00:00Z')), { checkCRC32: true });
    expect(await zip.file('s.xml')!.async('string')).toBe('<worksheet><sheetData/><tableParts/><extLst/></worksheet>');
  });
});

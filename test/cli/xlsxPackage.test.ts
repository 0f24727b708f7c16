import { strFromU8, strToU8, zipSync } from 'fflate';
import JSZip from 'jszip';
import { insertBeforeEnd, packParts, partText, unpackStored, type Parts } from '../../src/cli/xlsxPackage';
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

describe('the parts of a stored package', () => {
  const files = { '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook>é</workbook>'), 'xl/worksheets/sheet1.xml': new Uint8Array(70_000).fill(65) };
  const stored = zipSync(files, { level: 0 });

  test('are read from its directory as views of its bytes, as unzipping reads them', () => {
    const parts = unpackStored([stored]);
    expect([...parts.keys()]).toEqual(Object.keys(files));
    for (const [name, part] of parts) {
      expect([name, Buffer.from(part as Uint8Array).equals(Buffer.from(files[name as keyof typeof files]))]).toEqual([name, true]);
      expect((part as Uint8Array).buffer).toBe(stored.buffer);
    }
  });

  test('are read from a package in pieces of any size, headers and parts lying across them', () => {
    for (const size of [1, 7, 46, 4096]) {
      const pieces = Array.from({ length: Math.ceil(stored.length / size) }, (_, i) => stored.subarray(i * size, (i + 1) * size));
      const parts = unpackStored(pieces);
      expect([size, [...parts].map(([name, part]) => [name, partText(parts, name) === strFromU8(files[name as keyof typeof files]), typeof part])]).toEqual([
        size,
        Object.keys(files).map((name) => [name, true, 'object']),
      ]);
    }
  });

  test('refuses a package that is compressed or cut short, naming what is wrong', () => {
    expect(() => unpackStored([zipSync({ 'a.xml': strToU8('<a/>'.repeat(100)) }, { level: 6 })])).toThrow('part a.xml is compressed');
    expect(() => unpackStored([stored.subarray(0, 40)])).toThrow('does not end in a zip directory');
    expect(() => unpackStored([stored.subarray(0, 30), stored.subarray(40)])).toThrow("the stored workbook's zip directory is damaged at entry 1");
    expect(() => unpackStored([stored.subarray(stored.length - 22)])).toThrow("the stored workbook's zip directory runs past its end");
  });

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

import JSZip from 'jszip';
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

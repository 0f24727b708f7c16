import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { renderReportHere, renderReportOnWorker, WORKER_ROWS } from '../../src/cli/reportFiles';
import type { TableWords } from '../../src/report/reportTables';

// A report large enough to be sent to a worker.
const tables: TableWords[] = [
  {
    id: 'cost-estimates',
    title: 'Consultation cost estimates',
    columns: [
      { header: 'Respondent', align: 'left' },
      { header: 'Used in the model', align: 'right' },
    ],
    rows: Array.from({ length: WORKER_ROWS }, (_, i) => [`Respondent ${i}`, `£${i}k`]),
    figures: Array.from({ length: WORKER_ROWS }, (_, i) => [null, { unit: 'gbp', low: i * 1000, high: i * 1000 }]),
    narrative: 'A sentence.',
    notes: [],
  },
];
const date = new Date('2027-03-01T09:00:00Z');
const documentXml = async (bytes: Uint8Array) => (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
const script = (code: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'secmod-worker-')), 'worker.js');
  writeFileSync(path, code);
  return path;
};

describe("the report's files on a worker thread", () => {
  test('a worker that stops before it answers (its script gone, or failing as it starts): the report is made in line instead', async () => {
    const expected = await renderReportHere(tables, 'Heading', date);
    const csv = new TextDecoder().decode(expected.csv[0]);
    expect(csv.split('\r\n')[2]).toBe('Respondent 1,£1k,1000');
    for (const path of [join(tmpdir(), 'no-such-secmod-script.js'), script('process.exit(3);'), script("throw new Error('broken');")]) {
      const made = await renderReportOnWorker(path)(tables, 'Heading', date);
      expect(await documentXml(made.docx)).toBe(await documentXml(expected.docx));
      expect([made.markdown, ...made.csv]).toEqual([expected.markdown, ...expected.csv]);
    }
  }, 60_000);

  test('a run that fails stops a worker that has not answered, rather than wait for it', async () => {
    const stop = new AbortController();
    const started = Date.now();
    const made = renderReportOnWorker(script('setInterval(() => undefined, 1000);'))(tables, 'Heading', date, stop.signal);
    setTimeout(() => stop.abort(), 200);
    await expect(made).rejects.toThrow('the run stopped before the report was made');
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 30_000);
});

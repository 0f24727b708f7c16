import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { WORKER_ROWS } from '../../src/cli/reportFiles';
import { memoryIo } from '../support/memoryIo';
import { syntheticAnnex } from '../support/synthetic';
import { readXlsx } from '../support/xlsxRead';

const root = join(__dirname, '..', '..');

/** Runs `npm run model -- ...` as a user would (npm, then dist/cli.js, which builds itself again from src/ when a source file is newer), in a scratch folder. */
function model(args: string[]) {
  const out = mkdtempSync(join(tmpdir(), 'secmod-cli-'));
  const run = spawnSync('npm', ['run', '--silent', 'model', '--', ...args, '--out', out], { cwd: root, encoding: 'utf8' });
  return { ...run, out };
}

describe('the command line, end to end', () => {
  test('the main job on the bundled seed writes the workbook', async () => {
    const run = model([]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Costs: £350k–£950k from 4 respondents with a figure');
    const path = join(run.out, 'MP207-cost-model.xlsx');
    expect(run.stdout).toContain(`Wrote ${path}`);
    const book = await readXlsx(readFileSync(path));
    expect(book.get('Costs')!.rows.slice(1, 6).map((r) => r[1])).toContain('Utilita Energy Ltd');
  });

  test('a missing document ends with one line on stderr, exit code 1, and nothing written', () => {
    const run = model(['no-such-document.txt']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('error: cannot read no-such-document.txt: no such file\n');
    expect(existsSync(run.out) ? readdirSync(run.out) : []).toEqual([]);
  });

  test("a report large enough to be made on a worker thread is the report made in line: Word, Markdown and CSV", async () => {
    const respondents = WORKER_ROWS + 500;
    const document = join(mkdtempSync(join(tmpdir(), 'secmod-doc-')), 'large.txt');
    writeFileSync(document, syntheticAnnex(respondents));
    const run = model([document, '--decision-date', '2027-03-01', '--iterations', '200']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const inLine = memoryIo();
    expect(await main([document, '--decision-date', '2027-03-01', '--iterations', '200', '--out', 'out'], inLine.io)).toBe(0);
    // Every part alike but the package's own dates (docProps/core.xml).
    const parts = async (bytes: Uint8Array) => {
      const zip = await JSZip.loadAsync(bytes);
      const names = Object.keys(zip.files).filter((n) => n !== 'docProps/core.xml');
      return new Map(await Promise.all(names.map(async (n) => [n, await zip.file(n)!.async('string')] as const)));
    };
    const [worker, line] = await Promise.all([parts(readFileSync(join(run.out, 'MP900-report.docx'))), parts(inLine.written.get('out/MP900-report.docx')!)]);
    expect(worker.get('word/document.xml')).toContain(`Respondent ${String(respondents).padStart(5, '0')} Ltd`);
    expect(worker).toEqual(line);
    // The Markdown and CSVs, made on the worker too, are byte for byte the ones made in line.
    const texts = readdirSync(run.out).filter((name) => /\.(md|csv)$/.test(name));
    expect(texts).toHaveLength(7);
    for (const name of texts) expect(new Uint8Array(readFileSync(join(run.out, name)))).toEqual(inLine.written.get(`out/${name}`));
  }, 120_000);
});


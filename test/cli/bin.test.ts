import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
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
});

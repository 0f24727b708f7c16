import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { main } from '../../src/cli/main';
import { STAGING_PREFIX, writeOutputSet } from '../../src/cli/outputSet';
import { memoryIo } from '../support/memoryIo';
import { scratchFolders } from '../support/scratch';

const scratchDir = scratchFolders();

const root = join(__dirname, '..', '..');
const BIN = join(root, 'src', 'cli', 'bin.ts');
const WORKBOOK = 'MP207-cost-model.xlsx';
const ARGS = ['--iterations', '200'];

/** The real CLI in one Node process (no npm or tsx wrapper between the test and the process it kills). */
const cli = (args: string[], env: Record<string, string> = {}) => spawn(process.execPath, ['--import', 'tsx', BIN, ...ARGS, ...args], { cwd: root, env: { ...process.env, ...env } });
const cliSync = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', BIN, ...ARGS, ...args], { cwd: root, encoding: 'utf8' });

/** Every file in a folder with its bytes, hidden folders left out. */
function contents(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir)
      .filter((n) => !n.startsWith('.'))
      .sort()
      .map((n) => [n, readFileSync(join(dir, n))]),
  );
}

/** Starts a run that stops once the workbook is in its temporary folder; resolves with the process and that folder. */
async function pausedRun(out: string, args: string[]) {
  const child = cli(['--out', out, ...args], { SECMOD_TEST_PAUSE_AFTER: WORKBOOK });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  let stderr = '';
  const staged = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const m = /^paused after (.+)$/m.exec(stderr);
      if (m) resolve(m[1]!);
    });
    child.on('exit', () => reject(new Error(`the run ended before pausing: ${stderr}`)));
  });
  return { child, exited, staged };
}

function previousSet() {
  const out = scratchDir('secmod-set-');
  const first = cliSync(['--out', out, '--decision-date', '2027-03-01']);
  expect(first.stderr).toBe('');
  expect(first.status).toBe(0);
  return { out, before: contents(out) };
}

describe('a run writes its files as a set', () => {
  test('killed between the workbook and the report, it leaves the previous set untouched', async () => {
    const { out, before } = previousSet();
    // The workbook, the Word and Markdown reports and one CSV for each of the seed's seven tables.
    expect(before.size).toBe(10);
    const run = await pausedRun(out, ['--decision-date', '2028-06-01']);

    // The new workbook is written, in a private folder of unpredictable name inside the output folder.
    const folder = dirname(run.staged);
    expect(dirname(folder)).toBe(out);
    expect(basename(folder)).toMatch(new RegExp(`^${STAGING_PREFIX.replace('.', '\\.')}[A-Za-z0-9]{6}$`));
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(readdirSync(folder)).toEqual([WORKBOOK]);
    expect(readFileSync(run.staged).equals(before.get(WORKBOOK)!)).toBe(false);

    run.child.kill('SIGKILL');
    expect(await run.exited).toBe('SIGKILL');
    expect(contents(out)).toEqual(before);
    // Only the dead run's hidden folder is left beside them.
    expect(readdirSync(out).filter((n) => !before.has(n))).toEqual([basename(folder)]);

    // The next run replaces the whole set.
    const again = cliSync(['--out', out, '--decision-date', '2028-06-01']);
    expect(again.status).toBe(0);
    const after = contents(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const name of ['MP207-cost-model.xlsx', 'MP207-report.md', 'MP207-lead-times.csv']) expect(after.get(name)!.equals(before.get(name)!)).toBe(false);
  });

  test('interrupted (Ctrl-C), it takes its temporary folder with it', async () => {
    const { out, before } = previousSet();
    const run = await pausedRun(out, ['--decision-date', '2028-06-01']);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(readdirSync(out).sort()).toEqual([...before.keys()]);
    expect(contents(out)).toEqual(before);
  });

  test('a symbolic link planted at a target name is refused, not followed, and nothing is written', () => {
    const out = scratchDir('secmod-link-');
    const elsewhere = join(scratchDir('secmod-victim-'), 'precious.txt');
    writeFileSync(elsewhere, 'not yours');
    symlinkSync(elsewhere, join(out, 'MP207-report.md'));
    const run = cliSync(['--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`error: cannot write ${join(out, 'MP207-report.md')}: it is a symbolic link, which the CLI does not follow (remove it, or choose another --out)\n`);
    expect(readFileSync(elsewhere, 'utf8')).toBe('not yours');
    expect(readdirSync(out)).toEqual(['MP207-report.md']);
    expect(lstatSync(join(out, 'MP207-report.md')).isSymbolicLink()).toBe(true);
  });
});

describe('an output folder that cannot be used: one line, exit 2, nothing written', () => {
  /** main over the real file system for its output. */
  async function run(out: string) {
    const fake = memoryIo();
    const code = await main(['--out', out, ...ARGS], { ...fake.io, writeSet: writeOutputSet });
    return { code, stderr: fake.stderr(), stdout: fake.stdout() };
  }
  const scratch = () => scratchDir('secmod-out-');

  test('--out naming an existing file', async () => {
    const file = join(scratch(), 'notes.txt');
    writeFileSync(file, 'mine');
    expect(await run(file)).toEqual({ code: 2, stdout: '', stderr: `error: cannot write to ${file}: it is a file, not a folder (choose another --out)\n` });
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  test('--out under a file', async () => {
    const file = join(scratch(), 'notes.txt');
    writeFileSync(file, 'mine');
    const result = await run(join(file, 'sub'));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: cannot write to ${join(file, 'sub')}: a file is in the way of a folder (choose another --out)\n`);
  });

  test('a path too long for the file system', async () => {
    const long = join(scratch(), 'x'.repeat(300));
    const result = await run(long);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: cannot write to .{50}….{60}: the path is too long \(choose another --out\)\n$/);
  });

  test('a folder at a target name', async () => {
    const out = scratch();
    mkdirSync(join(out, WORKBOOK));
    const result = await run(out);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: cannot write ${join(out, WORKBOOK)}: a folder has that name (move it, or choose another --out)\n`);
    expect(readdirSync(out)).toEqual([WORKBOOK]);
  });

  // /sys refuses new folders even to root; elsewhere there is no such place to try.
  (existsSync('/sys/kernel') ? test : test.skip)('a folder that cannot be written', async () => {
    const result = await run('/sys/secmod-out');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: cannot write to \/sys\/secmod-out: (permission denied|the file system is read-only|a folder cannot be made there) \(choose another --out\)\n$/);
  });
});

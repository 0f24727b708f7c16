import { constants } from 'node:fs';
import { lstat, mkdir, mkdtemp, open, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CliError, errorCode, fileProblem, shownPath } from './cliError';

/** One file of a run's output, named within the output folder. */
export interface OutputFile {
  readonly name: string;
  readonly data: Uint8Array;
}

export interface OutputSetOptions {
  /** Shown each file the set would replace, before anything is written; throws to refuse. */
  readonly replacing?: (name: string, read: () => Promise<Uint8Array>) => Promise<void>;
  /** Called once each file is in the temporary folder (a test pauses here to kill the run). */
  readonly staged?: (name: string, folder: string) => Promise<void>;
}

/** The temporary folder's prefix: hidden, and named so a leftover one is recognised. */
export const STAGING_PREFIX = '.secmod-run-';

/**
 * Puts a run's files into `dir` as a set. They are written under a fresh private folder made
 * inside `dir` (so the moves are renames on one file system), then renamed into place. Until the
 * renames, the previous files are untouched: a run that fails or is killed changes nothing
 * there. A symbolic link or a folder at a target name is refused, never followed.
 */
export async function writeOutputSet(dir: string, files: readonly OutputFile[], options: OutputSetOptions = {}): Promise<void> {
  for (const f of files) if (!/^[^/\\]+$/.test(f.name) || f.name === '.' || f.name === '..') throw new Error(`"${f.name}" is not a plain file name`);
  await ensureFolder(dir);
  const targets = files.map((f) => ({ ...f, path: join(dir, f.name) }));
  for (const t of targets) if (await existingFile(t.path)) await options.replacing?.(t.name, () => readNoFollow(t.path));

  const staging = await attempt(dir, () => mkdtemp(join(dir, STAGING_PREFIX)));
  // Interrupted (Ctrl-C), the run takes its unfinished files with it; killed outright, they stay in the hidden folder.
  const stopped = (signal: NodeJS.Signals) => {
    void rm(staging, { recursive: true, force: true }).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', stopped);
  process.once('SIGTERM', stopped);
  try {
    for (const t of targets) {
      await attempt(t.path, () => writeNew(join(staging, t.name), t.data));
      await options.staged?.(t.name, staging);
    }
    // A link could have been planted since the first look (a rename would replace it, not follow it, but it is refused all the same).
    for (const t of targets) await existingFile(t.path);
    // Last first: the workbook, which a modeller opens, changes only once its report is in place.
    for (const t of [...targets].reverse()) await attempt(t.path, () => rename(join(staging, t.name), t.path), 'some files of this run are in place and some are not: run it again');
    await rmdir(staging);
  } finally {
    process.removeListener('SIGINT', stopped);
    process.removeListener('SIGTERM', stopped);
    await rm(staging, { recursive: true, force: true });
  }
}

/** The output folder, made if missing; anything else at its name is refused. */
async function ensureFolder(dir: string): Promise<void> {
  const found = await stat(dir).catch(() => null);
  if (found && !found.isDirectory()) throw new CliError(`cannot write to ${shownPath(dir)}: it is a file, not a folder (choose another --out)`, 2);
  if (found) return;
  try {
    await makeFolder(dir, 0);
  } catch (e) {
    if (errorCode(e) === 'ENOENT') throw new CliError(`cannot write to ${shownPath(dir)}: a folder cannot be made there (choose another --out)`, 2);
    throw failure(dir, e);
  }
}

/** mkdir -p, one level at a time: Node's own recursive mkdir loops for ever where a folder cannot be made (under /proc). */
async function makeFolder(dir: string, depth: number): Promise<void> {
  try {
    await mkdir(dir);
  } catch (e) {
    if (errorCode(e) === 'EEXIST' && (await stat(dir).catch(() => null))?.isDirectory()) return;
    if (errorCode(e) !== 'ENOENT' || dirname(dir) === dir || depth > 200) throw e;
    await makeFolder(dirname(dir), depth + 1);
    await mkdir(dir);
  }
}

/** True when a regular file is at the path, false when nothing is; a link, folder or device is refused. */
async function existingFile(path: string): Promise<boolean> {
  const found = await lstat(path).catch((e: unknown) => {
    if (errorCode(e) === 'ENOENT') return null;
    throw failure(path, e);
  });
  if (!found) return false;
  if (found.isSymbolicLink()) throw new CliError(`cannot write ${shownPath(path)}: it is a symbolic link, which the CLI does not follow (remove it, or choose another --out)`, 2);
  if (!found.isFile()) throw new CliError(`cannot write ${shownPath(path)}: ${found.isDirectory() ? 'a folder' : 'something other than a file'} has that name (move it, or choose another --out)`, 2);
  return true;
}

/** A new file, on the disk before it is renamed into place ('wx': the folder is new and ours, so nothing can be waiting at the name). */
async function writeNew(path: string, data: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function readNoFollow(path: string): Promise<Uint8Array> {
  const handle = await attempt(path, () => open(path, constants.O_RDONLY | constants.O_NOFOLLOW));
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Runs a file-system step; its failure becomes one line naming the path. */
async function attempt<T>(path: string, step: () => Promise<T>, after = 'the previous files were left as they were'): Promise<T> {
  try {
    return await step();
  } catch (e) {
    throw failure(path, e, after);
  }
}

function failure(path: string, e: unknown, after?: string): unknown {
  const problem = fileProblem(e);
  if (!problem) return e;
  const fix = problem.exitCode === 2 ? ' (choose another --out)' : '';
  return new CliError(`cannot write to ${shownPath(path)}: ${problem.words}${fix}${after ? `; ${after}` : ''}`, problem.exitCode);
}

/**
 * dist/cli.js, what `npm run model` runs: starts the command line built ahead of time by
 * scripts/buildCli.ts (one CommonJS bundle of bin.ts and everything it uses), with V8's code cache,
 * so a run spends its time on the model rather than on compiling its own code.
 *
 * - The bundle is named by its content hash (dist/cli-build.json says which), and its code cache
 *   by the same name, so a cache always belongs to the code it was made from. A cache V8 refuses
 *   (another Node version) or that is missing is written again when the run ends.
 * - In a working copy (src/ beside dist/), a bundle older than any of its source files is built
 *   again first, so the command line never runs stale code after an edit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** What scripts/buildCli.ts wrote beside this file. */
interface CliBuild {
  /** The bundle's file name in dist/, with its content hash. */
  readonly bundle: string;
  /** The source files it was built from, relative to the package root. */
  readonly inputs: readonly string[];
}

const dist = __dirname;
const root = join(dist, '..');

function readBuild(): CliBuild {
  return JSON.parse(readFileSync(join(dist, 'cli-build.json'), 'utf8')) as CliBuild;
}

/** True when a source file the bundle was built from has changed since (only in a working copy with its sources). */
function stale(build: CliBuild): boolean {
  if (!existsSync(join(root, 'src'))) return false;
  let built: number;
  try {
    built = statSync(join(dist, build.bundle)).mtimeMs;
  } catch {
    return true;
  }
  return build.inputs.some((input) => {
    try {
      return statSync(join(root, input)).mtimeMs > built;
    } catch {
      // A source file gone (renamed or deleted): the bundle no longer matches the sources.
      return true;
    }
  });
}

function rebuild(): void {
  // The whole build, code cache included: a cache made by whatever this run is (--help) would leave out the model.
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'buildCli.ts')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(`internal error: the command line could not be built again from src/ after a change: ${(r.stderr || r.error?.message || '').trim()}\n`);
    process.exit(70);
  }
}

let build = readBuild();
if (stale(build)) {
  rebuild();
  build = readBuild();
}

let filename = join(dist, build.bundle);
let source: string;
try {
  source = readFileSync(filename, 'utf8');
} catch {
  // Another run built it again meanwhile, and its build removed this one: take the new one.
  build = readBuild();
  filename = join(dist, build.bundle);
  source = readFileSync(filename, 'utf8');
}
const cacheFile = filename.replace(/\.js$/, '.cache');
let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(Module.wrap(source), { filename, ...(cachedData ? { cachedData } : {}) });
if (!cachedData || script.cachedDataRejected) {
  // Made once the run is over, so it holds the functions the run compiled; written whole or not at all.
  process.once('exit', () => {
    try {
      const temporary = `${cacheFile}.${process.pid}`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only dist/ runs without a cache.
    }
  });
}
const mod = { exports: {} };
(script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void)(mod.exports, createRequire(filename), mod, filename, dist);

/**
 * `npm run build:cli` (also run by `npm run build` and by npm on `npm ci`/`npm install`, as
 * `prepare`): builds the command line ahead of time into dist/.
 *
 * - dist/cli-main-<hash>.js: src/cli/bin.ts and everything it uses in one CommonJS bundle for
 *   Node 20 (whitespace and syntax minified, names kept, so a --debug trace still reads).
 * - dist/cli.js: the launcher (src/cli/launcher.ts) that `npm run model` runs.
 * - dist/cli-build.json: which bundle is current and the source files it came from.
 * - dist/cli-main-<hash>.cache: V8's code cache, made by one run on the bundled seed, so it holds
 *   the functions a run of the model compiles.
 *
 * Every file is written under a temporary name and renamed, so a run starting meanwhile sees
 * either the old build or the new one, never half of one.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build, type BuildOptions } from 'esbuild';

const root = join(__dirname, '..');
const dist = join(root, 'dist');

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  write: false,
  metafile: true,
  logLevel: 'warning',
};

/** Writes a file whole: under a temporary name first, then renamed over the old one. */
function writeWhole(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

async function main(): Promise<void> {
  const started = Date.now();
  mkdirSync(dist, { recursive: true });

  const cli = await build({ ...common, entryPoints: [join(root, 'src', 'cli', 'bin.ts')], outfile: join(dist, 'cli-main.js') });
  const code = cli.outputFiles![0]!.contents;
  const bundle = `cli-main-${createHash('sha256').update(code).digest('hex').slice(0, 12)}.js`;
  const inputs = Object.keys(cli.metafile!.inputs)
    .filter((input) => !input.includes('node_modules'))
    .map((input) => relative(root, join(process.cwd(), input)).split('\\').join('/'));
  // Dependencies count too: an npm install or update changes the lock file.
  inputs.push('package-lock.json', 'scripts/buildCli.ts');

  const launcher = await build({ ...common, entryPoints: [join(root, 'src', 'cli', 'launcher.ts')], outfile: join(dist, 'cli.js'), banner: { js: '#!/usr/bin/env node' } });

  writeWhole(join(dist, bundle), code);
  writeWhole(join(dist, 'cli-build.json'), `${JSON.stringify({ bundle, inputs }, null, 2)}\n`);
  writeWhole(join(dist, 'cli.js'), launcher.outputFiles![0]!.contents);
  // Earlier bundles and their caches go.
  for (const name of readdirSync(dist)) {
    if (/^cli-main-[0-9a-f]+\.(js|cache)$/.test(name) && !name.startsWith(bundle.replace(/\.js$/, '.'))) unlinkSync(join(dist, name));
  }

  // One run on the seed, into a scratch folder: the launcher writes the code cache when it ends. A
  // run that fails leaves the build as it is, without a cache (a later run makes one), and says so.
  const out = mkdtempSync(join(tmpdir(), 'secmod-cli-warm-up-'));
  let cached = true;
  try {
    const r = spawnSync(process.execPath, [join(dist, 'cli.js'), '--out', out, '--iterations', '1000'], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) {
      cached = false;
      console.warn(`warning: the built command line failed on the seed, so no code cache was made: ${(r.stderr || r.error?.message || '').trim()}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  console.log(`Built dist/cli.js and dist/${bundle} (${(code.length / 1024).toFixed(0)} KB${cached ? ', code cache made on the seed' : ''}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});

/**
 * Start-up measurements for `npm run bench`: the compiled CLI against starting Node at all, and
 * cold loads of the built task pane in Chromium with the JavaScript they fetch before first text.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { serveFolder } from '../test/support/staticServer';

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall time of one command run to completion, in milliseconds; throws when it fails. */
function wall(cwd: string, cmd: string, args: readonly string[]): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return performance.now() - t;
}

export interface CliStartup {
  /** `node -e 0`: the yardstick. */
  readonly nodeOnly: number;
  /** `node dist/cli.js` on the seed, into a new folder each time. */
  readonly compiled: number;
  /** The same run again into a folder that holds the previous run's files (it reads the workbook there first). */
  readonly compiledAgain: number;
  /** `npm run model` as a user types it: the compiled run plus npm's own start-up (the difference is npm's). */
  readonly npm: number;
  /** `node dist/cli.js --help`: start-up without the heavy modules of a run. */
  readonly help: number;
}

/** Medians of `runs` alternating runs of each, so a busy machine weighs on all of them alike. */
export function cliStartup(root: string, runs = 5): CliStartup {
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is not built: run npm run build:cli first');
  const args = ['--decision-date', '2027-03-01'];
  const times: Record<keyof CliStartup, number[]> = { nodeOnly: [], compiled: [], compiledAgain: [], npm: [], help: [] };
  // One run untimed: builds the bundle again if the sources changed (the launcher does) and makes its code cache.
  const warm = mkdtempSync(join(tmpdir(), 'secmod-bench-cli-'));
  wall(root, process.execPath, [cli, '--out', warm]);
  rmSync(warm, { recursive: true, force: true });
  for (let i = 0; i < runs; i++) {
    const out = mkdtempSync(join(tmpdir(), 'secmod-bench-cli-'));
    try {
      times.nodeOnly.push(wall(root, process.execPath, ['-e', '0']));
      times.compiled.push(wall(root, process.execPath, [cli, ...args, '--out', out]));
      times.compiledAgain.push(wall(root, process.execPath, [cli, ...args, '--out', out]));
      times.help.push(wall(root, process.execPath, [cli, '--help']));
      times.npm.push(wall(root, 'npm', ['run', '--silent', 'model', '--', ...args, '--out', join(out, 'npm')]));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) as unknown as CliStartup;
}

export interface PaneLoads {
  /** Each cold load: page requested to the import step's text box shown, in milliseconds. */
  readonly times: readonly number[];
  readonly median: number;
  /** The add-in's own scripts fetched before that (office.js and its files excluded): names and gzip bytes. */
  readonly scripts: readonly { readonly name: string; readonly gzip: number }[];
  readonly gzip: number;
  /** Scripts fetched after first text (the lazy chunks warmed in the background). */
  readonly later: readonly string[];
}

/** The moment the first text shows: when the import step's text box is in the page. */
const FIRST_TEXT = `(() => {
  const seen = () => document.querySelector('textarea[aria-label="Collated responses"]');
  const mark = () => { if (!window.__firstText && seen()) { window.__firstText = performance.now(); return true; } return false; };
  new MutationObserver((_, o) => { if (mark()) o.disconnect(); }).observe(document, { childList: true, subtree: true });
})()`;

/** One cold load (a new browser context, so an empty cache) of `url`: the moment of first text, and the resources fetched. */
async function coldLoad(browser: Browser, url: string): Promise<{ first: number; resources: { name: string; start: number }[] }> {
  const context = await browser.newContext({ viewport: { width: 350, height: 900 } });
  try {
    const page = await context.newPage();
    // Runs before any of the page's scripts.
    await page.addInitScript(FIRST_TEXT);
    await page.goto(url);
    await page.waitForFunction('window.__firstText !== undefined', undefined, { timeout: 30_000 });
    // Let the loads that follow first text finish, so they can be told apart.
    await page.waitForLoadState('networkidle');
    return (await page.evaluate(`({
      first: window.__firstText,
      resources: performance.getEntriesByType('resource').map((r) => ({ name: new URL(r.name).pathname, start: r.startTime })),
    })`)) as { first: number; resources: { name: string; start: number }[] };
  } finally {
    await context.close();
  }
}

/**
 * The yardstick for the pane: a page that loads office.js (the same copy) and, once Office is
 * ready, shows the same text box from a few lines of inline script. Median of `loads` cold loads.
 */
export async function officeOnlyLoads(browser: Browser, dist: string, loads = 5): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), 'secmod-bench-office-'));
  symlinkSync(join(dist, 'office-js'), join(folder, 'office-js'));
  writeFileSync(
    join(folder, 'blank.html'),
    `<!doctype html><html lang="en-GB"><head><meta charset="UTF-8"><title>office.js only</title><script src="office-js/office.js"></script></head>
<body><script>Office.onReady(() => { const t = document.createElement('textarea'); t.setAttribute('aria-label', 'Collated responses'); document.body.append(t); });</script></body></html>`,
  );
  const server = await serveFolder(folder);
  try {
    const times: number[] = [];
    for (let i = 0; i < loads; i++) times.push((await coldLoad(browser, `${server.origin}/blank.html`)).first);
    return median(times);
  } finally {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Cold loads of the built task pane: each in a new browser context (empty cache), timed from the
 * request to the "Collated responses" box in the page, measured inside the page so the automation's
 * round trips are left out. The scripts counted are those whose fetch started before that moment.
 */
export async function paneColdLoads(browser: Browser, origin: string, dist: string, loads = 5): Promise<PaneLoads> {
  const times: number[] = [];
  // A script counts as fetched before first text if it was in any of the loads.
  const before = new Set<string>();
  const all = new Set<string>();
  for (let i = 0; i < loads; i++) {
    const { first, resources } = await coldLoad(browser, `${origin}/taskpane.html`);
    times.push(first);
    for (const r of resources.filter((x) => x.name.endsWith('.js') && !x.name.startsWith('/office-js/'))) {
      all.add(r.name.slice(1));
      if (r.start < first) before.add(r.name.slice(1));
    }
  }
  const later = [...all].filter((name) => !before.has(name));
  const scripts = [...before].sort().map((name) => ({ name, gzip: gzipSync(readFileSync(join(dist, name))).length }));
  return { times, median: median(times), scripts, gzip: scripts.reduce((s, x) => s + x.gzip, 0), later: later.sort() };
}

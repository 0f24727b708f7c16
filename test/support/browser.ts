import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** What the browser tests share: the build, Chromium from Debian, where screenshots go, and the accessibility check. */
const root = join(__dirname, '..', '..');
export const dist = join(root, 'dist');
export const shots = join(root, 'test-output', 'screenshots');
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
// CI installs Chromium and builds dist/ first (npm test), so there a missing one is a failure.
const ready = Boolean(CHROMIUM && existsSync(join(dist, 'taskpane.html')));
export const describeInBrowser = ready || process.env.CI ? describe : describe.skip;
if (!ready && !process.env.CI) console.warn('Chromium or dist/ is missing: the browser test is skipped here; CI runs it.');

/** axe-core's WCAG 2.1 A and AA findings on the page as it stands: rule, impact and the first element. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Colours are measured once transitions (an accordion opening) have finished.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  // Evaluated through the debugging protocol: the pane's CSP rightly refuses an injected script tag.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: object, options: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    // Fluent's focus manager (Tabster) puts hidden focus guards at the edges of groups that pass
    // focus straight on; they are not content, so they are left out.
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
  });
  return violations;
}


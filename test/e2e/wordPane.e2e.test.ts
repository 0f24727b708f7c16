import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { planToXlsx } from '../../src/cli/xlsxWriter';
import { accessibilityViolations, CHROMIUM, CHROMIUM_ARGS, describeInBrowser, dist, shots } from '../support/browser';
import { september } from '../support/fmr';
import { serveFolder } from '../support/staticServer';

describeInBrowser('the built Word pane in Chromium (outside Word: an in-memory document)', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveFolder>>;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await serveFolder(dist);
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('choose a model workbook, insert a table, refresh it: at 350 px, with no accessibility violations', async () => {
    const page = await browser.newPage({ viewport: { width: 350, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    await page.goto(`${server.origin}/word.html`);
    await page.getByText('This document holds none of the model’s tables.').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(shots, 'word-1-empty.png'), fullPage: true });

    const file = join(mkdtempSync(join(tmpdir(), 'secmod-word-')), 'MP207-cost-model.xlsx');
    writeFileSync(file, await planToXlsx(september.plan, { creator: 'test', created: new Date('2026-11-30T00:00:00Z') }));
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText(/From MP207-cost-model\.xlsx/).waitFor({ timeout: 30_000 });

    await page.getByRole('combobox', { name: 'Table' }).selectOption('lead-times');
    await page.getByRole('button', { name: 'Insert at the cursor' }).click();
    await page.getByText(/^Inserted “Lead times and implementation approach” at the cursor, with its caption/).waitFor();
    await page.getByRole('button', { name: 'Refresh 1 table' }).click();
    await page.getByText(/^Refreshed 1 table from MP207-cost-model\.xlsx: “Lead times and implementation approach”\./).waitFor();
    await page.screenshot({ path: join(shots, 'word-2-refreshed.png'), fullPage: true });

    // Nothing is wider than the pane.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);
});

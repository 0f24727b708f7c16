import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { chromium, type Browser, type Page } from 'playwright-core';
import { accessibilityViolations, CHROMIUM, CHROMIUM_ARGS, describeInBrowser, dist, shots } from '../support/browser';
import { serveFolder } from '../support/staticServer';
import { seedText } from '../support/seed';

describeInBrowser('the built task pane in Chromium (outside Office: the preview workbook)', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveFolder>>;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await serveFolder(dist);
    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      args: CHROMIUM_ARGS,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(colorScheme: 'light' | 'dark' = 'light', width = 380, forcedColors: 'active' | 'none' = 'none'): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 1000 }, acceptDownloads: true, colorScheme, forcedColors });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByLabel('Collated responses').waitFor({ timeout: 30_000 });
    return { page, problems };
  }

  test('paste the seed, read it, import it, export the Word report', async () => {
    const { page, problems } = await open();
    await page.screenshot({ path: join(shots, '1-empty.png') });
    await page.getByLabel('Collated responses').fill(seedText());
    await page.getByRole('button', { name: 'Read responses' }).click();
    await page.getByText(/5 respondents; 4 gave a figure, totalling £350k–£950k/).waitFor();
    expect(await page.getByRole('table', { name: 'Parsed respondents' }).getByRole('row').count()).toBe(6);
    await page.screenshot({ path: join(shots, '2-preview.png'), fullPage: true });
    await page.getByRole('button', { name: 'Import into preview workbook' }).click();
    await page.getByText(/created Read me, Checks, Responses, Costs/).waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Word report' }).click()]);
    expect(download.suggestedFilename()).toBe('MP207-report.docx');
    const path = join(shots, '..', 'MP207-report.docx');
    await download.saveAs(path);
    const xml = await (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Four of five respondents have a cost figure in the model; together they come to £350k–£950k.');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(7);
    await page.screenshot({ path: join(shots, '3-imported.png'), fullPage: true });

    // A panel member changes the Central uptake: the Central NPV follows at once.
    const results = page.getByRole('table', { name: 'Scenario results' });
    // Scenarios across, measures down: the NPV row, the Central column.
    const centralNpv = () => results.getByRole('row').nth(1).getByRole('cell').nth(2).textContent();
    const before = await centralNpv();
    await page.getByLabel('Central uptake: Large Supplier').fill('50');
    await page.waitForFunction((was) => document.querySelectorAll('table[aria-label="Scenario results"] tr')[1]?.querySelectorAll('td')[2]?.textContent !== was, before);
    expect(await centralNpv()).not.toBe(before);
    await page.getByRole('button', { name: 'Write to workbook' }).click();
    await page.getByText("Wrote 1 cell, marked as entered in the task pane; the workbook's formulas recalculate.").waitFor();
    await page.screenshot({ path: join(shots, '6-assumptions.png'), fullPage: true });

    // The simulation runs in a Web Worker and writes its percentiles.
    await page.getByRole('button', { name: 'Run uncertainty' }).click();
    await page.getByText(/Simulated 10,000 draws/).waitFor({ timeout: 30_000 });
    const line = (await page.getByLabel('Simulated industry cost').textContent())!;
    const [p10, p50, p90] = [...line.matchAll(/£(\d+)k/g)].map((m) => Number(m[1]));
    expect(p10).toBeLessThanOrEqual(p50!);
    expect(p50).toBeLessThanOrEqual(p90!);
    await page.screenshot({ path: join(shots, '7-uncertainty.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  test('figures typed before the import, then the release calendar edited and the model rewritten', async () => {
    const { page, problems } = await open();
    await page.getByLabel('Collated responses').fill(seedText());
    await page.getByRole('button', { name: 'Read responses' }).click();
    await page.getByRole('button', { name: 'Override parsed figures before importing' }).click();
    // Money as modellers write it.
    await page.getByLabel('Override low £, OVO Energy').fill('100k');
    await page.getByLabel('Override high £, OVO Energy').fill('£200,000');
    await page.getByText(/4 gave a figure, totalling £450k–£1.15m with 1 override/).waitFor();
    await page.getByText('Override: £100k–£200k').waitFor();
    await page.getByRole('list', { name: 'Overrides' }).screenshot({ path: join(shots, '8-preview-overrides.png') });
    await page.getByRole('button', { name: 'Import into preview workbook' }).click();
    await page.getByText('Wrote 1 override typed in the preview.').waitFor({ timeout: 30_000 });

    const result = page.getByLabel('Timeline result');
    // Dates day first, as the pane shows them.
    expect(await page.getByLabel('Override low £, OVO Energy').inputValue()).toBe('£100k');
    await page.getByLabel('Decision date').fill('01/03/2027');
    await page.getByText(/earliest release 4 November 2027\./).waitFor();
    await page.getByRole('button', { name: 'Remove 4 November 2027' }).click();
    await page.getByText(/earliest release 24 February 2028\./).waitFor();
    await page.getByLabel('Release to add').fill('2/12/2027');
    await page.getByRole('button', { name: 'Add release' }).click();
    await page.getByText(/earliest release 2 December 2027\./).waitFor();
    expect(await result.textContent()).toBe('Required lead time 8 months (Utilita Energy Ltd); ready by 1 November 2027; earliest release 2 December 2027.');
    await page.getByRole('button', { name: 'Write timeline to workbook' }).click();
    await page.getByText(/^Rewrote the model with \d+ releases in the calendar/).waitFor({ timeout: 30_000 });
    await page.getByRole('region', { name: '4 Implementation timeline' }).screenshot({ path: join(shots, '9-timeline-calendar.png') });
    expect(problems).toEqual([]);
  });

  test('every panel passes the WCAG 2.1 AA rules axe checks, in light, dark and high contrast', async () => {
    for (const [scheme, forced] of [
      ['light', 'none'],
      ['dark', 'none'],
      ['dark', 'active'],
    ] as const) {
      const { page, problems } = await open(scheme, 380, forced);
      await page.getByLabel('Collated responses').fill(seedText());
      await page.getByRole('button', { name: 'Read responses' }).click();
      await page.getByRole('button', { name: 'Override parsed figures before importing' }).click();
      await page.getByLabel('Override low £, OVO Energy').waitFor();
      const before = await accessibilityViolations(page);
      await page.getByRole('button', { name: 'Import into preview workbook' }).click();
      await page.getByText(/created Read me, Checks, Responses, Costs/).waitFor({ timeout: 30_000 });
      const after = await accessibilityViolations(page);
      expect({ scheme, forced, before, after }).toEqual({ scheme, forced, before: [], after: [] });
      expect(problems).toEqual([]);
    }
  });

  test('at 320 and 500 px: the steps in order, money never split from its sign, a box that is not a figure marked and blocking', async () => {
    for (const width of [320, 500]) {
      const { page, problems } = await open('light', width);
      await page.getByText(/^Start here/).waitFor();
      await page.getByLabel('Collated responses').fill(seedText());
      await page.getByRole('button', { name: 'Read responses' }).click();
      await page.getByRole('button', { name: 'Override parsed figures before importing' }).click();
      const low = page.getByLabel('Override low £, OVO Energy');
      await low.fill('abc');
      await page.getByText('“abc” is not a sum of money: type it as 40k, £40k, £1.2m or 40,000').waitFor();
      expect(await low.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByRole('button', { name: 'Import into preview workbook' }).isDisabled()).toBe(true);
      await page.getByRole('region', { name: '1 Import' }).screenshot({ path: join(shots, `${width}-1-import-invalid.png`) });
      await low.fill('40k');
      await page.getByLabel('Override high £, OVO Energy').fill('90k');
      await page.getByRole('button', { name: 'Import into preview workbook' }).click();
      await page.getByText(/created Read me, Checks, Responses, Costs/).waitFor({ timeout: 30_000 });
      expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['1 Import', '2 Review findings (1)', '3 Assumptions and scenarios', '4 Implementation timeline', '5 Export']);
      // A figure box shows its whole value.
      const box = page.getByLabel('Override low £, OVO Energy');
      expect(await box.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth)).toBe(true);
      // Every sum of money in the results sits on one line with its sign, and no cell spills over its neighbour.
      const split = await page.evaluate(() =>
        [...document.querySelectorAll('table[aria-label="Scenario results"] td')]
          .map((td) => {
            const lines = [...td.querySelectorAll('span')]
              .filter((s) => s.textContent?.includes('£'))
              .map((s) => new Set([...s.getClientRects()].map((r) => Math.round(r.top))).size);
            return { text: td.textContent, split: lines.some((n) => n > 1), spills: td.scrollWidth > td.clientWidth };
          })
          .filter((c) => c.split || c.spills),
      );
      expect(split).toEqual([]);
      for (const [n, name] of [
        [2, 'Review findings (1)'],
        [3, 'Assumptions and scenarios'],
        [4, 'Implementation timeline'],
        [5, 'Export'],
      ] as const) {
        await page.getByRole('region', { name: `${n} ${name}` }).screenshot({ path: join(shots, `${width}-${n}-${name.split(' ')[0]!.toLowerCase()}.png`) });
      }
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  test('a figure typed survives an edit of the text; a finding\'s fix reaches the workbook; the simulation says when it is out of date', async () => {
    const { page, problems } = await open();
    const text = seedText().replace('Yes, if approved we would be paying for a service that we have no intention of using.', 'Yes, we estimate around £40k.');
    const paste = async (t: string) => {
      await page.getByLabel('Collated responses').fill(t);
      await page.getByRole('button', { name: 'Read responses' }).click();
    };
    await paste(text);
    await page.getByRole('button', { name: 'Override parsed figures before importing' }).click();
    await page.getByLabel('Override months, EON UK').fill('5');
    // A keystroke in the text keeps the preview and the figure; a new read keeps the figure too.
    await page.getByLabel('Collated responses').press('End');
    await page.getByLabel('Collated responses').press('Space');
    expect(await page.getByLabel('Override months, EON UK').inputValue()).toBe('5');
    await page.getByText('The text has changed since it was read: press Read responses first.').waitFor();
    await page.getByRole('button', { name: 'Read responses' }).click();
    await page.getByText('Kept the figures typed for 1 respondent.').waitFor();
    // The finding's own figure, in one step, then imported with it.
    const findings = page.getByRole('list', { name: 'Findings' });
    await findings.getByRole('button', { name: 'Use £40k' }).click();
    await findings.getByText('Using £40k').waitFor();
    await page.getByRole('button', { name: 'Import into preview workbook' }).click();
    await page.getByText(/created Read me/).waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Override low £, OVO Energy').inputValue()).toBe('£40k');
    expect(await page.getByLabel('Override months, EON UK').inputValue()).toBe('5');
    // The simulation, then a population moved: out of date until it runs again.
    await page.getByRole('button', { name: 'Run uncertainty' }).click();
    await page.getByText(/Simulated 10,000 draws/).waitFor({ timeout: 30_000 });
    await page.getByLabel('Large Supplier: parties').fill('40');
    await page.getByText(/^Out of date — run again/).waitFor();
    await page.getByRole('region', { name: '3 Assumptions and scenarios' }).screenshot({ path: join(shots, '10-stale-simulation.png') });
    await page.getByRole('button', { name: 'Run uncertainty' }).click();
    await page.getByText(/^Out of date — run again/).waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.getByLabel('Simulated industry cost').textContent()).toMatch(/^Industry cost P10/);
    expect(problems).toEqual([]);
  });

  test('a dark browser gets the dark theme', async () => {
    const { page, problems } = await open('dark');
    await page.getByLabel('Collated responses').fill(seedText());
    await page.getByRole('button', { name: 'Read responses' }).click();
    await page.getByText(/5 respondents/).waitFor();
    const background = await page.locator('.fui-FluentProvider').evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number) as [number, number, number];
    expect(r + g + b).toBeLessThan(200);
    await page.screenshot({ path: join(shots, '5-dark.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  test('markup in answers shows as text: no dialog, no script, no image', async () => {
    const { page, problems } = await open();
    await page.getByLabel('Collated responses').fill(readFileSync(join(__dirname, '..', 'fixtures', 'ok.hostile.txt'), 'utf8'));
    await page.getByRole('button', { name: 'Read responses' }).click();
    await page.getByText('<script>alert(1)</script><img src=x onerror=alert(1)>', { exact: false }).first().waitFor();
    expect(await page.locator('main img').count()).toBe(1);
    expect(await page.locator('main script').count()).toBe(0);
    await page.screenshot({ path: join(shots, '4-hostile.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});

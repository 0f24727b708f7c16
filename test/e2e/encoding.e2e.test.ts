import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, describeInBrowser, dist } from '../support/browser';
import { CP1252_HIGH, windows1252 } from '../support/codePage1252';
import { seedText } from '../support/seed';
import { serveFolder } from '../support/staticServer';

describeInBrowser('the built task pane reads a Windows-1252 file as the code page has it (Chromium)', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveFolder>>;

  beforeAll(async () => {
    server = await serveFolder(dist);
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('every byte from 0x80 to 0x9F in a name, and the en dash of a lead time', async () => {
    // Utilita's name carries all 32 bytes, wherever it appears; the five the code page leaves undefined are removed as controls.
    const name = [...windows1252('Utilita 1252 '), ...Object.keys(CP1252_HIGH).map(Number)];
    const bytes = Uint8Array.from(seedText().split('Utilita Energy Ltd').flatMap((part, i) => [...(i > 0 ? name : []), ...windows1252(part)]));
    // Names keep plain quotes, so the four curly ones (0x91–0x94) read as ' and ".
    const expectedName = `Utilita 1252 ${Object.values(CP1252_HIGH).filter((ch) => ch !== null).join('')}`.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');

    const page = await browser.newPage({ viewport: { width: 380, height: 1000 } });
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByLabel('Collated responses').waitFor({ timeout: 30_000 });
    await page.getByLabel('Collation file').setInputFiles({ name: 'annex-d.txt', mimeType: 'text/plain', buffer: Buffer.from(bytes) });
    const preview = page.getByRole('table', { name: 'Parsed respondents' });
    await preview.waitFor({ timeout: 30_000 });
    const row = preview.getByRole('row').filter({ hasText: 'Utilita 1252' });
    expect((await row.getByRole('cell').first().innerText()).split('\n')[0]!.trim()).toBe(expectedName);
    // "6 – 8 Months" keeps its en dash (0x96), so the range stays 6–8 months, not 8.
    expect(await row.innerText()).toContain('6–8 months');
    await page.close();
  });
});

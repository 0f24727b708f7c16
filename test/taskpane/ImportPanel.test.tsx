/**
 * @jest-environment jsdom
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from '../../src/taskpane/App';
import { createMemoryHost } from '../../src/workbook/memoryHost';
import { seedText } from '../support/seed';

const hostile = readFileSync(join(__dirname, '..', 'fixtures', 'ok.hostile.txt'), 'utf8');

/** The seed pasted, read and imported into a fresh preview workbook. */
async function importSeed(host = createMemoryHost()) {
  render(<App host={host} />);
  await paste(seedText());
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Import into preview workbook' }));
  });
  await screen.findByText(/created Read me/);
  return host;
}

/** Matches the element whose whole text is `text`, however it is split into spans (figures are kept whole in their own). */
function whole(text: string) {
  return (_: string, el: Element | null) => el?.textContent === text && [...(el?.children ?? [])].every((c) => c.textContent !== text);
}

/** Pastes the text and reads it (the reading is asynchronous, as it is in a worker in the pane). */
async function paste(text: string) {
  fireEvent.change(screen.getByLabelText('Collated responses'), { target: { value: text } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Read responses' }));
  });
}

describe('the import panel', () => {
  test('reads the pasted seed, previews five respondents with their parsed values, and imports', async () => {
    const host = createMemoryHost();
    render(<App host={host} />);
    await paste(seedText());
    expect(screen.getByText(/5 respondents; 4 gave a figure, totalling £350k–£950k; 1 unquantified/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Parsed respondents' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual([
      'EON UKLarge Supplier',
      'OVO EnergyLarge Supplier',
      'Utility WarehouseLarge Supplier',
      'Utilita Energy LtdLarge Supplier',
      'ENGIE (ENGIE Power Limited, ENGIE Gas Limited)Small Supplier',
    ]);
    expect(within(rows[3]!).getByText('£250k–£500k')).toBeTruthy();
    expect(within(rows[3]!).getByText('6–8 months')).toBeTruthy();
    expect(within(rows[1]!).getByText('Unquantified')).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Import into preview workbook' }));
    });
    expect(await screen.findByText(/created Read me, Checks, Responses, Costs, Lead times, Assumptions, Industry costs, Scenarios, Timeline, Report tables, Findings/)).toBeTruthy();
    const costs = host.sheets().find((s) => s.name === 'Costs')!;
    expect(costs.tables[0]!.rows.map((r) => r[5])).toEqual([
      { t: 'number', v: 100000 },
      { t: 'empty' },
      { t: 'number', v: 0 },
      { t: 'number', v: 250000 },
      { t: 'number', v: 0 },
    ]);
    expect(host.names()).toContain('DecisionDate');
  });

  test('choosing another cost question re-reads the answers', async () => {
    render(<App host={createMemoryHost()} />);
    await paste(seedText());
    fireEvent.change(screen.getByLabelText('Cost question'), { target: { value: '3' } });
    // Question 3 answers Yes/No: one "No" reads as no cost, four "Yes" as costs without a figure.
    expect(screen.getByText(/1 gave a figure, totalling £0; 4 unquantified/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Cost question'), { target: { value: '4' } });
    expect(screen.getByText(/4 gave a figure, totalling £350k–£950k/)).toBeTruthy();
  });

  test('a sheet the add-in did not create stops the import with a message the modeller can act on', async () => {
    const host = createMemoryHost(['Sheet1', 'Costs']);
    render(<App host={host} />);
    await paste(seedText());
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Import into preview workbook' }));
    });
    expect(await screen.findByText('Nothing was imported')).toBeTruthy();
    expect(screen.getByText(/already has a sheet named "Costs" that the add-in did not create/)).toBeTruthy();
    expect(host.sheets().map((s) => s.name)).toEqual(['Sheet1', 'Costs']);
    expect(host.names()).toEqual([]);
  });

  test('offers free names beside the user’s sheet and imports under them', async () => {
    const host = createMemoryHost(['Sheet1', 'Costs']);
    render(<App host={host} />);
    await paste(seedText());
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Import into preview workbook' }));
    });
    const offer = await screen.findByRole('button', { name: 'Import as “Costs (model)”' });
    await act(async () => {
      fireEvent.click(offer);
    });
    expect(await screen.findByText(/created Read me, Checks, Responses, Costs \(model\)/)).toBeTruthy();
    expect(host.sheets().find((s) => s.name === 'Costs')!.tables).toEqual([]);
  });

  test('text that is not a collation is refused with the reason', async () => {
    render(<App host={createMemoryHost()} />);
    await paste('Dear colleague,\nplease find attached.');
    expect(screen.getByText('This text cannot be imported')).toBeTruthy();
    expect(screen.getByText(/no question tables found/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Import into/ })).toBeNull();
  });

  test('markup and formulas in answers are shown as text, never as elements', async () => {
    const { container } = render(<App host={createMemoryHost()} />);
    await paste(hostile);
    expect(container.querySelectorAll('script, iframe').length).toBe(0);
    expect([...container.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual(['assets/logo.png']);
    expect(screen.getAllByText(`“=HYPERLINK("http://example.invalid","x")”`).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/<script>alert\(1\)<\/script><img src=x onerror=alert\(1\)>/).length).toBeGreaterThan(0);
  });
});

describe('importing again', () => {
  test('keeps the override the modeller typed, and says so', async () => {
    const host = createMemoryHost();
    render(<App host={host} />);
    await paste(seedText());
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Import into preview workbook' }));
    });
    await screen.findByText(/created Read me/);
    // Override low £ is column 8 of the Costs table; OVO is its second row.
    host.edit('tblCosts', 1, 7, { t: 'number', v: 55_000 });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Import into preview workbook' }));
    });
    expect(await screen.findByText(/updated Read me, Checks, Responses, Costs/)).toBeTruthy();
    expect(screen.getByText("Kept the workbook's assumptions, 6 populations, 3 scenarios and 1 override.")).toBeTruthy();
    expect(screen.getByText('No respondent or cost answer changed.')).toBeTruthy();
    const ovo = host.sheets().find((s) => s.name === 'Costs')!.tables[0]!.rows[1]!;
    expect(ovo[7]).toEqual({ t: 'number', v: 55_000 });
    expect(ovo[9]).toMatchObject({ t: 'formula', v: 55_000 });
  });
});

describe('exporting the report tables', () => {
  test('copies the tables as HTML for Word and as Markdown, and downloads the Word file', async () => {
    const written: Array<Record<string, Blob>> = [];
    const texts: string[] = [];
    // The browser's clipboard and object URLs, which jsdom lacks: recorded so the test can read what was exported.
    Object.assign(globalThis, { ClipboardItem: class { constructor(readonly items: Record<string, Blob>) {} } });
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { write: async (items: Array<{ items: Record<string, Blob> }>) => written.push(items[0]!.items), writeText: async (t: string) => texts.push(t) },
    });
    const blobs: Blob[] = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:report'), revokeObjectURL: () => undefined });
    // jsdom cannot navigate; the download link's click is recorded instead.
    const clicked: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.download} ${this.href}`);
    });

    render(<App host={createMemoryHost()} />);
    await paste(seedText());
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Import into preview workbook' }));
    });
    await screen.findByText(/created Read me/);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy tables for Word' }));
    });
    const html = await blobText(written[0]!['text/html']!);
    expect(html).toContain('<table data-table-id="cost-estimates"');
    expect(html).toContain('Four of five respondents have a cost figure in the model; together they come to £350k–£950k.');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    });
    expect(texts[0]).toContain('## Table 1: Consultation cost estimates');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Download Word report' }));
    });
    expect(await screen.findByText('Downloaded MP207-report.docx.')).toBeTruthy();
    expect(blobs[0]!.size).toBeGreaterThan(5_000);
    expect(clicked).toEqual(['MP207-report.docx blob:report']);
  });
});

/** jsdom's Blob has no text(); FileReader reads it as a browser would. */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe('opening a Word collation', () => {
  test('reads the .docx, previews the same respondents and imports it', async () => {
    const { collationDocx } = await import('../support/docxFixture');
    const host = createMemoryHost();
    render(<App host={host} />);
    const bytes = await collationDocx(seedText(), { mergeLabels: true });
    const file = new File([bytes as BlobPart], 'MP207 Annex D.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Collation file'), { target: { files: [file] } });
    });
    expect(await screen.findByText('Read from MP207 Annex D.docx.')).toBeTruthy();
    expect(screen.getByText(/5 respondents; 4 gave a figure, totalling £350k–£950k; 1 unquantified/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Import into preview workbook' }));
    });
    await screen.findByText(/created Read me/);
    const readMe = host.sheets().find((s) => s.name === 'Read me')!.tables[0]!.rows;
    expect(readMe.find((r) => r[0]!.t === 'text' && r[0]!.v === 'Source document')![1]).toEqual({ t: 'text', v: 'MP207 Annex D.docx' });
  });
});

describe('the assumptions panel', () => {
  test('a changed uptake moves the scenario results at once, and is written to the uptake cell', async () => {
    const { runModel, defaultAssumptions } = await import('../../src/model/costModel');
    const { importText } = await import('../../src/import/importText');
    const { withUptake } = await import('../../src/taskpane/assumptionEdits');
    const { formatGbpShort } = await import('../../src/model/money');
    const host = await importSeed();
    // Scenarios across (Low, Central, High), measures down: row 1 is NPV.
    const results = () => within(screen.getByRole('table', { name: 'Scenario results' })).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));

    // The engine's figures for the same change, to compare with what the pane shows.
    const analysis = importText(seedText(), 'seed').analysis;
    const base = defaultAssumptions(analysis, new Date().toISOString().slice(0, 10) as never);
    const expected = runModel(analysis, withUptake(base, 'Central', 'Large Supplier', 0.5));
    if (!expected.ok) throw new Error('the model did not run');
    const centralNpv = formatGbpShort(expected.result.scenarios[1]!.result.npv);

    expect(results()[0]![2]).not.toBe(centralNpv);
    // Break-even as a share of the parties with the whole parties that reach it, as the report gives it.
    expect(results().find((r) => r[0] === 'Break-even')).toEqual(['Break-even', 'not reached at full uptake', '85.4% (5 parties)', '35.4% (2 parties)']);
    fireEvent.change(screen.getByLabelText('Central uptake: Large Supplier'), { target: { value: '50' } });
    expect(results()[0]).toEqual(['NPV', expect.any(String), centralNpv, expect.any(String)]);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Write to workbook' }));
    });
    expect(await screen.findByText("Wrote 1 cell, marked as entered in the task pane; the workbook's formulas recalculate.")).toBeTruthy();
    const uptake = host.sheets().flatMap((s) => s.tables).find((t) => t.name === 'tblUptake')!;
    expect(uptake.rows[0]![2]).toEqual({ t: 'number', v: 0.5 });
  });
});

describe('running the uncertainty simulation from the pane', () => {
  async function imported(runner?: import('../../src/taskpane/uncertaintyRunner').UncertaintyRunner) {
    const host = createMemoryHost();
    render(<App host={host} {...(runner ? { runner } : {})} />);
    await paste(seedText());
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Import into preview workbook' }));
    });
    await screen.findByText(/created Read me/);
    return host;
  }

  test('runs, shows P10 ≤ P50 ≤ P90 and writes the percentiles into the workbook', async () => {
    const host = await imported();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Run uncertainty' }));
    });
    expect(await screen.findByText(/Simulated 10,000 draws \(seed 20260101\) and wrote the percentiles/)).toBeTruthy();
    const table = host.sheets().flatMap((s) => s.tables).find((t) => t.name === 'tblUncertainty')!;
    const industry = table.rows.map((r) => (r[2]!.t === 'number' ? r[2]!.v : NaN));
    expect(industry[0]).toBeLessThanOrEqual(industry[1]!);
    expect(industry[1]).toBeLessThanOrEqual(industry[2]!);
    // The totals it ran on go beside today's, which is what says the simulation is current.
    const ranOn = host.sheets().flatMap((s) => s.tables).find((t) => t.name === 'tblSimulationRun')!;
    expect(ranOn.rows.slice(0, 3).map((r) => r[1])).toEqual([350_000, 650_000, 950_000].map((v) => ({ t: 'number', v })));
  });

  test('can be cancelled, and then writes nothing', async () => {
    const { Cancelled } = await import('../../src/taskpane/uncertaintyRunner');
    let cancel: () => void = () => undefined;
    const host = await imported((_, onProgress) => {
      onProgress(1, 4);
      return { result: new Promise((_, reject) => (cancel = () => reject(new Cancelled('cancelled')))), cancel: () => cancel() };
    });
    const before = JSON.stringify(host.sheets());
    fireEvent.click(screen.getByRole('button', { name: 'Run uncertainty' }));
    expect(await screen.findByRole('progressbar')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Cancel simulation' }));
    });
    expect(await screen.findByText('Simulation cancelled; nothing was written.')).toBeTruthy();
    expect(JSON.stringify(host.sheets())).toBe(before);
  });
});

describe('reviewing findings', () => {
  test('after the import, a finding shows its answer row in the workbook', async () => {
    const host = createMemoryHost();
    render(<App host={host} />);
    await paste(readFileSync(join(__dirname, '..', 'fixtures', 'ok.hostile.txt'), 'utf8'));
    expect(screen.queryByRole('button', { name: /Show finding/ })).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Import into preview workbook' }));
    });
    await screen.findByText(/created Read me/);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Show finding 1 in the workbook' }));
    });
    // The first finding is about line 9, Minus Power's answer to question 1: the third row of Responses.
    expect(host.selection()).toBe('Responses!A4:F4');
  });

  test('on a workbook opened later, the findings it recorded are listed and shown, under the sheet names it has', async () => {
    const host = createMemoryHost(['Sheet1', 'Responses']);
    render(<App host={host} />);
    await paste(readFileSync(join(__dirname, '..', 'fixtures', 'ok.hostile.txt'), 'utf8'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Import into preview workbook' }));
    });
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Import as “Responses (model)”' }));
    });
    await screen.findByText(/created Read me, Checks, Responses \(model\)/);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Show finding 1 in the workbook' }));
    });
    expect(host.selection()).toBe('Responses (model)!A4:F4');
    cleanup();
    render(<App host={host} />);
    await screen.findByText('This workbook holds a model');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Show finding 1 in the workbook' }));
    });
    expect(host.selection()).toBe('Responses (model)!A4:F4');
  });
});

describe('the timeline panel', () => {
  test('a decision date and DCC lead time give the release, and are written to their named cells', async () => {
    const { excelSerial } = await import('../../src/model/calendarDates');
    const host = await importSeed();
    fireEvent.change(screen.getByLabelText('Decision date'), { target: { value: '2027-03-01' } });
    expect(screen.getByLabelText('Timeline result').textContent).toBe(
      'Required lead time 8 months (Utilita Energy Ltd); ready by 1 November 2027; earliest release 4 November 2027.',
    );
    fireEvent.change(screen.getByLabelText('DCC lead time (months)'), { target: { value: '12' } });
    expect(screen.getByLabelText('Timeline result').textContent).toBe('Required lead time 12 months (DCC); ready by 1 March 2028; earliest release 29 June 2028.');
    fireEvent.change(screen.getByLabelText('Proposed release'), { target: { value: '2027-06-24' } });
    expect(screen.getByLabelText('Timeline result').textContent).toMatch(/Not ready for the release: Utilita Energy Ltd, ENGIE/);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Write timeline to workbook' }));
    });
    expect(await screen.findByText('Wrote 3 cells, marked as entered in the task pane; the timeline recalculates.')).toBeTruthy();
    const rows = host.sheets().flatMap((s) => s.tables).find((t) => t.name === 'tblAssumptions')!.rows;
    const value = (name: string) => rows.find((r) => r[0]!.t === 'text' && r[0]!.v === name)![2];
    expect(value('DecisionDate')).toEqual({ t: 'number', v: excelSerial('2027-03-01') });
    expect(value('DccLeadTime')).toEqual({ t: 'number', v: 12 });
    expect(value('ProposedRelease')).toEqual({ t: 'number', v: excelSerial('2027-06-24') });
  });
});

describe('using the selected range', () => {
  test('reads the answers selected in the sheet into the preview', async () => {
    const selection = [
      ['Respondent', 'Category', 'Question', 'Response'],
      ['EON UK', 'Large Supplier', 'Q4 Will your organisation incur any costs?', '£100k-£250k'],
      ['EON UK', 'Large Supplier', 'Q5 How long would you need to implement?', '6 months'],
    ];
    render(<App host={createMemoryHost(['Sheet1'], selection)} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Use selected range' }));
    });
    expect(await screen.findByText('Read from selected range.')).toBeTruthy();
    expect(screen.getByText(/1 respondent; 1 gave a figure, totalling £100k–£250k/)).toBeTruthy();
  });
});

describe('overrides typed in the pane', () => {
  test('change the results at once and land in the override columns', async () => {
    const host = await importSeed();
    expect(screen.getByText(whole('Industry one-off cost: £650k central (not the whole industry: some categories are taken to have only their respondents).'))).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Override low £, OVO Energy'), { target: { value: '50000' } });
    fireEvent.change(screen.getByLabelText('Override high £, OVO Energy'), { target: { value: '80000' } });
    // OVO now counts at the midpoint of £50k–£80k: £650k + £65k.
    expect(screen.getByText(whole('Industry one-off cost: £715k central (not the whole industry: some categories are taken to have only their respondents).'))).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Override months, Utility Warehouse'), { target: { value: '10' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Write to workbook' }));
    });
    expect(await screen.findByText("Wrote 3 cells; the workbook's formulas recalculate.")).toBeTruthy();
    const tables = host.sheets().flatMap((s) => s.tables);
    const ovo = tables.find((t) => t.name === 'tblCosts')!.rows[1]!;
    expect([ovo[7], ovo[8]]).toEqual([{ t: 'number', v: 50_000 }, { t: 'number', v: 80_000 }]);
    expect(tables.find((t) => t.name === 'tblLeadTimes')!.rows[2]![7]).toEqual({ t: 'number', v: 10 });
    // Importing again keeps them.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Import into preview workbook' }));
    });
    expect(await screen.findByText("Kept the workbook's assumptions, 6 populations, 3 scenarios and 2 overrides.")).toBeTruthy();
  });
});

describe('figures typed in the preview before the first import', () => {
  test('move the preview total, show beside the parsed answer, and are written as overrides', async () => {
    const host = createMemoryHost();
    render(<App host={host} />);
    await paste(seedText());
    fireEvent.click(screen.getByRole('button', { name: 'Override parsed figures before importing' }));
    // OVO answered "Yes" with no figure; the modeller enters £100k–£200k and 4 months for Utility Warehouse.
    fireEvent.change(screen.getByLabelText('Override low £, OVO Energy'), { target: { value: '£100,000' } });
    fireEvent.change(screen.getByLabelText('Override high £, OVO Energy'), { target: { value: '200000' } });
    fireEvent.change(screen.getByLabelText('Override months, Utility Warehouse'), { target: { value: '4' } });
    expect(screen.getByText(/4 gave a figure, totalling £450k–£1.15m with 2 overrides; 1 unquantified/)).toBeTruthy();
    const rows = within(screen.getByRole('table', { name: 'Parsed respondents' })).getAllByRole('row').slice(1);
    expect(within(rows[1]!).getByText('Override: £100k–£200k')).toBeTruthy();
    expect(within(rows[2]!).getByText('Override: 4 months')).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Import into preview workbook' }));
    });
    expect(await screen.findByText('Wrote 2 overrides typed in the preview.')).toBeTruthy();
    const tables = host.sheets().flatMap((s) => s.tables);
    const ovo = tables.find((t) => t.name === 'tblCosts')!.rows[1]!;
    expect([ovo[7], ovo[8]]).toEqual([{ t: 'number', v: 100_000 }, { t: 'number', v: 200_000 }]);
    expect(ovo[9]).toMatchObject({ t: 'formula', v: 100_000 });
    expect(tables.find((t) => t.name === 'tblLeadTimes')!.rows[2]![7]).toEqual({ t: 'number', v: 4 });
    // From here the overrides are edited in the Assumptions panel, which shows them.
    expect(screen.queryByRole('button', { name: 'Override parsed figures before importing' })).toBeNull();
    expect((screen.getByLabelText('Override high £, OVO Energy') as HTMLInputElement).value).toBe('£200k');
  });

  test('a low figure above the high one is named and holds the import back', async () => {
    render(<App host={createMemoryHost()} />);
    await paste(seedText());
    fireEvent.click(screen.getByRole('button', { name: 'Override parsed figures before importing' }));
    fireEvent.change(screen.getByLabelText('Override low £, EON UK'), { target: { value: '300000' } });
    fireEvent.change(screen.getByLabelText('Override high £, EON UK'), { target: { value: '200000' } });
    expect(screen.getByText(/EON UK: the override low figure is above the high figure/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Import into preview workbook' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Override high £, EON UK'), { target: { value: '' } });
    expect((screen.getByRole('button', { name: 'Import into preview workbook' }) as HTMLButtonElement).disabled).toBe(false);
  });

  test('on a re-import, a typed figure is laid over the workbook’s overrides without losing the others', async () => {
    const host = await importSeed();
    host.edit('tblCosts', 1, 7, { t: 'number', v: 55_000 });
    await paste(seedText());
    fireEvent.click(screen.getByRole('button', { name: 'Override parsed figures before importing' }));
    fireEvent.change(screen.getAllByLabelText('Override months, EON UK')[0]!, { target: { value: '12' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Import into preview workbook' }));
    });
    expect(await screen.findByText('Wrote 1 override typed in the preview.')).toBeTruthy();
    const tables = host.sheets().flatMap((s) => s.tables);
    expect(tables.find((t) => t.name === 'tblCosts')!.rows[1]![7]).toEqual({ t: 'number', v: 55_000 });
    expect(tables.find((t) => t.name === 'tblLeadTimes')!.rows[0]![7]).toEqual({ t: 'number', v: 12 });
  });
});

describe('editing the release calendar in the timeline panel', () => {
  test('a removed and an added release move the earliest release, and the model is rewritten keeping the workbook’s overrides', async () => {
    const { excelSerial } = await import('../../src/model/calendarDates');
    const host = await importSeed();
    host.edit('tblCosts', 1, 7, { t: 'number', v: 55_000 });
    fireEvent.change(screen.getByLabelText('Decision date'), { target: { value: '2027-03-01' } });
    expect(screen.getByLabelText('Timeline result').textContent).toMatch(/earliest release 4 November 2027\.$/);

    fireEvent.click(screen.getByRole('button', { name: 'Remove 4 November 2027' }));
    // Without it, the next release in the calendar: the last Thursday of February 2028.
    expect(screen.getByLabelText('Timeline result').textContent).toMatch(/earliest release 24 February 2028\.$/);
    expect(within(screen.getByRole('toolbar', { name: 'SEC release calendar' })).queryByText('4 November 2027')).toBeNull();

    fireEvent.change(screen.getByLabelText('Release to add'), { target: { value: '2027-12-02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add release' }));
    expect(screen.getByLabelText('Timeline result').textContent).toMatch(/earliest release 2 December 2027\.$/);
    // The same date twice is not offered.
    expect((screen.getByRole('button', { name: 'Add release' }) as HTMLButtonElement).disabled).toBe(true);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Write timeline to workbook' }));
    });
    expect(await screen.findByText(/^Rewrote the model with \d+ releases in the calendar; the workbook's other assumptions and overrides were kept\.$/)).toBeTruthy();
    const tables = host.sheets().flatMap((s) => s.tables);
    const releases = tables.find((t) => t.name === 'tblReleases')!.rows.map((r) => r[0]);
    expect(releases).toContainEqual({ t: 'date', v: '2027-12-02' });
    expect(releases).not.toContainEqual({ t: 'date', v: '2027-11-04' });
    expect(releases.map((r) => (r!.t === 'date' ? r!.v : '')).join()).toBe(releases.map((r) => (r!.t === 'date' ? r!.v : '')).sort().join());
    const summary = tables.find((t) => t.name === 'tblTimelineSummary')!.rows;
    const row = (label: string) => summary.find((r) => r[0]!.t === 'text' && r[0]!.v === label)![1];
    expect(row('Decision date')).toMatchObject({ t: 'formula', v: excelSerial('2027-03-01') });
    expect(row('Earliest feasible release')).toMatchObject({ t: 'formula', v: excelSerial('2027-12-02') });
    expect(tables.find((t) => t.name === 'tblCosts')!.rows[1]![7]).toEqual({ t: 'number', v: 55_000 });
    // Written: nothing is left to write.
    expect((screen.getByRole('button', { name: 'Write timeline to workbook' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('opening the pane on a workbook that already holds a model', () => {
  test('shows its assumptions, timeline and report without the document, and writes to it', async () => {
    const host = await importSeed();
    host.edit('tblCosts', 1, 7, { t: 'number', v: 55_000 });
    cleanup();
    render(<App host={host} />);
    expect(await screen.findByText('This workbook holds a model')).toBeTruthy();
    expect(screen.getByText(/^MP207 .*: 5 respondents, from pasted text, written \d{1,2} \w+ \d{4}\. Its assumptions, timeline and report are below/)).toBeTruthy();
    // The override typed in the sheet counts: OVO at £55k on top of £650k.
    expect(screen.getByText(whole('Industry one-off cost: £705k central (not the whole industry: some categories are taken to have only their respondents).'))).toBeTruthy();
    expect((screen.getByLabelText('Override low £, OVO Energy') as HTMLInputElement).value).toBe('£55k');
    expect(screen.getByRole('button', { name: 'Download Word report' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Override months, Utility Warehouse'), { target: { value: '10' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Write to workbook' }));
    });
    expect(await screen.findByText("Wrote 1 cell; the workbook's formulas recalculate.")).toBeTruthy();
    expect(host.sheets().flatMap((s) => s.tables).find((t) => t.name === 'tblLeadTimes')!.rows[2]![7]).toEqual({ t: 'number', v: 10 });

    // A calendar change rewrites the model from the workbook's own sheets: the answers stay as they were.
    const responsesBefore = host.sheets().find((s) => s.name === 'Responses')!.tables[0]!.rows;
    fireEvent.click(screen.getAllByRole('button', { name: /^Remove / })[0]!);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Write timeline to workbook' }));
    });
    expect(await screen.findByText(/^Rewrote the model with/)).toBeTruthy();
    expect(host.sheets().find((s) => s.name === 'Responses')!.tables[0]!.rows).toEqual(responsesBefore);
    expect(host.sheets().flatMap((s) => s.tables).find((t) => t.name === 'tblLeadTimes')!.rows[2]![7]).toEqual({ t: 'number', v: 10 });
  });

  test('a workbook whose cells stop the model says which and what to do', async () => {
    const host = await importSeed();
    // Large Suppliers: one party, though four responded.
    host.edit('tblPopulations', 0, 1, { t: 'number', v: 1 });
    cleanup();
    render(<App host={host} />);
    expect(await screen.findByText('The model in this workbook cannot be shown')).toBeTruthy();
    expect(screen.getByText(/Large Supplier.*Correct the cell on the Assumptions sheet/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Assumptions and scenarios' })).toBeNull();
  });

  test('a new workbook opens on the import alone', async () => {
    render(<App host={createMemoryHost()} />);
    await act(async () => {});
    expect(screen.queryByText('This workbook holds a model')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Assumptions and scenarios' })).toBeNull();
  });
});

describe('a model imported beside the user’s own sheet', () => {
  test('is written there again when the pane reopens and rewrites it, leaving the user’s sheet alone', async () => {
    const host = createMemoryHost(['Sheet1', 'Costs']);
    render(<App host={host} />);
    await paste(seedText());
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Import into preview workbook' }));
    });
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Import as “Costs (model)”' }));
    });
    await screen.findByText(/created Read me, Checks, Responses, Costs \(model\)/);
    cleanup();
    render(<App host={host} />);
    await screen.findByText('This workbook holds a model');
    fireEvent.click(screen.getAllByRole('button', { name: /^Remove / })[0]!);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Write timeline to workbook' }));
    });
    expect(await screen.findByText(/^Rewrote the model with/)).toBeTruthy();
    expect(host.sheets().map((s) => s.name).filter((n) => n.startsWith('Costs'))).toEqual(['Costs', 'Costs (model)']);
    expect(host.sheets().find((s) => s.name === 'Costs')!.tables).toEqual([]);
  });
});

describe('cells edited in the sheet while the pane is open', () => {
  const largeSuppliers = (host: ReturnType<typeof createMemoryHost>) =>
    host
      .sheets()
      .flatMap((s) => s.tables)
      .find((t) => t.name === 'tblPopulations')!
      .rows.findIndex((r) => r[0]!.t === 'text' && r[0]!.v === 'Large Supplier');

  test('flow into the panels and the report', async () => {
    const host = await importSeed();
    const parties = screen.getByLabelText('Large Supplier: parties') as HTMLInputElement;
    expect(parties.value).toBe('4');
    host.edit('tblPopulations', largeSuppliers(host), 1, { t: 'number', v: 40 });
    await waitFor(() => expect((screen.getByLabelText('Large Supplier: parties') as HTMLInputElement).value).toBe('40'));
    // Thirty-six more large suppliers at the mean central figure of the three that gave one
    // ((£175k + £50k + £375k) / 3 = £200k): £650k + £7.2m.
    expect(screen.getByText(whole('Industry one-off cost: £7.85m central (not the whole industry: some categories are taken to have only their respondents).'))).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Write to workbook' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('leave edits typed in the pane and not yet written alone, and writing sets only those cells', async () => {
    const host = await importSeed();
    fireEvent.change(screen.getByLabelText('Central uptake: Large Supplier'), { target: { value: '50' } });
    host.edit('tblPopulations', largeSuppliers(host), 1, { t: 'number', v: 40 });
    expect(await screen.findByText(/^The workbook changed while edits here were not yet written/)).toBeTruthy();
    expect((screen.getByLabelText('Central uptake: Large Supplier') as HTMLInputElement).value).toBe('50');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Write to workbook' }));
    });
    expect(await screen.findByText("Wrote 1 cell, marked as entered in the task pane; the workbook's formulas recalculate.")).toBeTruthy();
    const populations = host.sheets().flatMap((s) => s.tables).find((t) => t.name === 'tblPopulations')!;
    expect(populations.rows[largeSuppliers(host)]![1]).toEqual({ t: 'number', v: 40 });
    // Once written, the pane takes up the sheet's 40 parties too.
    await waitFor(() => expect((screen.getByLabelText('Large Supplier: parties') as HTMLInputElement).value).toBe('40'));
  });
});

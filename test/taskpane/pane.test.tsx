/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from '../../src/taskpane/App';
import { createMemoryHost } from '../../src/workbook/memoryHost';
import { seedText } from '../support/seed';
import { syntheticAnnex } from '../support/synthetic';
import type { UncertaintyRunner } from '../../src/taskpane/uncertaintyRunner';
import { runInPage } from '../../src/taskpane/uncertaintyRunner';

const IMPORT = 'Import into preview workbook';

/** Pastes the text and reads it (the reading is asynchronous, as it is in a worker in the pane). */
async function paste(text: string) {
  fireEvent.change(screen.getByLabelText('Collated responses'), { target: { value: text } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Read responses' }));
  });
}

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function importNow(done: RegExp | null = /^created Read me/) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: IMPORT }));
  });
  if (done) await screen.findByText(done);
}

/** The Costs table's row for a respondent, by its Row id. */
function costsRow(host: ReturnType<typeof createMemoryHost>, id: string) {
  const costs = host.sheets().find((s) => s.name === 'Costs')!.tables[0]!;
  return costs.rows.find((r) => r[0]!.t === 'text' && r[0]!.v === id)!;
}

const OVERRIDE_LOW = 7;
const OVERRIDE_HIGH = 8;

describe('figures typed in the pane are kept, or refused at the box with the reason', () => {
  test('an override typed as 40k is read as £40,000, moves the preview, and is written', async () => {
    const host = createMemoryHost();
    render(<App host={host} />);
    await paste(seedText());
    fireEvent.click(screen.getByRole('button', { name: 'Override parsed figures before importing' }));
    type('Override low £, OVO Energy', '40k');
    type('Override high £, OVO Energy', '£90k');
    expect(screen.getByText(/4 gave a figure, totalling £390k–£1.04m with 1 override/)).toBeTruthy();
    await importNow();
    expect(costsRow(host, 'ovo-energy')[OVERRIDE_LOW]).toEqual({ t: 'number', v: 40_000 });
    expect(costsRow(host, 'ovo-energy')[OVERRIDE_HIGH]).toEqual({ t: 'number', v: 90_000 });
    // The Assumptions step shows them as the modeller writes money.
    expect((screen.getByLabelText('Override low £, OVO Energy') as HTMLInputElement).value).toBe('£40k');
  });

  test('text that is not a figure stays in its box, marked, and holds the import back until it is fixed', async () => {
    render(<App host={createMemoryHost()} />);
    await paste(seedText());
    fireEvent.click(screen.getByRole('button', { name: 'Override parsed figures before importing' }));
    type('Override low £, OVO Energy', 'abc');
    const box = screen.getByLabelText('Override low £, OVO Energy') as HTMLInputElement;
    expect(box.value).toBe('abc');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('“abc” is not a sum of money: type it as 40k, £40k, £1.2m or 40,000')).toBeTruthy();
    expect((screen.getByRole('button', { name: IMPORT }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Fix the box marked first: Override low £, OVO Energy.');
    type('Override low £, OVO Energy', '40k');
    expect(box.getAttribute('aria-invalid')).not.toBe('true');
    expect((screen.getByRole('button', { name: IMPORT }) as HTMLButtonElement).disabled).toBe(false);
  });

  test('overrides follow their respondent through an edit of the text and a new read; one whose respondent went is named', async () => {
    render(<App host={createMemoryHost()} />);
    await paste(seedText());
    fireEvent.click(screen.getByRole('button', { name: 'Override parsed figures before importing' }));
    type('Override low £, OVO Energy', '40k');
    type('Override months, EON UK', '5');
    // One keystroke in the text: the preview and the figures stay; the import waits for a new read.
    fireEvent.change(screen.getByLabelText('Collated responses'), { target: { value: `${seedText()} ` } });
    expect((screen.getByLabelText('Override low £, OVO Energy') as HTMLInputElement).value).toBe('40k');
    expect((screen.getByRole('button', { name: IMPORT }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('The text has changed since it was read: press Read responses first.');
    // Read again without EON's rows: OVO's figure is kept, EON's set aside by name.
    const withoutEon = seedText()
      .split('\n')
      .filter((line) => !line.startsWith('<b>EON UK</b>'))
      .join('\n');
    await paste(withoutEon);
    expect(screen.getByText('Kept the figures typed for 1 respondent. Set aside the figures typed for EON UK: not in this document.')).toBeTruthy();
    expect((screen.getByLabelText('Override low £, OVO Energy') as HTMLInputElement).value).toBe('40k');
    expect(screen.queryByLabelText('Override months, EON UK')).toBeNull();
  });

  test('no cost question found: an error at the top, and no import until one is chosen or its absence confirmed', async () => {
    render(<App host={createMemoryHost()} />);
    await paste(seedText().replace('Will your organisation incur any costs in implementing MP207?', 'Do you have any other comments on MP207?'));
    expect(screen.getByText('No cost question found')).toBeTruthy();
    expect((screen.getByRole('button', { name: IMPORT }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('This document has no cost question'));
    expect((screen.getByRole('button', { name: IMPORT }) as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(screen.getByLabelText('This document has no cost question'));
    fireEvent.change(screen.getByLabelText('Cost question'), { target: { value: '4' } });
    expect(screen.queryByText('No cost question found')).toBeNull();
    expect((screen.getByRole('button', { name: IMPORT }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('the steps and their results say where the modeller is', () => {
  test('numbered steps in the order of the work, the findings counted', async () => {
    render(<App host={createMemoryHost()} />);
    expect(screen.getByText(/^Start here: paste the collated responses/)).toBeTruthy();
    await paste(seedText());
    await importNow();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['1 Import', '2 Review findings (1)', '3 Assumptions and scenarios', '4 Implementation timeline', '5 Export']);
    expect(screen.queryByText(/^Start here/)).toBeNull();
  });

  test('a population that is not a number: the box says so, results are marked out of date and nothing can be written', async () => {
    render(<App host={createMemoryHost()} />);
    await paste(seedText());
    await importNow();
    const write = () => screen.getByRole('button', { name: 'Write to workbook' }) as HTMLButtonElement;
    type('Large Supplier: parties', '40');
    expect(write().disabled).toBe(false);
    type('Large Supplier: parties', 'forty');
    expect(screen.getByText('“forty” is not a whole number')).toBeTruthy();
    expect(write().disabled).toBe(true);
    expect(screen.getByText(/^Out of date: these results are for the last figures that could be read\. Fix the box marked first: Large Supplier: parties\.$/)).toBeTruthy();
    // Fewer parties than respondents is refused at the box too, with the bound.
    type('Large Supplier: parties', '2');
    expect(screen.getByText('must be at least 4')).toBeTruthy();
  });

  test('placeholders are labelled, and the per-adopter costs are shown and move NPV', async () => {
    render(<App host={createMemoryHost()} />);
    await paste(seedText());
    await importNow();
    expect(screen.getAllByText('Placeholder uptake and figures per adopter: illustrative until the panel enters its own.')).toHaveLength(3);
    expect(screen.getByText('default: the 4 respondents in it')).toBeTruthy();
    const npv = () => within(screen.getByRole('table', { name: 'Scenario results' })).getAllByRole('row')[1]!.textContent;
    const before = npv();
    expect((screen.getByLabelText('Central: one-off cost per adopter') as HTMLInputElement).value).toBe('£20k');
    type('Central: one-off cost per adopter', '0');
    expect(npv()).not.toBe(before);
    expect(screen.getAllByText('Placeholder uptake: illustrative until the panel enters its own.')).toHaveLength(1);
  });

  test('the uncertainty result says it is out of date once a cost it rests on moves, until it runs again', async () => {
    const runner: UncertaintyRunner = (input, progress) => runInPage({ ...input, assumptions: { ...input.assumptions, monteCarlo: { ...input.assumptions.monteCarlo, iterations: 200 } } }, progress);
    render(<App host={createMemoryHost()} runner={runner} />);
    await paste(seedText());
    await importNow();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Run uncertainty' }));
    });
    const result = await screen.findByLabelText('Simulated industry cost');
    expect(result.textContent).toMatch(/^Industry cost P10/);
    type('Large Supplier: parties', '40');
    expect(screen.getByLabelText('Simulated industry cost').textContent).toMatch(/^Out of date — run again: the costs it ran on have changed since\. Industry cost P10/);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Run uncertainty' }));
    });
    // The run finishes after the click returns (it runs off the page thread in the pane): wait for its result.
    await waitFor(() => expect(screen.getByLabelText('Simulated industry cost').textContent).toMatch(/^Industry cost P10/));
  });

  test('importing again with figures typed below and not yet written asks first', async () => {
    const host = createMemoryHost();
    render(<App host={host} />);
    await paste(seedText());
    await importNow();
    type('Large Supplier: parties', '40');
    await paste(seedText());
    await importNow(null);
    expect(screen.getByText('Figures typed below are not yet written')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Keep them' }));
    expect((screen.getByLabelText('Large Supplier: parties') as HTMLInputElement).value).toBe('40');
    await importNow(null);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Import and discard them' }));
    });
    expect(await screen.findByText(/updated Read me/)).toBeTruthy();
    expect((screen.getByLabelText('Large Supplier: parties') as HTMLInputElement).value).toBe('4');
  });
});

describe('findings that propose a figure can be accepted in one step', () => {
  test('before the import: "Use £40k" types the figure the rationale gave, and the import writes it', async () => {
    const host = createMemoryHost();
    render(<App host={host} />);
    await paste(seedText().replace('Yes, if approved we would be paying for a service that we have no intention of using.', 'Yes, we estimate around £40k.'));
    const findings = within(screen.getByRole('list', { name: 'Findings' }));
    expect(findings.getByText('OVO Energy, question 4 (cost)')).toBeTruthy();
    expect(findings.getByText('the rationale mentions £40k: offered as a suggestion, not used')).toBeTruthy();
    fireEvent.click(findings.getByRole('button', { name: 'Use £40k' }));
    expect(findings.getByText('Using £40k')).toBeTruthy();
    expect(screen.getByText(/4 gave a figure, totalling £390k–£990k with 1 override/)).toBeTruthy();
    await importNow();
    expect([costsRow(host, 'ovo-energy')[OVERRIDE_LOW], costsRow(host, 'ovo-energy')[OVERRIDE_HIGH]]).toEqual([
      { t: 'number', v: 40_000 },
      { t: 'number', v: 40_000 },
    ]);
  });

  test('after the import: "Keep the £2m cap" writes the capped band as the respondent’s override', async () => {
    const host = createMemoryHost();
    render(<App host={host} />);
    await paste(readFileSync(join(__dirname, '..', 'fixtures', 'ok.ten-respondents.txt'), 'utf8'));
    await importNow();
    const findings = within(screen.getByRole('list', { name: 'Findings' }));
    expect(findings.getByText('open-ended band: no upper figure given, so it counts up to OpenEndedCap times its lower figure')).toBeTruthy();
    await act(async () => {
      fireEvent.click(findings.getByRole('button', { name: 'Keep the £2m cap' }));
    });
    expect(await findings.findByText('Kept the £2m cap')).toBeTruthy();
    expect([costsRow(host, 'alpha-energy')[OVERRIDE_LOW], costsRow(host, 'alpha-energy')[OVERRIDE_HIGH]]).toEqual([
      { t: 'number', v: 1_000_000 },
      { t: 'number', v: 2_000_000 },
    ]);
    expect((screen.getByLabelText('Override high £, Alpha Energy') as HTMLInputElement).value).toBe('£2m');
  });
});

describe('a long document is found by name, not scrolled', () => {
  test('the preview and the override list show 40 respondents at a time, a search finds the others, and a typed figure stays in view', async () => {
    render(<App host={createMemoryHost()} />);
    await paste(syntheticAnnex(60));
    const previewRows = () => within(screen.getByRole('table', { name: 'Parsed respondents' })).getAllByRole('row').length - 1;
    expect(previewRows()).toBe(40);
    expect(screen.getAllByText('Showing 40 of 60; type part of a name or category to find others. Every respondent is imported.')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Override parsed figures before importing' }));
    type('Override low £, Respondent 00002 Ltd', '10k');
    const [previewSearch, overrideSearch] = screen.getAllByLabelText('Find a respondent');
    fireEvent.change(overrideSearch!, { target: { value: '00055' } });
    // The one asked for, and the one with a figure typed.
    expect(within(screen.getByRole('list', { name: 'Overrides' })).getAllByRole('listitem').map((li) => li.querySelector('span')?.textContent)).toEqual(['Respondent 00002 Ltd', 'Respondent 00055 Ltd']);
    fireEvent.change(previewSearch!, { target: { value: 'Respondent 00059' } });
    expect(previewRows()).toBe(2);
    expect(within(screen.getByRole('table', { name: 'Parsed respondents' })).getByText(/^Override: /).textContent).toBe('Override: £10k');
  });
});

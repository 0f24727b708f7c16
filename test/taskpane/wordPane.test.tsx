/**
 * @jest-environment jsdom
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import JSZip from 'jszip';
import { planToXlsx } from '../../src/cli/xlsxWriter';
import { createMemoryDocument } from '../../src/report/memoryDocument';
import { renderDocx } from '../../src/report/renderDocx';
import { WordPane } from '../../src/taskpane/word/WordPane';
import { authorsBody, authorsControl, foreignControl, HEADING, march, september } from '../support/fmr';

const workbook = async (plan: typeof september.plan) => new Uint8Array(await planToXlsx(plan, { creator: 'test', created: new Date('2026-11-30T00:00:00Z') }));

async function choose(bytes: Uint8Array, name: string) {
  const input = document.querySelector('input[type=file]')!;
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File([bytes as BlobPart], name)] } });
  });
}

afterEach(cleanup);

describe('the Word pane', () => {
  test('refreshes the FMR’s tables from a chosen model workbook, keeping the author’s text, and inserts a table at the cursor', async () => {
    const fmr = authorsBody(await (await JSZip.loadAsync(await renderDocx(march.report, HEADING))).file('word/document.xml')!.async('string'));
    const doc = createMemoryDocument(fmr);
    render(<WordPane host={doc} />);
    expect(await screen.findByText(/This document holds 8 of the model’s tables/)).toBeTruthy();
    const refresh = screen.getByRole('button', { name: 'Refresh tables' }) as HTMLButtonElement;
    expect(refresh.disabled).toBe(true);
    expect(screen.getAllByText('Choose the model workbook first.')).toHaveLength(2);

    await choose(await workbook(september.plan), 'MP207-cost-model.xlsx');
    expect(await screen.findByText(/From MP207-cost-model\.xlsx, written 1 March 2027; read at \d\d:\d\d\. Decision date 1 September 2027\./)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Refresh 7 tables' }));
    });
    expect(
      await screen.findByText(
        'Refreshed 7 tables from MP207-cost-model.xlsx: “Consultation cost estimates”; “Cost estimates by band”; “Implementation costs”; “Uptake scenarios”; “Lead times and implementation approach”; “Summary of views”; “Points raised and SECAS’s responses”. Left as they were: retired-table, which this model does not make.',
      ),
    ).toBeTruthy();
    // The model came from the workbook's cells: its decision date is the one they hold.
    expect(doc.xml()).toContain('from a decision on 1 September 2027');
    expect(doc.xml()).not.toContain('from a decision on 1 March 2027');
    expect(doc.xml()).toContain(authorsControl);
    expect(doc.xml()).toContain(foreignControl);
    expect(doc.xml()).toContain('Author paragraph 3 after a table.');

    fireEvent.change(screen.getByRole('combobox', { name: 'Table' }), { target: { value: 'industry-cost' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Insert at the cursor' }));
    });
    expect(await screen.findByText('Inserted “Implementation costs” at the cursor, with its caption; Refresh finds it from now on. Word renumbers the captions when fields are updated (select all, F9).')).toBeTruthy();
    expect((doc.xml().match(/<w:tag w:val="secmod:industry-cost"\/>/g) ?? []).length).toBe(2);
    expect(await screen.findByText(/This document holds 9 of the model’s tables/)).toBeTruthy();

    // A wrong file chosen later leaves the model in use, and says so.
    await choose(new TextEncoder().encode('not a workbook'), 'notes.xlsx');
    expect(await screen.findByText('notes.xlsx could not be opened as an Excel workbook (.xlsx). Still using MP207-cost-model.xlsx.')).toBeTruthy();
  });

  test('a file that is not a model workbook is named with the reason, and nothing is changed', async () => {
    const doc = createMemoryDocument();
    const before = doc.xml();
    render(<WordPane host={doc} />);
    await choose(new TextEncoder().encode('not a workbook'), 'notes.xlsx');
    expect(await screen.findByText('notes.xlsx could not be opened as an Excel workbook (.xlsx).')).toBeTruthy();

    const other = { ...september.plan, sheets: september.plan.sheets.filter((s) => s.name !== 'Responses' && s.name !== 'Read me') };
    await choose(await workbook(other), 'budget.xlsx');
    expect(await screen.findByText('budget.xlsx holds no cost model (no Responses and Read me sheets): choose a workbook the cost model wrote.')).toBeTruthy();
    expect(screen.getByText('This document holds none of the model’s tables.')).toBeTruthy();
    expect(doc.xml()).toBe(before);
  });
});

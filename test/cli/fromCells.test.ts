import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { excelSerial } from '../../src/model/calendarDates';
import { memoryIo } from '../support/memoryIo';
import { edit, type CellEdit } from './editWorkbook';

/** The workbook of a first run, to edit as a modeller would. */
let written: Uint8Array;
beforeAll(async () => {
  const first = memoryIo();
  expect(await main(['--decision-date', '2027-03-01', '--iterations', '200'], first.io)).toBe(0);
  written = first.written.get('out/MP207-cost-model.xlsx')!;
});

/** A run --from the edited workbook: its exit code, stderr, JSON report and what it carried. */
async function from(bytes: Uint8Array) {
  const io = memoryIo({ 'edited.xlsx': bytes });
  const code = await main(['--from', 'edited.xlsx', '--json', '--iterations', '200'], io.io);
  const report = code === 0 ? JSON.parse(io.stdout()) : null;
  return { code, stderr: io.stderr(), report, carried: (report?.carriedForward ?? []) as string[], written: io.written.size };
}

/** The parts of the --json report these tests look at. */
interface Report {
  model: { industry: { dccImplementation: number | null }; scenarios: Array<{ npv: number }>; timeline: Record<string, unknown> };
}

const named = (key: string, value: ExcelJS.CellValue): CellEdit => ({ table: 'tblAssumptions', key, column: 'Value', value });

describe('--from cells the engine cannot use are reported with their cell and reason, and not carried', () => {
  test.each<[string, CellEdit, string, (report: Report) => void]>([
    [
      'a cost of 1e308',
      named('DccImplementation', 1e308),
      'Assumptions!C12 (DccImplementation) holds 1e+308, more than £1 trillion either way, beyond anything a party could spend: it was left as not yet provided.',
      (r) => expect(r.model.industry.dccImplementation).toBeNull(),
    ],
    [
      'a discount rate of −1',
      named('DiscountRate', -1),
      'Assumptions!C17 (DiscountRate) holds -1, outside the rates the model can discount at (0% to 100%): the default 0.035 was used.',
      (r) => expect(r.model.scenarios.every((s) => Number.isFinite(s.npv))).toBe(true),
    ],
    [
      'a lead-time override of 1e9',
      { table: 'tblLeadTimes', key: 'utility-warehouse', column: 'Override months', value: 1e9 },
      "'Lead times'!H4 (Override months for utility-warehouse) holds 1000000000, more than 100 years either way: that override was not carried.",
      (r) => expect(r.model.timeline.requiredMonths).toBe(8),
    ],
    [
      'a decision date past 9999',
      named('DecisionDate', excelSerial('9999-12-31') + 400),
      'Assumptions!C3 (DecisionDate) holds 2958865, which is not a date from 1900 to 2999: 2027-03-01 was used.',
      (r) => expect(r.model.timeline.decisionDate).toBe('2027-03-01'),
    ],
    [
      'text in a cost override',
      { table: 'tblCosts', key: 'eon-uk', column: 'Override low £', value: '40k' },
      'Costs!H2 (Override low £ for eon-uk) holds "40k", which is not a number: that override was not carried.',
      () => undefined,
    ],
    [
      'a release typed as "next year"',
      { table: 'tblReleases', key: 0, column: 'Release', value: 'next year' },
      'which is not a date: that release was left out of the calendar.',
      () => undefined,
    ],
    [
      'a proposed release typed as "next year"',
      named('ProposedRelease', 'next year'),
      'Assumptions!C7 (ProposedRelease) holds "next year", which is not a date: blank was used.',
      (r) => expect(r.model.timeline.targetRelease).toBe(r.model.timeline.earliestRelease),
    ],
  ])('%s', async (_, cell, line, check) => {
    const run = await from(await edit(written, [cell]));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.carried[0]).toBe("Kept the workbook's assumptions, 6 populations, 3 scenarios and 0 overrides.");
    expect(run.carried.find((l) => l.includes('holds'))).toContain(line);
    check(run.report);
  });

  test('a figure that cannot be used leaves the rest carried, and the run writes every file', async () => {
    const run = await from(
      await edit(written, [named('DccImplementation', 1e308), named('DccLeadTime', 12), { table: 'tblCosts', key: 'ovo-energy', column: 'Override low £', value: 40_000 }]),
    );
    expect(run.code).toBe(0);
    expect(run.report.model.timeline.requiredMonths).toBe(12);
    expect(run.report.respondents.find((r: { id: string }) => r.id === 'ovo-energy')).toBeDefined();
    expect(run.carried[0]).toBe("Kept the workbook's assumptions, 6 populations, 3 scenarios and 1 override.");
    // The workbook, the Word and Markdown reports and one CSV for each of the seed's seven tables.
    expect(run.written).toBe(10);
  });
});

describe('--from a workbook that lacks the model’s inputs says what happened', () => {
  const keepOnly = (keep: readonly string[]) => (wb: ExcelJS.Workbook) => {
    for (const ws of [...wb.worksheets]) if (!keep.includes(ws.name)) wb.removeWorksheet(ws.id);
  };

  test('only the Read me: refused with one line, nothing written', async () => {
    const run = await from(await edit(written, [], keepOnly(['Read me'])));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "error: edited.xlsx has none of the cost model's input tables (assumptions, populations, scenarios, releases, overrides), so nothing could be carried: pass a workbook this tool wrote\n",
    );
    expect(run.written).toBe(0);
  });

  test('without its Costs and Lead times sheets: the rest is kept and the missing tables named', async () => {
    const run = await from(await edit(written, [named('DccLeadTime', 12)], keepOnly(['Read me', 'Assumptions'])));
    expect(run.code).toBe(0);
    expect(run.carried[0]).toBe('Kept what the workbook holds; it has no table of cost overrides and lead-time overrides, so those are at the defaults.');
    expect(run.report.model.timeline.requiredMonths).toBe(12);
  });
});

describe('failures the CLI did not foresee', () => {
  const failing = (argv: string[]) => {
    const run = memoryIo();
    const io = { ...run.io, readFile: async () => Promise.reject(new TypeError('something broke\n  at somewhere')) };
    return main(argv, io).then((code) => ({ code, stderr: run.stderr() }));
  };

  test('are one line saying it is an internal error and how to report it, exit 70', async () => {
    const { code, stderr } = await failing([]);
    expect(code).toBe(70);
    expect(stderr).toMatch(/^internal error \(a fault in this tool, not in your files\): please report it .*--debug prints the details \(something broke at somewhere\)\n$/);
  });

  test('--debug adds the trace', async () => {
    const { code, stderr } = await failing(['--debug']);
    expect(code).toBe(70);
    expect(stderr.split('\n')[0]).toMatch(/^internal error/);
    expect(stderr).toContain('TypeError: something broke');
  });
});

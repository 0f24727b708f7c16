import { planToXlsx } from '../../src/cli/xlsxWriter';
import { NO_CENTRAL_COSTS } from '../../src/model/industryCost';
import { excelSerial, formula, sheetLayout, type Cell, type WorkbookPlan } from '../../src/workbook/plan';
import { sameValue } from '../support/hyperformula';
import { recalculatedSheets, soffice } from '../support/libreoffice';
import { CHECKS_FAIL } from '../../src/model/checks';
import { POPULATIONS } from '../../src/workbook/assumptionsSheet';
import { afterEdit, livePlan, withInput } from '../support/plans';
import { seedText } from '../support/seed';

const binary = soffice();
// CI installs LibreOffice, so there a missing binary is a failure; elsewhere the check is skipped with a note.
const describeWithLibreOffice = binary || process.env.CI ? describe : describe.skip;
if (!binary && !process.env.CI) console.warn('LibreOffice (soffice) is not installed: the recalculation check is skipped here; CI runs it.');

/** The same plan with every cached formula value wrong, so only a real recalculation can match the engine. */
function withStaleCache(plan: WorkbookPlan): WorkbookPlan {
  const stale = (c: Cell): Cell => (c.t === 'formula' ? formula(c.f, typeof c.v === 'number' ? -999 : 'stale', c.fmt) : c);
  return { ...plan, sheets: plan.sheets.map((s) => ({ ...s, tables: s.tables.map((t) => ({ ...t, rows: t.rows.map((r) => r.map(stale)) })) })) };
}

/** A CSV field as the number or text it stands for: percentages, and dates in LibreOffice's MM/DD/YYYY. */
function csvValue(field: string): number | string {
  const date = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(field);
  if (date) return excelSerial(`${date[3]}-${date[1]}-${date[2]}`);
  if (/^-?\d+(\.\d+)?(E-?\d+)?%$/.test(field)) return Number(field.slice(0, -1)) / 100;
  if (/^-?\d+(\.\d+)?(E[-+]?\d+)?$/.test(field)) return Number(field);
  return field;
}

function mismatches(plan: WorkbookPlan, sheets: Map<string, string[][]>) {
  const out: string[] = [];
  let checked = 0;
  for (const sheet of plan.sheets) {
    const csv = sheets.get(sheet.name);
    if (!csv) throw new Error(`LibreOffice wrote no sheet ${sheet.name}`);
    for (const { headerRow, body } of sheetLayout(sheet).tables) {
      body.forEach((row, r) =>
        row.forEach((c, col) => {
          if (c.t !== 'formula') return;
          checked++;
          const field = csv[headerRow + 1 + r]?.[col] ?? '';
          // Text a formula builds ("50%", "4 November 2027") is compared as written.
          const actual = typeof c.v === 'string' ? field : csvValue(field);
          if (!sameValue(actual, c.v)) out.push(`${sheet.name} row ${headerRow + 2 + r} col ${col + 1}: LibreOffice ${actual}, engine ${c.v}`);
        }),
      );
    }
  }
  return { out, checked };
}

describeWithLibreOffice('LibreOffice Calc recalculates the CLI workbook to the engine’s values', () => {
  test.each([
    ['the seed, default assumptions', (a: Parameters<Parameters<typeof livePlan>[1] & object>[0]) => a],
    [
      'the seed with populations, central costs, a DCC lead time and overrides',
      (a: Parameters<Parameters<typeof livePlan>[1] & object>[0]) => ({
        ...a,
        overrides: { costs: { 'ovo-energy': { low: 40_000, high: 90_000 } }, leadTimeMonths: { 'utility-warehouse': 10.5 } },
        industry: {
          ...a.industry,
          populations: a.industry.populations.map((p) => ({ ...p, parties: p.parties + 7 })),
          unquantified: 'category-mean' as const,
          emptyCategory: { kind: 'per-party' as const, gbp: 25_000 },
          central: { ...NO_CENTRAL_COSTS, dccImplementationGbp: 1_200_000, dccOngoingGbpPerYear: 80_000, secasDays: 30, secasDayRateGbp: 700 },
        },
        timeline: { ...a.timeline, dccLeadTimeMonths: 14, minimumNoticeMonths: 6 },
      }),
    ],
  ])('%s', async (_, change) => {
    const plan = livePlan(seedText(), change).plan;
    const sheets = recalculatedSheets(binary!, await planToXlsx(withStaleCache(plan), { creator: 'test', created: new Date('2027-03-01T00:00:00Z') }));
    const { out, checked } = mismatches(plan, sheets);
    expect(checked).toBeGreaterThan(300);
    expect(out).toEqual([]);
  });

  test('a population typed over in the workbook: the report tables follow, and the simulation says it is out of date', async () => {
    const { before, plan: expected } = afterEdit(seedText(), (a) => ({
      ...a,
      industry: { ...a.industry, populations: a.industry.populations.map((p) => (p.category === 'Large Supplier' ? { ...p, parties: 40 } : p)) },
    }));
    const edited = withInput(before.plan, 'tblPopulations', 0, POPULATIONS.parties, { t: 'number', v: 40 });
    const sheets = recalculatedSheets(binary!, await planToXlsx(withStaleCache(edited), { creator: 'test', created: new Date('2027-03-01T00:00:00Z') }));
    const { out, checked } = mismatches(expected, sheets);
    expect(checked).toBeGreaterThan(600);
    expect(out).toEqual([]);
    const report = sheets.get('Report tables')!.flat().join('\n');
    expect(report).toContain('the simulation is out of date and must be run again.');
    expect(report).toContain('out of date: run the simulation again');
    expect(sheets.get('Read me')!.find((r) => r[0] === 'Checks')![1]).toBe(CHECKS_FAIL);
  });

  test('an uptake of 250% typed over the validation: the uptake check fails, and so does ChecksOK, on the Read me and in the report', async () => {
    const { plan } = livePlan(seedText());
    const edited = withInput(plan, 'tblUptake', 0, 2, { t: 'number', v: 2.5, fmt: 'percent' });
    const sheets = recalculatedSheets(binary!, await planToXlsx(withStaleCache(edited), { creator: 'test', created: new Date('2027-03-01T00:00:00Z') }));
    const checks = sheets.get('Checks')!;
    const failing = checks.filter((r) => r[2] === 'FALSE').map((r) => r[1]);
    expect(failing).toEqual(['Every uptake is a share from 0% to 100%']);
    expect(sheets.get('Read me')!.find((r) => r[0] === 'Checks')![1]).toBe(CHECKS_FAIL);
    expect(sheets.get('Report tables')!.flat()).toContain('Model checks: some checks fail: see the Checks sheet of the model workbook.');
  });
});

import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { readXlsxSnapshot } from '../../src/workbook/xlsxSnapshot';
import { importText } from '../../src/import/importText';
import { analyseConsultation } from '../../src/model/responseAnalysis';
import { reopenWorkbook } from '../../src/workbook/reopen';
import { memoryIo } from '../support/memoryIo';
import { SEED_PATH, seedText } from '../support/seed';
import { edit } from './editWorkbook';

/** Runs the CLI in memory; returns its exit code, JSON report and the workbook it wrote. */
async function run(args: string[], files: Record<string, Uint8Array> = {}) {
  const io = memoryIo(files);
  const code = await main(['--json', ...args], io.io);
  const written = [...io.written.values()][0];
  return { code, report: code === 0 ? JSON.parse(io.stdout()) : null, workbook: written, stderr: io.stderr() };
}

describe('an edited workbook carried into a new run (--from)', () => {
  test('assumptions, populations, uptake and overrides the panel typed survive and drive the results', async () => {
    const first = await run(['--decision-date', '2027-03-01']);
    const edited = await edit(first.workbook!, [
      { table: 'tblAssumptions', key: 'DccImplementation', column: 'Value', value: 500_000 },
      { table: 'tblAssumptions', key: 'DccLeadTime', column: 'Value', value: 12 },
      { table: 'tblPopulations', key: 'Large Supplier', column: 'Parties', value: 10 },
      { table: 'tblUptake', key: 'Large Supplier', column: 'Central', value: 0.4 },
      { table: 'tblCosts', key: 'ovo-energy', column: 'Override low £', value: 40_000 },
      { table: 'tblCosts', key: 'ovo-energy', column: 'Override high £', value: 90_000 },
      { table: 'tblLeadTimes', key: 'utility-warehouse', column: 'Override months', value: 4 },
    ]);
    const second = await run(['--from', 'edited.xlsx'], { 'edited.xlsx': edited });
    expect(second.code).toBe(0);
    const { industry, timeline, scenarios } = second.report.model;
    // Large: EON 175k, UW 50k, Utilita 375k and now OVO 65k central: 665k over 4, 6 more parties at 166.25k;
    // Small: ENGIE 50k; DCC 500k.
    expect(industry.central).toBeCloseTo(665_000 + 6 * 166_250 + 50_000 + 500_000, 6);
    expect(timeline).toMatchObject({ decisionDate: '2027-03-01', requiredMonths: 12, earliestRelease: '2028-06-29' });
    // Central uptake: 40% of 10 large suppliers + 25% of 1 small supplier
    expect(scenarios.find((s: { name: string }) => s.name === 'Central').adopters).toBeCloseTo(4.25, 9);
    expect(second.report.carriedForward[0]).toBe("Kept the workbook's assumptions, 6 populations, 3 scenarios and 2 overrides.");

    // The new workbook holds the same inputs again, so a third run changes nothing.
    const again = await readXlsxSnapshot(second.workbook!);
    const costs = again.tables.tblCosts!.find((r) => r[0] === 'ovo-energy')!;
    expect([costs[7], costs[8]]).toEqual([40_000, 90_000]);
    expect(again.tables.tblAssumptions!.find((r) => r[0] === 'DccImplementation')![2]).toBe(500_000);
    const third = await run(['--from', 'again.xlsx'], { 'again.xlsx': second.workbook! });
    expect(third.report.model).toEqual(second.report.model);
  });

  test('a changed document: overrides stay for respondents still there, and the report says what moved', async () => {
    const first = await run(['--decision-date', '2027-03-01']);
    const edited = await edit(first.workbook!, [
      { table: 'tblCosts', key: 'eon-uk', column: 'Override low £', value: 120_000 },
      { table: 'tblCosts', key: 'engie-engie-power-limited-engie-gas-limited', column: 'Override high £', value: 80_000 },
    ]);
    const changed = seedText()
      .replace('£250k-£500k', '£300k-£600k')
      .split('\n')
      .filter((line) => !line.includes('ENGIE'))
      .join('\n');
    const second = await run(['changed.txt', '--from', 'edited.xlsx'], { 'changed.txt': new TextEncoder().encode(changed), 'edited.xlsx': edited });
    expect(second.code).toBe(0);
    expect(second.report.carriedForward).toEqual([
      "Kept the workbook's assumptions, 6 populations, 3 scenarios and 1 override.",
      'The cost override for "engie-engie-power-limited-engie-gas-limited" was dropped: that respondent is not in the new document.',
      'No longer in the document: engie-engie-power-limited-engie-gas-limited.',
      `Utilita Energy Ltd's cost answer changed from "£250k-£500k" to "£300k-£600k".`,
    ]);
    // EON's override (a point £120k) replaces its band.
    expect(second.report.totals.respondentCostLow).toBe(120_000 + 0 + 300_000);
  });

  test('a file that is not a workbook of this tool is refused with a one-line error', async () => {
    const notXlsx = await run(['--from', 'seed.txt'], { 'seed.txt': new TextEncoder().encode(seedText()) });
    expect(notXlsx.code).toBe(1);
    expect(notXlsx.stderr).toBe('error: seed.txt is not an .xlsx workbook\n');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Mine').getCell('A1').value = 'my numbers';
    const foreign = await run(['--from', 'mine.xlsx'], { 'mine.xlsx': new Uint8Array(await wb.xlsx.writeBuffer()) });
    expect(foreign.stderr).toBe(
      "error: mine.xlsx has none of the cost model's input tables (assumptions, populations, scenarios, releases, overrides), so nothing could be carried: pass a workbook this tool wrote\n",
    );
    expect(SEED_PATH).toMatch(/MP207/);
  });
});


describe('a workbook the CLI wrote, taken up by the task pane without the document', () => {
  test('gives back the same consultation, roles and respondents', async () => {
    const first = await run(['--decision-date', '2027-03-01']);
    const reopened = reopenWorkbook(await readXlsxSnapshot(first.workbook!))!;
    const { analysis } = importText(seedText(), 'seed');
    expect(reopened.consultation.modification).toEqual(analysis.consultation.modification);
    expect(reopened.consultation.respondents).toEqual(analysis.consultation.respondents);
    expect(reopened.consultation.answers.map((a) => [a.question, a.respondentId, a.response])).toEqual(analysis.consultation.answers.map((a) => [a.question, a.respondentId, a.response]));
    expect(reopened.renames).toEqual({});
    expect(reopened.sourceName).toBe(SEED_PATH.split('/').pop());
    const again = analyseConsultation(reopened.consultation, reopened.roles);
    expect(again.results.map((r) => [r.cost.text, r.leadTime.text])).toEqual(analysis.results.map((r) => [r.cost.text, r.leadTime.text]));
  });
});

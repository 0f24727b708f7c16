import { analyseConsultation } from '../../src/model/responseAnalysis';
import { costModelWorkbook } from '../../src/workbook/costModelWorkbook';
import { createMemoryHost } from '../../src/workbook/memoryHost';
import { carryForward } from '../../src/workbook/readBack';
import { renameSheets } from '../../src/workbook/renameSheets';
import { reopenWorkbook } from '../../src/workbook/reopen';
import { livePlan, META } from '../support/plans';
import { seedText } from '../support/seed';

/** The seed's model written to a fresh in-memory workbook. */
async function writtenSeed() {
  const built = livePlan(seedText(), (a) => ({ ...a, overrides: { costs: { 'ovo-energy': { low: 40_000, high: 90_000 } }, leadTimeMonths: {} } }));
  const host = createMemoryHost();
  await host.writePlan(built.plan);
  return { built, host };
}

describe('taking up a workbook written earlier, without its document', () => {
  test('recovers the modification, the respondents in their order, every answer, the roles and the source', async () => {
    const { built, host } = await writtenSeed();
    const reopened = reopenWorkbook((await host.readSnapshot())!)!;
    const original = built.analysis.consultation;
    expect(reopened.consultation.modification).toEqual(original.modification);
    expect(reopened.consultation.title).toBe(original.title);
    expect(reopened.consultation.respondents).toEqual(original.respondents);
    expect(reopened.consultation.answers).toEqual(original.answers.map((a) => ({ ...a, source: { ...a.source, raw: '' } })));
    expect(reopened.roles).toEqual({ costQuestion: 4, leadTimeQuestion: 5 });
    expect([reopened.sourceName, reopened.sourceSha256, reopened.written]).toEqual([META.sourceName, META.sourceSha256, META.created]);
    expect(reopened.findings.map((f) => f.message)).toEqual(built.plan.sheets.find((s) => s.name === 'Findings')!.tables[0]!.rows.map((r) => (r[3]!.t === 'text' ? r[3]!.v : '')));
  });

  test('rebuilds the very workbook it came from, assumptions and overrides included', async () => {
    const { built, host } = await writtenSeed();
    const snapshot = (await host.readSnapshot())!;
    const reopened = reopenWorkbook(snapshot)!;
    const analysis = analyseConsultation(reopened.consultation, reopened.roles);
    expect(analysis.results.map((r) => [r.respondent.id, r.cost.kind, r.leadTime.kind])).toEqual(built.analysis.results.map((r) => [r.respondent.id, r.cost.kind, r.leadTime.kind]));
    const { assumptions } = carryForward(snapshot, analysis, built.assumptions);
    expect(assumptions.overrides.costs).toEqual({ 'ovo-energy': { low: 40_000, high: 90_000 } });
    const again = costModelWorkbook(analysis, reopened.findings, { ...assumptions, monteCarlo: { ...assumptions.monteCarlo, iterations: 500 } }, META);
    if (!again.ok) throw new Error(again.problems.join('; '));
    // What the workbook holds: every formula as it is built, not the functions a column builds them with.
    const held = (plan: typeof built.plan) => JSON.parse(JSON.stringify(plan)) as unknown;
    expect(held(again.plan)).toEqual(held(built.plan));
  });

  test('knows the sheets the model sits under beside the user’s own', async () => {
    const built = livePlan(seedText());
    const host = createMemoryHost(['Responses', 'Costs']);
    await host.writePlan(renameSheets(built.plan, { Responses: 'Responses (model)', Costs: 'Costs (model)' }));
    expect(reopenWorkbook((await host.readSnapshot())!)!.renames).toEqual({ Responses: 'Responses (model)', Costs: 'Costs (model)' });
  });

  test('a workbook without the model, or with its Responses table emptied, is not taken up', async () => {
    expect(await createMemoryHost().readSnapshot()).toBeNull();
    const { host } = await writtenSeed();
    const snapshot = (await host.readSnapshot())!;
    expect(reopenWorkbook({ tables: { ...snapshot.tables, tblResponses: [] } })).toBeNull();
    const { tblReadMe: _readMe, ...withoutReadMe } = snapshot.tables;
    expect(reopenWorkbook({ tables: withoutReadMe })).toBeNull();
  });
});

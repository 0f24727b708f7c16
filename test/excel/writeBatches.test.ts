import { readSnapshot } from '../../src/excel/readSnapshot';
import { cellInput, writePlan } from '../../src/excel/writePlan';
import { EXCEL_PAYLOAD_LIMIT, PAYLOAD_BUDGET } from '../../src/excel/payload';
import { WorkbookRefusal, WorkbookWriteFailed } from '../../src/workbook/host';
import { REGISTRY_SHEET } from '../../src/workbook/ownership';
import { cellFormat, validationMessage, type WorkbookPlan } from '../../src/workbook/plan';
import { freeSheetNames, renameSheets } from '../../src/workbook/renameSheets';
import { formulaText } from '../../src/workbook/formula';
import {
  asExcelContext,
  CELL_TEXT_LIMIT,
  definedNameProblem,
  ERROR_ALERT_MESSAGE_LIMIT,
  ERROR_ALERT_TITLE_LIMIT,
  EXCEL_WEB_PAYLOAD_LIMIT,
  FakeContext,
  FORMULA_LIMIT,
  LIST_SOURCE_LIMIT,
  NAME_COMMENT_LIMIT,
  sheetNameProblem,
} from '../support/fakeExcel';
import { livePlan } from '../support/plans';
import { seedText } from '../support/seed';
import { syntheticAnnex } from '../support/synthetic';

const all = () => true;
const planOf = (respondents: number) => livePlan(syntheticAnnex(respondents)).plan;

/** Everything the fake workbook holds, to compare two writes of one plan. */
function contents(ctx: FakeContext): string {
  return JSON.stringify({
    sheets: ctx.workbook.worksheets.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      grid: s.grid(),
      validations: [...s.validations],
      highlights: s.conditionalFormats,
      charts: s.charts.list,
      tables: s.tables.list.map((t) => [t.name, t.address, t.style]),
      frozen: s.frozenRows,
      print: { ...s.pageLayout },
    })),
    names: ctx.workbook.names.list.map((n) => [n.name, n.sheet, n.address, n.comment]),
  });
}

describe('a write larger than one request goes in batches', () => {
  test('the writer and the fake take Excel on the web’s limit as 5 MB; the writer plans under it', () => {
    expect(EXCEL_PAYLOAD_LIMIT).toBe(EXCEL_WEB_PAYLOAD_LIMIT);
    expect(PAYLOAD_BUDGET).toBeLessThan(EXCEL_PAYLOAD_LIMIT);
  });

  test('5 and 500 respondents still take two syncs, each request under 5 MB', async () => {
    const counts: number[] = [];
    for (const n of [5, 500]) {
      const ctx = new FakeContext();
      await writePlan(asExcelContext(ctx), planOf(n), all);
      expect(Math.max(...ctx.requests)).toBeLessThanOrEqual(EXCEL_WEB_PAYLOAD_LIMIT);
      counts.push(ctx.syncs);
    }
    expect(counts).toEqual([2, 2]);
  });

  test('10,000 respondents are written under the 5 MB limit, in syncs that follow the megabytes, and read back', async () => {
    const plan = planOf(10_000);
    const ctx = new FakeContext();
    const report = await writePlan(asExcelContext(ctx), plan, all);
    const sent = ctx.requests.reduce((n, b) => n + b, 0);
    expect(Math.max(...ctx.requests)).toBeLessThanOrEqual(EXCEL_WEB_PAYLOAD_LIMIT);
    // The reads, then the write's requests, each but the last filled to near the budget.
    expect(ctx.syncs).toBeGreaterThan(2 + sent / EXCEL_WEB_PAYLOAD_LIMIT);
    expect(ctx.syncs).toBeLessThanOrEqual(2 + Math.ceil(sent / (0.8 * PAYLOAD_BUDGET)));
    const costs = ctx.workbook.worksheets.find('Costs')!;
    expect(costs.tables.list[0]!.address).toBe('A1:W10001');
    const last = plan.sheets.find((s) => s.name === 'Costs')!.tables[0]!.rows.at(-1)!;
    const row = costs.grid()[10_000]!;
    last.forEach((c, i) => {
      const stored = row[i]!;
      const written = cellInput(c, 'Costs');
      const shown = stored.kind === 'formula' ? stored.formula : stored.kind === 'empty' ? '' : String(stored.value);
      expect(shown).toBe(typeof written === 'string' && written.startsWith("'") ? written.slice(1) : String(written));
    });
    expect(report.cells).toBeGreaterThan(10_000 * 23);
    expect(ctx.workbook.names.list).toHaveLength(plan.names.length);
    // Read back: the values are more than one response holds, so they come in pieces.
    ctx.syncs = 0;
    const snapshot = await readSnapshot(asExcelContext(ctx));
    expect(snapshot!.tables.tblCosts).toHaveLength(10_000);
    expect(snapshot!.tables.tblResponses).toHaveLength(plan.sheets.find((s) => s.name === 'Responses')!.tables[0]!.rows.length);
    expect(ctx.syncs).toBeGreaterThan(2);
  }, 300_000);

  test('under a smaller limit the same plan takes more syncs and lands exactly as in one request', async () => {
    const plan = planOf(500);
    const whole = new FakeContext();
    whole.payloadLimit = Infinity;
    await writePlan(asExcelContext(whole), plan, all, { requestBudget: Infinity });
    expect(whole.syncs).toBe(2);
    const sent = whole.requests.reduce((n, b) => n + b, 0);

    const limited = new FakeContext();
    limited.payloadLimit = 500_000;
    await writePlan(asExcelContext(limited), plan, all, { requestBudget: 400_000 });
    expect(Math.max(...limited.requests)).toBeLessThanOrEqual(500_000);
    expect(limited.syncs).toBeGreaterThanOrEqual(1 + Math.ceil(sent / 500_000));
    expect(limited.syncs).toBeLessThanOrEqual(2 + Math.ceil(sent / (0.8 * 400_000)));
    expect(contents(limited)).toBe(contents(whole));
    // Calculation waits for the end of each request, not only the first.
    expect(limited.calls.filter((c) => c === 'suspendCalculation')).toHaveLength(limited.syncs - 1);
  });
});

describe('a batched write that fails leaves the workbook as it was', () => {
  test('Excel failing in a middle request: the sheets and names this run created come out again', async () => {
    const ctx = new FakeContext();
    ctx.workbook.worksheets.add('Sheet1').getRange('A1:A1').values = [['mine']];
    ctx.settle();
    const before = contents(ctx);
    ctx.payloadLimit = 500_000;
    ctx.failOnSync = 4;
    const failed = await writePlan(asExcelContext(ctx), planOf(500), all, { requestBudget: 400_000 }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(WorkbookWriteFailed);
    expect((failed as Error).message).toBe(
      'Excel stopped part way through the import (There was an internal error while processing the request.). The sheets it was creating were removed.',
    );
    // Two requests of the write had landed before the failure; the rollback took them out.
    expect(ctx.syncs).toBe(6);
    expect(contents(ctx)).toBe(before);
  });

  test('Excel refusing a request as too large part way: the same, with Excel’s code on the cause', async () => {
    // The requests the writer sends to an Excel that takes them all (a read, then the writes).
    const probe = new FakeContext();
    await writePlan(asExcelContext(probe), planOf(500), all, { requestBudget: 520_000 });
    const firstWrite = probe.requests[1]!;
    expect(probe.requests.slice(2).some((r) => r > firstWrite)).toBe(true);
    // An Excel that takes a little less than the writer plans for: the first write lands, a larger one later is refused.
    const ctx = new FakeContext();
    ctx.payloadLimit = firstWrite;
    const failed = await writePlan(asExcelContext(ctx), planOf(500), all, { requestBudget: 520_000 }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(WorkbookWriteFailed);
    expect(((failed as Error).cause as { code: string }).code).toBe('RequestPayloadSizeLimitExceeded');
    const refused = ctx.requests.findIndex((r) => r > firstWrite);
    expect(refused).toBeGreaterThan(1);
    expect(ctx.workbook.worksheets.sheets).toEqual([]);
    expect(ctx.workbook.names.list).toEqual([]);
  });

  test('a re-import failing part way keeps the registry as it was, so the sheets stay the add-in’s own', async () => {
    const ctx = new FakeContext();
    await writePlan(asExcelContext(ctx), planOf(30), all);
    const registry = JSON.stringify(ctx.workbook.worksheets.find(REGISTRY_SHEET)!.grid());
    const sheets = ctx.workbook.worksheets.sheets.map((s) => s.name);
    ctx.syncs = 0;
    ctx.payloadLimit = 500_000;
    ctx.failOnSync = 5;
    const failed = await writePlan(asExcelContext(ctx), planOf(500), all, { requestBudget: 400_000 }).catch((e: unknown) => e);
    expect((failed as Error).message).toMatch(/^Excel stopped part way through the import \(.*\)\. The sheets it was creating were removed; Read me, .*, Findings may be incomplete, so import again to finish them\.$/);
    expect(ctx.workbook.worksheets.sheets.map((s) => s.name)).toEqual(sheets);
    expect(JSON.stringify(ctx.workbook.worksheets.find(REGISTRY_SHEET)!.grid())).toBe(registry);
    // Imported again, it finishes.
    ctx.failOnSync = null;
    await writePlan(asExcelContext(ctx), planOf(500), all, { requestBudget: 400_000 });
    expect(ctx.workbook.worksheets.find('Costs')!.tables.list[0]!.address).toBe('A1:W501');
  });
});

describe('what the writer asks of Excel stays within its limits', () => {
  /** Every limit the fake enforces that the plan decides, as problems found. */
  function overLimits(plan: WorkbookPlan): string[] {
    const problems: string[] = [];
    for (const s of plan.sheets) {
      const sheetProblem = sheetNameProblem(s.name);
      if (sheetProblem) problems.push(sheetProblem);
      for (const t of s.tables) {
        const tableProblem = definedNameProblem(t.name);
        if (tableProblem) problems.push(tableProblem);
        const rules = [
          ...t.columns.flatMap((c) => (c.valid ? [{ v: c.valid, fmt: c.format }] : [])),
          ...t.rows.flatMap((r) => r.flatMap((c, i) => (c.t !== 'formula' && c.valid ? [{ v: c.valid, fmt: cellFormat(c, t.columns[i]!) }] : []))),
        ];
        for (const { v, fmt } of rules) {
          if (v.kind === 'list' && v.choices.join(',').length > LIST_SOURCE_LIMIT) problems.push(`${t.name}: a list of ${v.choices.join(',').length} characters`);
          if (validationMessage(v, fmt).length > ERROR_ALERT_MESSAGE_LIMIT) problems.push(`${t.name}: an alert of ${validationMessage(v, fmt).length} characters`);
        }
        for (const r of t.rows) {
          for (const c of r) {
            const input = cellInput(c, s.name);
            if (c.t === 'formula' && String(input).length > FORMULA_LIMIT) problems.push(`${t.name}: a formula of ${String(input).length} characters`);
            if (c.t === 'text' && c.v.length > CELL_TEXT_LIMIT) problems.push(`${t.name}: a text of ${c.v.length} characters`);
          }
        }
      }
      for (const h of s.highlights ?? []) if (formulaText(h.when, s.name).length > FORMULA_LIMIT) problems.push(`${s.name}: a long highlight rule`);
    }
    for (const n of plan.names) {
      const nameProblem = definedNameProblem(n.name);
      if (nameProblem) problems.push(nameProblem);
      if (n.description.length > NAME_COMMENT_LIMIT) problems.push(`${n.name}: a comment of ${n.description.length} characters`);
    }
    const tablesAndNames = [...plan.sheets.flatMap((s) => s.tables.map((t) => t.name)), ...plan.names.map((n) => n.name)].map((n) => n.toLowerCase());
    if (new Set(tablesAndNames).size !== tablesAndNames.length) problems.push('a table and a defined name share a name');
    return problems;
  }

  test('sheet, table and defined names, validation lists and alerts, formulas and texts: the seed, 5 and 500 respondents', () => {
    expect('Not accepted here'.length).toBeLessThanOrEqual(ERROR_ALERT_TITLE_LIMIT);
    for (const plan of [livePlan(seedText()).plan, planOf(5), planOf(500)]) expect(overLimits(plan)).toEqual([]);
  });

  test('the names offered when every sheet clashes stay within 31 characters, twice over', () => {
    const plan = livePlan(seedText()).plan;
    const sheets = plan.sheets.map((s) => s.name);
    const first = freeSheetNames(sheets, sheets);
    const second = freeSheetNames(sheets, [...sheets, ...Object.values(first)]);
    expect(Object.values(second)).toContain('Industry costs (model 2)');
    for (const renames of [first, second]) expect(overLimits(renameSheets(plan, renames))).toEqual([]);
  });

  test('a defined name or a table of the user’s under a name the plan gives the other kind stops the import before anything is written', async () => {
    for (const setUp of [
      (ctx: FakeContext) => ctx.workbook.names.add('tblCosts', ctx.workbook.worksheets.add('Mine').getRange('A1')),
      (ctx: FakeContext) => {
        const mine = ctx.workbook.worksheets.add('Mine');
        mine.getRange('A1:A1').values = [['x']];
        mine.tables.add('A1:A2', true).name = 'DiscountRate';
      },
    ]) {
      const ctx = new FakeContext();
      setUp(ctx);
      ctx.settle();
      const before = contents(ctx);
      ctx.calls.length = 0;
      const refused = await writePlan(asExcelContext(ctx), livePlan(seedText()).plan, all).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(WorkbookRefusal);
      expect((refused as Error).message).toMatch(/^This workbook already has (a defined name "tblCosts"|a table named "DiscountRate") that the add-in did not create, so nothing was written\./);
      expect(contents(ctx)).toBe(before);
      expect(ctx.calls).toEqual([]);
    }
  });
});

describe('reading a workbook back in pieces', () => {
  test('a snapshot too large for one response reads the same in pieces', async () => {
    const ctx = new FakeContext();
    await writePlan(asExcelContext(ctx), planOf(500), all);
    ctx.syncs = 0;
    const whole = await readSnapshot(asExcelContext(ctx));
    expect(ctx.syncs).toBe(2);
    ctx.syncs = 0;
    ctx.payloadLimit = 200_000;
    const pieces = await readSnapshot(asExcelContext(ctx));
    expect(pieces).toEqual(whole);
    expect(ctx.syncs).toBeGreaterThan(4);
  });
});

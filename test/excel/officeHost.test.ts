import { createOfficeHost, withTimeout } from '../../src/excel/officeHost';
import { writePlan } from '../../src/excel/writePlan';
import { livePlan } from '../support/plans';
import { seedText } from '../support/seed';
import { asExcelContext, FakeContext } from '../support/fakeExcel';

describe('waiting on Excel', () => {
  test('a call Excel never answers ends with a message saying what to do', async () => {
    const never = new Promise<number>(() => undefined);
    await expect(withTimeout(never, 'writing the workbook', 20)).rejects.toThrow(
      'Excel did not answer within 0.02 seconds while writing the workbook. Close any open dialog or cell edit, then try again.',
    );
  });

  test('an answer in time passes through', async () => {
    await expect(withTimeout(Promise.resolve(42), 'reading', 1000)).resolves.toBe(42);
  });
});

describe('the office-js host', () => {
  /** Excel and Office as the host sees them, over a fake workbook holding the seed's model. */
  async function inExcel(apiSets: (set: string, version: string) => boolean) {
    const ctx = new FakeContext();
    await writePlan(asExcelContext(ctx), livePlan(seedText()).plan, () => true);
    const globals = globalThis as unknown as Record<string, unknown>;
    globals.Office = { context: { requirements: { isSetSupported: apiSets } } };
    globals.Excel = { run: (a: unknown, b?: unknown) => (typeof a === 'function' ? a : (b as (c: unknown) => unknown))(asExcelContext(ctx)) };
    return ctx;
  }
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).Office;
    delete (globalThis as Record<string, unknown>).Excel;
  });

  test('watches the input tables until told to stop', async () => {
    const ctx = await inExcel(() => true);
    let edits = 0;
    const stop = await createOfficeHost().watchInputs(() => edits++);
    await ctx.workbook.tables.getItem('tblCosts').fire();
    expect(edits).toBe(1);
    await stop();
    await ctx.workbook.tables.getItem('tblCosts').fire();
    expect(edits).toBe(1);
  });
});

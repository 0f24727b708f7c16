import {
  asExcelContext,
  definedNameProblem,
  EXCEL_WEB_PAYLOAD_LIMIT,
  FakeContext,
  FakeOfficeError,
  OPERATION_BYTES,
  sheetNameProblem,
} from '../support/fakeExcel';

/** What a sync rejects with: the code and what the fake saw. */
async function refusal(ctx: FakeContext): Promise<{ code: string; name: string; message: string; statement: string }> {
  const e = await ctx.sync().then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof FakeOfficeError)) throw new Error(`the sync did not fail as Excel does: ${String(e)}`);
  return { code: e.code, name: e.name, message: e.message, statement: e.debugInfo.statement };
}

function sheet(ctx: FakeContext, name = 'S') {
  const ws = ctx.workbook.worksheets.add(name);
  ctx.settle();
  return ws;
}

describe('the fake Excel queues calls and runs them at sync, as office-js does', () => {
  test('nothing lands before the sync; the sync runs the calls in order', async () => {
    const ctx = new FakeContext();
    const ws = ctx.workbook.worksheets.add('S');
    ws.getRange('A1:B1').values = [['a', 2]];
    expect(ctx.workbook.worksheets.sheets).toEqual([]);
    await ctx.sync();
    expect(ws.grid()[0]).toEqual([
      { kind: 'text', value: 'a', format: 'General' },
      { kind: 'number', value: 2, format: 'General' },
    ]);
    expect(ctx.syncs).toBe(1);
  });

  test('a refused call stops the request there: the calls before it stay done, the rest are dropped', async () => {
    const ctx = new FakeContext();
    ctx.workbook.worksheets.add('First');
    ctx.workbook.worksheets.add('Bad/name');
    ctx.workbook.worksheets.add('Third');
    expect(await refusal(ctx)).toMatchObject({ code: 'InvalidArgument', name: 'RichApi.Error', message: 'The argument is invalid or missing or has an incorrect format.' });
    expect(ctx.workbook.worksheets.sheets.map((s) => s.name)).toEqual(['First']);
  });

  test('a loaded property is there only after a sync, as it was at that sync', async () => {
    const ctx = new FakeContext();
    const ws = sheet(ctx);
    ws.getRange('A1:A1').values = [['before']];
    ctx.settle();
    const range = ws.getRange('A1:A1').load('values');
    expect(() => range.values).toThrow('PropertyNotLoaded');
    await ctx.sync();
    ws.getRange('A1:A1').values = [['after']];
    ctx.settle();
    expect(range.values).toEqual([['before']]);
  });

  test('a missing sheet, table or name is refused at the sync, not at the call', async () => {
    const ctx = new FakeContext();
    ctx.workbook.worksheets.getItem('Nowhere').getRange('A1:A1').values = [[1]];
    expect(await refusal(ctx)).toMatchObject({ code: 'ItemNotFound' });
    ctx.workbook.tables.getItem('tblNowhere').delete();
    expect(await refusal(ctx)).toMatchObject({ code: 'ItemNotFound' });
    ctx.workbook.names.getItem('Nowhere').delete();
    expect(await refusal(ctx)).toMatchObject({ code: 'ItemNotFound' });
  });
});

describe('Excel on the web’s payload limits', () => {
  test('the limit is 5 MB unless a test lowers it', () => {
    expect(EXCEL_WEB_PAYLOAD_LIMIT).toBe(5_000_000);
    expect(new FakeContext().payloadLimit).toBe(EXCEL_WEB_PAYLOAD_LIMIT);
  });

  test('a request past the limit is refused whole: nothing of it lands', async () => {
    const ctx = new FakeContext();
    ctx.payloadLimit = 10_000;
    const ws = ctx.workbook.worksheets.add('S');
    ws.getRange('A1:A100').values = Array.from({ length: 100 }, (_, i) => [`row ${i} ${'x'.repeat(100)}`]);
    const seen = await refusal(ctx);
    expect(seen.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(seen.statement).toMatch(/^a request of 1\d,\d{3} bytes \(2 calls\); the limit is 10,000$/);
    expect(ctx.workbook.worksheets.sheets).toEqual([]);
    // Written in two requests, each under the limit, it lands.
    ctx.workbook.worksheets.add('S');
    await ctx.sync();
    const s = ctx.workbook.worksheets.find('S')!;
    s.getRange('A1:A50').values = Array.from({ length: 50 }, (_, i) => [`row ${i} ${'x'.repeat(100)}`]);
    await ctx.sync();
    s.getRange('A51:A100').values = Array.from({ length: 50 }, (_, i) => [`row ${i + 50} ${'x'.repeat(100)}`]);
    await ctx.sync();
    expect(s.grid()).toHaveLength(100);
    expect(Math.max(...ctx.requests.slice(1))).toBeLessThanOrEqual(10_000);
  });

  test('a request counts its data as UTF-8 JSON and a fixed cost per call', async () => {
    const ctx = new FakeContext();
    const ws = sheet(ctx);
    ws.getRange('A1:A1').values = [['£']];
    ws.getRange('A1:A1').format.font.bold = true;
    ws.getRange('A2:A2').values = [['££']];
    expect(ctx.queuedBytes).toBe(3 * OPERATION_BYTES + 8 + 4 + 10);
    await ctx.sync();
    // [["£"]] is 8 bytes in UTF-8 (£ takes two), true is 4, [["££"]] is 10.
    expect(ctx.requests).toEqual([3 * OPERATION_BYTES + 8 + 4 + 10]);
  });

  test('a response past the limit is refused', async () => {
    const ctx = new FakeContext();
    const ws = sheet(ctx);
    ws.getRange('A1:A200').values = Array.from({ length: 200 }, () => ['y'.repeat(100)]);
    ctx.settle();
    ctx.payloadLimit = 10_000;
    const range = ws.getRange('A1:A200').load('values');
    expect(await refusal(ctx)).toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(() => range.values).toThrow('PropertyNotLoaded');
  });

  test('a read of more than 5,000,000 cells is refused', async () => {
    const ctx = new FakeContext();
    sheet(ctx).getRange('A1:E1000001').load('values');
    expect(await refusal(ctx)).toMatchObject({ code: 'RangeExceedsLimit' });
  });
});

describe('names Excel refuses', () => {
  test.each([
    ['a name of 32 characters', 'x'.repeat(32)],
    ['a colon', 'a:b'],
    ['a backslash', 'a\\b'],
    ['a slash', 'a/b'],
    ['a question mark', 'a?b'],
    ['an asterisk', 'a*b'],
    ['an opening bracket', 'a[b'],
    ['a closing bracket', 'a]b'],
    ['a leading apostrophe', "'ab"],
    ['a trailing apostrophe', "ab'"],
    ['no name', ''],
    ['the name Excel keeps', 'history'],
  ])('a sheet with %s is refused with InvalidArgument', async (_, name) => {
    const ctx = new FakeContext();
    ctx.workbook.worksheets.add(name);
    expect(await refusal(ctx)).toMatchObject({ code: 'InvalidArgument' });
    expect(ctx.workbook.worksheets.sheets).toEqual([]);
  });

  test('31 characters and an apostrophe inside are allowed', async () => {
    const ctx = new FakeContext();
    ctx.workbook.worksheets.add('x'.repeat(31));
    ctx.workbook.worksheets.add("Modeller's notes");
    await ctx.sync();
    expect(ctx.workbook.worksheets.sheets).toHaveLength(2);
  });

  test('a sheet name already taken, whatever its case, is refused with ItemAlreadyExists', async () => {
    const ctx = new FakeContext();
    sheet(ctx, 'Costs');
    ctx.workbook.worksheets.add('COSTS');
    expect(await refusal(ctx)).toMatchObject({ code: 'ItemAlreadyExists' });
  });

  test('table and defined names follow Excel’s rules and share one namespace', async () => {
    const ctx = new FakeContext();
    const ws = sheet(ctx);
    ws.getRange('A1:B1').values = [['a', 'b']];
    ws.getRange('A4:B4').values = [['c', 'd']];
    ws.tables.add('A1:B2', true).name = 'tblOne';
    const other = ws.tables.add('A4:B5', true);
    await ctx.sync();
    expect(ws.tables.list.map((t) => t.name)).toEqual(['tblOne', expect.stringMatching(/^Table\d+$/)]);
    for (const bad of ['A1', 'xfd1048576', 'R1C1', 'r', 'two words', '1st', 'x'.repeat(256)]) {
      ctx.workbook.names.add(bad, ws.getRange('A1'));
      expect([bad, (await refusal(ctx)).code]).toEqual([bad, 'InvalidArgument']);
      other.name = bad;
      expect([bad, (await refusal(ctx)).code]).toEqual([bad, 'InvalidArgument']);
    }
    ctx.workbook.names.add('TBLONE', ws.getRange('A1'));
    expect(await refusal(ctx)).toMatchObject({ code: 'ItemAlreadyExists' });
    ctx.workbook.names.add('Rate', ws.getRange('A1'), 'c'.repeat(256));
    expect(await refusal(ctx)).toMatchObject({ code: 'InvalidArgument' });
    ctx.workbook.names.add('Rate', ws.getRange('A1'), 'c'.repeat(255));
    await ctx.sync();
    // A table may not take a defined name's name either.
    other.name = 'rate';
    expect(await refusal(ctx)).toMatchObject({ code: 'ItemAlreadyExists' });
    expect(definedNameProblem('tblCosts')).toBeNull();
    expect(definedNameProblem('_x.y\\z')).toBeNull();
    expect(sheetNameProblem('Industry costs')).toBeNull();
  });

  test('a name over more than one area has no single range: InvalidReference', async () => {
    const ctx = new FakeContext();
    const ws = sheet(ctx);
    ctx.workbook.names.add('Two', ws.getRange('A1'));
    await ctx.sync();
    (ctx.workbook.names.list[0] as { address: string }).address = 'A1,C3';
    ctx.workbook.names.getItem('Two').getRange().values = [[1]];
    expect(await refusal(ctx)).toMatchObject({ code: 'InvalidReference' });
  });
});

describe('cells, validation and tables as Excel takes them', () => {
  test.each([
    ['values', 'A1:B2', [[1, 2]]],
    ['values', 'A1:B2', [[1], [2]]],
    ['formulas', 'A1:A3', [['=1'], ['=2']]],
    ['numberFormat', 'A1:B1', [['@', '@', '@']]],
  ] as const)('%s of the wrong shape for %s are refused with InvalidArgument', async (property, address, data) => {
    const ctx = new FakeContext();
    const range = sheet(ctx).getRange(address);
    (range as unknown as Record<string, unknown>)[property] = data;
    expect(await refusal(ctx)).toMatchObject({ code: 'InvalidArgument' });
  });

  test('a cell holds 32,767 characters and a formula 8,192', async () => {
    const ctx = new FakeContext();
    const ws = sheet(ctx);
    ws.getRange('A1').values = [['x'.repeat(32_767)]];
    ws.getRange('A2').formulas = [[`="${'x'.repeat(8_189)}"`]];
    await ctx.sync();
    ws.getRange('A3').values = [['x'.repeat(32_768)]];
    expect(await refusal(ctx)).toMatchObject({ code: 'InvalidArgument' });
    ws.getRange('A4').formulas = [[`="${'x'.repeat(8_190)}"`]];
    expect(await refusal(ctx)).toMatchObject({ code: 'InvalidArgument' });
  });

  test('an address off the grid is refused', async () => {
    const ctx = new FakeContext();
    sheet(ctx).getRange('A1048577').values = [[1]];
    expect(await refusal(ctx)).toMatchObject({ code: 'InvalidArgument' });
    sheet(ctx, 'T').getRange('XFE1').values = [[1]];
    expect(await refusal(ctx)).toMatchObject({ code: 'InvalidArgument' });
  });

  test('a data-validation list typed as its source holds 255 characters', async () => {
    const ctx = new FakeContext();
    const ws = sheet(ctx);
    const source = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`).join(',').slice(0, n);
    ws.getRange('A1').dataValidation.rule = { list: { inCellDropDown: true, source: source(255) } };
    await ctx.sync();
    ws.getRange('A2').dataValidation.rule = { list: { inCellDropDown: true, source: source(256) } };
    expect(await refusal(ctx)).toMatchObject({ code: 'InvalidArgument', statement: 'a list source of 256 characters; Excel allows 255' });
  });

  test('a validation alert’s title holds 32 characters and its message 225', async () => {
    const ctx = new FakeContext();
    const ws = sheet(ctx);
    const alert = (title: number, message: number) => ({ title: 't'.repeat(title), message: 'm'.repeat(message), showAlert: true, style: 'Stop' });
    ws.getRange('A1').dataValidation.errorAlert = alert(32, 225);
    await ctx.sync();
    ws.getRange('A1').dataValidation.errorAlert = alert(33, 10);
    expect(await refusal(ctx)).toMatchObject({ code: 'InvalidArgument' });
    ws.getRange('A1').dataValidation.errorAlert = alert(10, 226);
    expect(await refusal(ctx)).toMatchObject({ code: 'InvalidArgument' });
  });

  test('tables may not overlap: MergedRangeConflict', async () => {
    const ctx = new FakeContext();
    const ws = sheet(ctx);
    ws.tables.add('A1:C5', true);
    await ctx.sync();
    ws.tables.add('C5:D8', true);
    expect(await refusal(ctx)).toMatchObject({ code: 'MergedRangeConflict' });
    ws.tables.add('A7:C9', true);
    await ctx.sync();
    expect(ws.tables.list.map((t) => t.name)).toEqual(['Table1', 'Table2']);
  });

  test('a new table’s header row is distinct text, as Excel makes it', async () => {
    const ctx = new FakeContext();
    const ws = sheet(ctx);
    ws.getRange('A1:D1').values = [['Cost', 'cost', '', 2027]];
    ws.tables.add('A1:D2', true);
    await ctx.sync();
    expect(ws.grid()[0]!.map((c) => (c.kind === 'text' ? c.value : c.kind))).toEqual(['Cost', 'cost2', 'Column3', '2027']);
  });

  test('a refused request carries an office-js error: name, code, message, debug info', async () => {
    const ctx = new FakeContext();
    ctx.payloadLimit = 1_000;
    sheet(ctx).getRange('A1').values = [['z'.repeat(2_000)]];
    const e = await asExcelContext(ctx)
      .sync()
      .catch((x: unknown) => x as OfficeExtension.Error);
    expect(e).toMatchObject({
      name: 'RichApi.Error',
      code: 'RequestPayloadSizeLimitExceeded',
      message: 'The request payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.',
      debugInfo: { code: 'RequestPayloadSizeLimitExceeded', errorLocation: 'RequestContext.sync' },
    });
  });
});

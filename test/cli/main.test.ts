import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { memoryIo } from '../support/memoryIo';
import { readXlsx } from '../support/xlsxRead';

const fixture = (name: string) => join(__dirname, '..', 'fixtures', name);
const SHEETS = ['Read me', 'Checks', 'Responses', 'Costs', 'Lead times', 'Assumptions', 'Industry costs', 'Scenarios', 'Timeline', 'Report tables', 'Findings'];

describe('npm run model on the bundled seed', () => {
  test('writes the workbook and prints the summary', async () => {
    const run = memoryIo();
    expect(await main(['--decision-date', '2027-03-01'], run.io)).toBe(0);
    expect([...run.written.keys()]).toEqual([
      'out/MP207-cost-model.xlsx',
      'out/MP207-report.docx',
      'out/MP207-report.md',
      'out/MP207-cost-estimates.csv',
      'out/MP207-band-distribution.csv',
      'out/MP207-industry-cost.csv',
      'out/MP207-uptake-scenarios.csv',
      'out/MP207-lead-times.csv',
      'out/MP207-summary-of-views.csv',
      'out/MP207-secas-responses.csv',
    ]);
    expect(run.stdout()).toContain('5 respondents, 9 questions; cost question 4, lead-time question 5');
    expect(run.stdout()).toContain('Costs: £350k–£950k from 4 respondents with a figure; 1 unquantified');
    expect(run.stdout()).toContain('Industry: £350k–£950k (central £650k), not the whole industry (some categories taken to have only their respondents)');
    expect(run.stdout()).toContain('  Illustrative: rests on populations not entered; DCC implementation cost not yet provided; SECAS cost not yet provided\n');
    expect(run.stdout()).toContain('Checks: all 13 checks pass');
    expect(run.stdout()).toMatch(/Scenarios: Low NPV −£\d+k \(−£\d+k to −£\d+k over the cost range\), break-even not reached at full uptake; Central/);
    // Break-even as a share of the parties, as the report gives it, never a fraction of a party.
    expect(run.stdout()).toContain('Central NPV −£460k (−£760k to −£160k over the cost range), break-even at 85.4% uptake (5 of 5 parties); High NPV £268k (−£31.6k to £568k over the cost range), break-even at 35.4% uptake (2 of 5 parties)');
    expect(run.stdout()).toContain('Timeline: 8 months (Utilita Energy Ltd) from decision on 2027-03-01 → ready 2027-11-01; earliest release 2027-11-04');

    const book = await readXlsx(run.written.get('out/MP207-cost-model.xlsx')!);
    expect([...book.keys()]).toEqual([...SHEETS, 'SECMOD_registry']);
    const registry = book.get('SECMOD_registry')!;
    expect(registry.state).toBe('veryHidden');
    expect(registry.rows.filter((r) => r[0] === 'sheet').map((r) => r[1])).toEqual(SHEETS);
    expect(registry.rows.filter((r) => r[0] === 'name').map((r) => r[1])).toContain('DiscountRate');

    const costs = book.get('Costs')!;
    expect(costs.tables).toEqual(['tblCosts']);
    expect(costs.rows[0]!.slice(5, 13)).toEqual(['Parsed low £', 'Parsed high £', 'Override low £', 'Override high £', 'Low £', 'High £', 'Central £', 'With a figure']);
    expect(costs.rows.slice(1, 6).map((r) => [r[1], r[4], r[5] ?? null, r[6] ?? null])).toEqual([
      ['EON UK', 'band', 100000, 250000],
      ['OVO Energy', 'unquantified', null, null],
      ['Utility Warehouse', 'band', 0, 100000],
      ['Utilita Energy Ltd', 'band', 250000, 500000],
      ['ENGIE (ENGIE Power Limited, ENGIE Gas Limited)', 'band', 0, 100000],
    ]);
    // The used figures are live formulas over the parsed and override cells, with the engine's value cached.
    // A column's formula is written once and shared down it; each cell keeps its own cached value.
    expect(costs.rows[1]![9]).toEqual({ formula: 'IF(OR(ISNUMBER(H2),ISNUMBER(I2)),IF(ISNUMBER(H2),H2,I2),IF(ISNUMBER(F2),F2,""))', result: 100000, shareType: 'shared', ref: 'J2:J6' });
    expect(costs.rows[4]![9]).toEqual({ sharedFormula: 'J2', result: 250000 });
    expect(costs.formulas).toContain('J4: IF(OR(ISNUMBER(H4),ISNUMBER(I4)),IF(ISNUMBER(H4),H4,I4),IF(ISNUMBER(F4),F4,""))');
    expect(costs.numFmt(2, 6)).toBe('£#,##0;-£#,##0');
    const lead = book.get('Lead times')!;
    expect(lead.rows.slice(1, 6).map((r) => [r[4], r[5] ?? null, r[6] ?? null])).toEqual([
      ['not-implementing', null, null],
      ['immediate', 0, 0],
      ['no-view', null, null],
      ['months', 6, 8],
      ['months', 6, 6],
    ]);
    // The seed's "-" answers are text.
    expect(lead.rows[3]![3]).toBe('-');
    const responses = book.get('Responses')!;
    expect(responses.rows[0]).toContain('SECAS Response');
    expect(responses.rows.filter((r) => typeof r[0] === 'string' && r[0].startsWith('q'))).toHaveLength(45);
    expect(responses.formulas).toEqual([]);
    expect(costs.conditional).toEqual([{ ref: 'A2:W6', formula: 'LEN($V2)>0' }]);
    const readMe = book.get('Read me')!.rows;
    expect(readMe.find((r) => r[0] === 'Source SHA-256')![1]).toMatch(/^[0-9a-f]{64}$/);
    expect(readMe.find((r) => r[0] === 'Monte Carlo seed')![1]).toBe(20260101);
  });

  test('--json prints the documented shape', async () => {
    const run = memoryIo();
    expect(await main(['--json', '--out', 'elsewhere', '--decision-date', '2027-03-01'], run.io)).toBe(0);
    const report = JSON.parse(run.stdout());
    expect(report.modification).toEqual({ id: 'MP207', title: 'Allowing Registered Supplier Agents to Maintain Meter Firmware' });
    expect([report.costQuestion, report.leadTimeQuestion]).toEqual([4, 5]);
    expect(report.respondents.map((r: { cost: { kind: string } }) => r.cost.kind)).toEqual(['band', 'unquantified', 'band', 'band', 'band']);
    expect(report.respondents[3].leadTime).toEqual({ kind: 'months', minMonths: 6, maxMonths: 8, text: '6 – 8 Months' });
    expect(report.respondents[1].leadTime).toMatchObject({ kind: 'immediate', minMonths: 0, maxMonths: 0 });
    expect(report.totals).toMatchObject({ respondentCostLow: 350000, respondentCostHigh: 950000, unquantified: 1 });
    // Utilita's rationale speaks of further ongoing costs but gives no yearly figure: the modeller is told.
    expect(report.findings).toEqual([
      expect.objectContaining({ severity: 'info', line: 58, text: '£250k-£500k', message: expect.stringContaining('Utilita Energy Ltd, question 4 (cost): the rationale mentions a recurring cost') }),
    ]);
    expect(report.model.industry).toMatchObject({ low: 350000, central: 650000, high: 950000, seed: 20260101, iterations: 10000 });
    expect(report.model.industry.p10).toBeLessThanOrEqual(report.model.industry.p50);
    expect(report.model.industry.p50).toBeLessThanOrEqual(report.model.industry.p90);
    expect(report.model.scenarios.map((s: { name: string }) => s.name)).toEqual(['Low', 'Central', 'High']);
    expect(report.model.timeline).toEqual({
      decisionDate: '2027-03-01',
      requiredMonths: 8,
      readyDate: '2027-11-01',
      earliestRelease: '2027-11-04',
      targetRelease: '2027-11-04',
      basis: ['DCC lead time not entered', 'minimum notice not entered', 'a release date from the default rule'],
    });
    // Results that cannot exist are null, with the reason; each figure says what it rests on.
    const [low, central] = report.model.scenarios;
    expect(low).toMatchObject({ costPerAdopter: null, breakEvenUptake: null, breakEvenAdopters: null });
    expect(low.breakEvenReason).toMatch(/^not reached at full uptake: it would take \d+\.\d adopting parties, and there are 5$/);
    expect(central.npvAtCost.low).toBeGreaterThanOrEqual(central.npvAtCost.central);
    expect(central.npvAtCost.central).toBe(central.npv);
    expect(central.npvAtCost.central).toBeGreaterThanOrEqual(central.npvAtCost.high);
    expect(central.basis).toContain('placeholder uptake');
    expect(report.model.industry).toMatchObject({ dccImplementation: null, secas: null, wholeIndustry: false, simulationCurrent: true });
    expect(report.inputs.populations[0]).toEqual({ category: 'Large Supplier', parties: 4, status: 'default', source: 'Default: the number of respondents in this category' });
    expect(report.inputs.decisionDate).toEqual({ date: '2027-03-01', status: 'entered' });
    expect(report.checks.ok).toBe(true);
    expect(report.respondents[0].cost.ongoingPerYear).toBeNull();
    expect([...run.written.keys()][0]).toBe('elsewhere/MP207-cost-model.xlsx');
  });

  test('question overrides are used, and a question that does not exist is refused', async () => {
    const run = memoryIo();
    expect(await main(['--json', '--cost-question', '3'], run.io)).toBe(0);
    expect(JSON.parse(run.stdout()).costQuestion).toBe(3);
    const bad = memoryIo();
    expect(await main(['--lead-time-question', '12'], bad.io)).toBe(2);
    expect(bad.stderr()).toBe('error: there is no question 12 to use as the lead-time question\n');
    expect(bad.written.size).toBe(0);
    const typo = memoryIo();
    expect(await main(['--cost-question', 'four'], typo.io)).toBe(2);
    expect(typo.stderr()).toMatch(/^error: --cost-question takes a question number, not "four"/);
  });
});

describe('engine options', () => {
  test('the DCC lead time, seed and iteration count reach the model', async () => {
    const run = memoryIo();
    expect(await main(['--json', '--decision-date', '2027-03-01', '--dcc-lead-time', '12', '--seed', '42', '--iterations', '500'], run.io)).toBe(0);
    const { model } = JSON.parse(run.stdout());
    expect(model.timeline).toMatchObject({ requiredMonths: 12, readyDate: '2028-03-01', earliestRelease: '2028-06-29' });
    expect(model.industry).toMatchObject({ seed: 42, iterations: 500 });
    const again = memoryIo();
    await main(['--json', '--decision-date', '2027-03-01', '--dcc-lead-time', '12', '--seed', '42', '--iterations', '500'], again.io);
    expect(JSON.parse(again.stdout()).model.industry.p50).toBe(model.industry.p50);
  });

  test('the decision date defaults to today', async () => {
    const run = memoryIo();
    await main(['--json'], run.io);
    expect(JSON.parse(run.stdout()).model.timeline.decisionDate).toBe('2027-03-01');
  });

  test.each([
    [['--decision-date', '1/3/2027'], 'error: --decision-date takes a date as YYYY-MM-DD, not "1/3/2027"'],
    [['--decision-date', '2027-02-30'], 'error: --decision-date takes a date as YYYY-MM-DD, not "2027-02-30"'],
    [['--dcc-lead-time=-3'], 'error: --dcc-lead-time takes a number from 0 to 120, not "-3"'],
    [['--iterations', '2.5'], 'error: --iterations takes a whole number from 1 to 1,000,000, not "2.5"'],
    [['--seed', 'abc'], 'error: --seed takes a whole number from -2,147,483,648 to 2,147,483,647, not "abc"'],
    [['--colour', 'red'], "error: Unknown option '--colour'. (npm run model -- --help lists the options)"],
  ])('%p is refused', async (args, message) => {
    const run = memoryIo();
    expect(await main(args, run.io)).toBe(2);
    expect(run.stderr()).toBe(`${message}\n`);
    expect(run.written.size).toBe(0);
  });
});

describe('documents the CLI cannot use: one-line error, non-zero exit, nothing written', () => {
  test.each([
    ['missing.txt', /^error: cannot read .*missing\.txt: no such file\n$/],
    ['error.empty.txt', /^error: .*error\.empty\.txt: the file is empty\n$/],
    ['error.binary.bin', /^error: .*error\.binary\.bin: the file is not a text document \(binary content\)\n$/],
    ['error.no-tables.txt', /^error: .*error\.no-tables\.txt: no question tables found/],
  ])('%s', async (name, message) => {
    const run = memoryIo();
    expect(await main([fixture(name)], run.io)).toBe(1);
    expect(run.stderr()).toMatch(message);
    expect(run.stderr().trim().split('\n')).toHaveLength(1);
    expect(run.written.size).toBe(0);
  });
});

describe('hostile answers', () => {
  test('formulas, markup and signs in answers are written as literal text', async () => {
    const run = memoryIo();
    expect(await main([fixture('ok.hostile.txt')], run.io)).toBe(0);
    const book = await readXlsx(run.written.get('out/MP999-cost-model.xlsx')!);
    // Formulas are only the workbook's own: none holds a respondent's text.
    const formulas = [...book.values()].flatMap((s) => s.formulas);
    expect(formulas.length).toBeGreaterThan(50);
    expect(formulas.filter((f) => /HYPERLINK|cmd\||SUM\(A1:A2\)|: 1\+1$/.test(f))).toEqual([]);
    expect(book.get('Responses')!.formulas).toEqual([]);
    const responses = book.get('Responses')!.rows;
    const cells = responses.flat();
    for (const literal of ['=HYPERLINK("http://example.invalid","x")', "=cmd|' /C calc'!A0", '+1', '@SUM(A1:A2)', '-5', '=1+1']) {
      expect(cells).toContain(literal);
    }
    const script = responses.find((r) => r[1] === 'Minus Power' && r[3] === 1)!;
    // Markup that is not formatting stays as the literal text the respondent sent.
    expect(script[5]).toBe('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(readFileSync(fixture('ok.hostile.txt'), 'utf8')).toContain(script[5]);
    const findings = book.get('Findings')!.rows.slice(1).map((r) => r[3]);
    expect(findings).toContain('markup that is not formatting was kept as text');
    // Each piece of markup is reported once.
    expect(book.get('Findings')!.rows.filter((r) => r[2] === '<script>')).toHaveLength(1);
  });
});

describe('a Word collation', () => {
  test('gives the same model as the text form', async () => {
    const { collationDocx } = await import('../support/docxFixture');
    const { seedText } = await import('../support/seed');
    const docx = memoryIo({ 'MP207.docx': await collationDocx(seedText(), { mergeLabels: true, mergeContinuations: true }) });
    const text = memoryIo();
    expect(await main(['MP207.docx', '--json', '--decision-date', '2027-03-01'], docx.io)).toBe(0);
    expect(await main(['--json', '--decision-date', '2027-03-01'], text.io)).toBe(0);
    const [fromDocx, fromText] = [JSON.parse(docx.stdout()), JSON.parse(text.stdout())];
    expect(fromDocx.respondents).toEqual(fromText.respondents);
    expect(fromDocx.model).toEqual(fromText.model);
  });
});

describe('individual response forms', () => {
  test('several forms on the command line collate into one model', async () => {
    const { seedForms } = await import('../support/forms');
    const forms = seedForms();
    const files = Object.fromEntries(forms.map((f) => [f.sourceName, new TextEncoder().encode(f.text)]));
    const run = memoryIo(files);
    expect(await main([...forms.map((f) => f.sourceName), '--json', '--decision-date', '2027-03-01'], run.io)).toBe(0);
    const text = memoryIo();
    await main(['--json', '--decision-date', '2027-03-01'], text.io);
    const [fromForms, fromAnnex] = [JSON.parse(run.stdout()), JSON.parse(text.stdout())];
    expect(fromForms.respondents).toEqual(fromAnnex.respondents);
    expect(fromForms.model.industry.central).toBe(fromAnnex.model.industry.central);
    const book = await readXlsx(run.written.get('out/MP207-cost-model.xlsx')!);
    expect(book.get('Read me')!.rows.find((r) => r[0] === 'Source document')![1]).toBe(forms.map((f) => f.sourceName).join(', '));
  });
});

describe('two consultations on the command line', () => {
  test('--later-supersedes uses the later consultation’s answers', async () => {
    const { seedText } = await import('../support/seed');
    const later = seedText().replace('## Refinement Consultation responses', '## Modification Report Consultation responses').replace('£250k-£500k', '£300k-£600k');
    const files = { 'refinement.txt': new TextEncoder().encode(seedText()), 'report.txt': new TextEncoder().encode(later) };
    const earlier = memoryIo(files);
    await main(['refinement.txt', 'report.txt', '--json', '--decision-date', '2027-03-01'], earlier.io);
    const superseded = memoryIo(files);
    await main(['refinement.txt', 'report.txt', '--json', '--decision-date', '2027-03-01', '--later-supersedes'], superseded.io);
    const utilita = (out: string) => JSON.parse(out).respondents.find((r: { id: string }) => r.id === 'utilita-energy-ltd').cost;
    expect(utilita(earlier.stdout())).toMatchObject({ low: 250000, high: 500000 });
    expect(utilita(superseded.stdout())).toMatchObject({ low: 300000, high: 600000 });
    expect(JSON.parse(superseded.stdout()).consultation).toBe('Refinement Consultation + Modification Report Consultation');
  });
});

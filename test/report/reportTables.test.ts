import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { roundAsExcel } from '../../src/model/money';
import { renderDocx, tableTag } from '../../src/report/renderDocx';
import { renderCsv, renderHtml, renderMarkdown } from '../../src/report/renderText';
import { movedDown } from '../../src/workbook/formula';
import { soffice } from '../support/libreoffice';
import { checkFormulas, sameValue } from '../support/hyperformula';
import { afterEdit, livePlan } from '../support/plans';
import { seedText } from '../support/seed';

const seed = livePlan(seedText());
const tables = seed.report;
const table = (id: string) => tables.find((t) => t.id === id)!;

describe('report tables from the engine', () => {
  test('the seed’s tables and their sentences', () => {
    expect(tables.map((t) => t.id)).toEqual(['cost-estimates', 'band-distribution', 'industry-cost', 'uptake-scenarios', 'lead-times', 'summary-of-views', 'secas-responses']);
    expect(table('cost-estimates').narrative).toBe('Four of five respondents have a cost figure in the model; together they come to £350k–£950k.');
    expect(table('cost-estimates').rows[3]).toEqual(['Utilita Energy Ltd', 'Large Supplier', '£250k-£500k', '£250k–£500k', 'The rationale mentions a recurring cost, but no yearly figure was given']);
    expect(table('cost-estimates').rows[1]).toEqual(['OVO Energy', 'Large Supplier', 'Yes', 'no figure given', '']);
    // The SEC bands, all shown; Less than £100k holds the two answers written so; OVO's Yes without a figure under them.
    expect(table('band-distribution').rows).toEqual([
      ['Less than £100k', '2'],
      ['£100k–£250k', '1'],
      ['£250k–£500k', '1'],
      ['£500k–£1m', '0'],
      ['More than £1m', '0'],
      ['No cost (£0)', '0'],
      ['A range across two or more bands', '0'],
      ['Cost without a figure', '1'],
      ['Total', '5'],
    ]);
    expect(table('band-distribution').narrative).toBe('The most common band was Less than £100k (two respondents).');
    // The costs in an FMR's order: the DCC's, SECAS's, then the SEC parties' from the consultation.
    expect(table('industry-cost').rows.map((r) => r[0])).toEqual([
      'DCC: design, build and test',
      'DCC: ongoing cost a year',
      'SECAS',
      'SEC parties: respondents’ stated costs',
      'SEC parties: all parties (populations not yet entered)',
      'SEC parties: ongoing cost a year',
      'Total one-off cost so far (DCC and SECAS not yet provided)',
      'Simulated total, P10 to P90 (P50)',
    ]);
    expect(table('industry-cost').rows[6]).toEqual(['Total one-off cost so far (DCC and SECAS not yet provided)', '£350k–£950k', '£650k']);
    // Nobody entered the central bodies' costs, and no yearly cost was stated, which is not £0:
    // Utilita speaks of a recurring cost without a figure, so it is not quantified, and a note says so.
    expect(table('industry-cost').rows[0]).toEqual(['DCC: design, build and test', 'not yet provided', 'not yet provided']);
    expect(table('industry-cost').rows[5]).toEqual(['SEC parties: ongoing cost a year', 'not quantified', 'not quantified']);
    const recurringNote = 'One respondent speaks of a recurring cost without a yearly figure: the ongoing cost and the scenarios leave it out until the modeller enters one.';
    expect(table('industry-cost').notes).toContain(recurringNote);
    // Once the modeller enters Utilita's yearly figure, the row quotes it and the note goes.
    const utilita = seed.analysis.results.find((r) => r.respondent.name.startsWith('Utilita'))!.respondent.id;
    const entered = afterEdit(seedText(), (a) => ({ ...a, overrides: { ...a.overrides, costs: { ...a.overrides.costs, [utilita]: { ongoingLow: 20_000, ongoingHigh: 30_000 } } } })).assessment.report.find((t) => t.id === 'industry-cost')!;
    expect(entered.rows[5]).toEqual(['SEC parties: ongoing cost a year', '£20.0k–£30.0k', '£25.0k']);
    expect(entered.notes).not.toContain(recurringNote);
    // Whole sentences: the cost, why it is not the whole industry's, what is left out.
    expect(table('industry-cost').narrative).toMatch(
      /^Implementation would cost £350k–£950k \(central estimate £650k\), and the simulation puts it between £\d+k and £\d+k \(P10 to P90\)\. This is not the whole industry’s cost: six categories have no number of parties entered, so only their respondents are counted\. The DCC’s and SECAS’s costs are not yet provided and are not included\.$/,
    );
    expect(table('industry-cost').notes).toContain('No respondent was in the Electricity Network Party, Gas Network Party, Other SEC Party or DCC categories.');
    // The checks are stated once, under the costs.
    expect(tables.filter((t) => t.notes.some((n) => n.startsWith('Model checks')))).toHaveLength(1);
    // Decided on 1 March 2027, the 4 November 2027 release needs the decision 8 months before it (4 March 2027); the next release is February 2028.
    expect(table('lead-times').narrative).toBe(
      'The required lead time is 8 months (set by respondents’ lead times); from a decision on 1 March 2027, the earliest feasible release is 4 November 2027. The target release, 4 November 2027, needs a decision by 4 March 2027; a later decision moves the change to 24 February 2028. Every respondent who gave a lead time would be ready for it.',
    );
    expect(table('lead-times').rows.slice(-6)).toEqual([
      ['Required lead time', '', '8 months', '1 November 2027', 'set by respondents’ lead times'],
      ['Earliest feasible release', '', '', '4 November 2027', ''],
      ['Target release', '', '', '4 November 2027', ''],
      ['Decision needed by', '', '', '4 March 2027', 'for the target release'],
      ['Fallback release', '', '', '24 February 2028', 'if the decision comes later'],
      ['Not ready for the target release', '', '', '', 'none'],
    ]);
    // Uptake and break-even as shares of the parties, never a fraction of a party: 85.4% of 5 is 4.27
    // parties, which takes 5; 35.4% is 1.77, which takes 2.
    expect(table('uptake-scenarios').rows.map((r) => [r[1], r[8]])).toEqual([
      ['10% of 5', 'not reached at full uptake'],
      ['25% of 5', '85.4% (5 of 5 parties)'],
      ['50% of 5', '35.4% (2 of 5 parties)'],
    ]);
    expect(table('uptake-scenarios').narrative).toContain('the Central scenario breaks even at 85.4% uptake, which takes 5 of the 5 parties.');
    // Question 8 has a SECAS Response column; SECAS answered OVO's point only ("-" elsewhere).
    const secas = table('secas-responses');
    expect(secas.rows.map((r) => [r[0], r[1], r[2], r[4]!.slice(0, 40)])).toEqual([['8', 'OVO Energy', 'No', 'SECAS has explored the Elective Services']]);
    expect(secas.narrative).toBe('SECAS responded to one point raised on question 8.');
    // A note that applies to nothing is left out, not printed empty.
    expect(tables.flatMap((t) => t.notes).filter((n) => n === '')).toEqual([]);
    // Question 1: EON Yes; OVO, Utility Warehouse, Utilita and ENGIE No. Question 2: Utility Warehouse left it blank.
    // Questions 4 and 5 (cost and lead time) have tables of their own; nobody answered question 9 (comments).
    const views = table('summary-of-views');
    expect(views.columns.map((c) => c.header)).toEqual(['Question', 'Wording', 'Yes', 'No', 'Neutral', 'Other', 'No answer', 'Total']);
    expect(views.rows.slice(0, 2)).toEqual([
      ['1', 'Do you agree that the solution put forward will effectively resolve the identified issue?', '1', '4', '0', '0', '0', '5'],
      ['2', 'Do you agree with the proposed implementation approach?', '0', '4', '0', '0', '1', '5'],
    ]);
    expect(views.rows.map((r) => r[0])).toEqual(['1', '2', '3', '6', '7', '8']);
    // Question 2's one blank answer leaves every respondent who answered on No.
    expect(table('summary-of-views').narrative).toBe('Most respondents said Yes to question 3; every respondent who answered said No to questions 2, 6, 7 and 8; most respondents said No to question 1.');
  });

  test('the central bodies’ costs as entered: the DCC’s figures, and SECAS’s days at its day rate, counted in the total', () => {
    const { assessment } = afterEdit(seedText(), (a) => ({
      ...a,
      industry: { ...a.industry, central: { dccImplementationGbp: 420_000, dccOngoingGbpPerYear: 35_000, secasDays: 2, secasDayRateGbp: 600, secasOtherGbp: null } },
    }));
    const costs = assessment.report.find((t) => t.id === 'industry-cost')!;
    expect(costs.rows.slice(0, 3)).toEqual([
      ['DCC: design, build and test', '£420k', '£420k'],
      ['DCC: ongoing cost a year', '£35.0k', '£35.0k'],
      ['SECAS: 2 days at £600 a day', '£1.20k', '£1.20k'],
    ]);
    // £350k–£950k from the respondents, plus £420k and £1,200.
    expect(costs.rows[6]).toEqual(['Total one-off cost', '£771k–£1.37m', '£1.07m']);
    expect(costs.narrative).not.toMatch(/not yet provided/);
  });

  test('two bands tied for the most respondents: the sentence says so, and the workbook’s formula reads the same', () => {
    const { plan, assessment } = afterEdit(seedText(), (a) => ({
      ...a,
      overrides: { ...a.overrides, costs: { 'utility-warehouse': { low: 150_000 }, 'engie-engie-power-limited-engie-gas-limited': { low: 300_000 } } },
    }));
    expect(assessment.report.find((t) => t.id === 'band-distribution')!.narrative).toBe('The most common bands, two of them, held two respondents each.');
    expect(checkFormulas(plan).filter((c) => !sameValue(c.actual, c.expected))).toEqual([]);
  });

  test("a respondent's words for an answer without a figure come from the answer's kind in the workbook, so the column is one formula filled down", () => {
    const { plan, report, analysis } = livePlan(seedText());
    expect(report.find((t) => t.id === 'cost-estimates')!.rows.map((r) => r[3])).toContain('no figure given');
    const sheet = plan.sheets.find((s) => s.name === 'Report tables')!;
    for (const [table, column] of [['tblReport_cost_estimates', 3], ['tblReport_lead_times', 4]] as const) {
      // The respondents' rows (the lead times end with rows of their own).
      const cells = sheet.tables.find((t) => t.name === table)!.rows.slice(0, analysis.results.length).map((r) => r[column]!);
      expect(cells).toHaveLength(5);
      cells.slice(1).forEach((c, i) => {
        const above = cells[i]!;
        expect(above.t === 'formula' && c.t === 'formula' && movedDown(above.f, c.f, 1)).toBe(true);
      });
    }
    expect(checkFormulas(plan).filter((c) => !sameValue(c.actual, c.expected))).toEqual([]);
  });

  test('scenario rows carry the engine’s figures in report form', () => {
    const central = seed.model.scenarios.find((s) => s.result.name === 'Central')!.result;
    const row = table('uptake-scenarios').rows.find((r) => r[0] === 'Central')!;
    expect(row[4]).toBe(`−£${Math.round(-central.npv / 1000)}k`);
    expect(row[5]).toBe(`−£${Math.round(-central.npvAtCost.high / 1000)}k to −£${Math.round(-central.npvAtCost.low / 1000)}k`);
    expect(row[6]).toBe(central.bcr!.toFixed(2));
    // Low: 10% of five parties is half an adopter: no cost per adopter, and break-even beyond every party.
    expect(table('uptake-scenarios').rows[0]!.slice(7)).toEqual(['fewer than one adopter', 'not reached at full uptake']);
    // Every scenario rests on the same placeholders: the sentence says it is illustrative, one note says on what.
    expect(table('uptake-scenarios').narrative).toMatch(/^Illustrative: the basis is under the table\. NPV at the central industry cost is /);
    expect(table('uptake-scenarios').notes[1]).toMatch(/^Basis, every scenario: Illustrative: rests on populations not entered; .*; placeholder uptake; placeholder benefits and per-adopter costs; .*\.$/);
    expect(table('uptake-scenarios').notes.filter((n) => /^(Low|Central|High):/.test(n))).toEqual([]);
  });

  test('once one scenario has its own figures, each scenario’s basis is its own line', () => {
    const entered = livePlan(seedText(), (a) => ({
      ...a,
      scenarios: a.scenarios.map((s) => (s.name !== 'Central' ? s : { ...s, benefitPerAdopterPerYearGbp: 90_000, uptakeSource: 'Panel view, 2027', figuresSource: 'Panel view, 2027' })),
    })).report.find((t) => t.id === 'uptake-scenarios')!;
    const lines = entered.notes.filter((n) => /^(Low|Central|High):/.test(n));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Low: Illustrative: rests on .*placeholder uptake; placeholder benefits and per-adopter costs/);
    expect(lines[1]).toMatch(/^Central: Illustrative: rests on populations not entered/);
    expect(lines[1]).not.toMatch(/placeholder/);
    expect(entered.notes.some((n) => n.startsWith('Basis, every scenario'))).toBe(false);
  });
});

/** One CSV line's fields, quotes removed. */
const fields = (line: string) => [...line.matchAll(/(?:"((?:[^"]|"")*)"|([^,]*))(?:,|$)/g)].slice(0, -1).map((m) => (m[1] ?? m[2]!).replace(/""/g, '"'));

describe('renderers', () => {
  test('Word: every table’s cells equal the model, header rows repeat, captions are bookmarked by table id', async () => {
    const docx = await renderDocx(tables, 'MP207 report');
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    const docTables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) =>
      [...m[1]!.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => [...c[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))),
    );
    const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
    // Read as a person reads it: no-break marks (after a minus sign, inside a range or a date) are invisible.
    const asRead = (s: string) => unescape(s).replace(/\u2060/g, '').replace(/\u00a0/g, ' ');
    expect(docTables.map((rows) => rows.map((r) => r.map(asRead)))).toEqual(tables.map((t) => [t.columns.map((c) => c.header), ...t.rows]));
    // A figure is not broken across lines: the NPV range keeps its minus signs and "to" joined.
    const scenarios = tables.findIndex((t) => t.id === 'uptake-scenarios');
    expect(docTables[scenarios]![1]![5]).toMatch(/^−\u2060£\d+k\u00a0to\u00a0−\u2060£\d+k$/);
    // Columns fill the page; the nine-column scenario table is set a point smaller than the five-column Table 1 so its figures fit.
    const grids = [...xml.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((m) => [...m[1]!.matchAll(/w:w="(\d+)"/g)].map((w) => Number(w[1])));
    for (const g of grids) expect(g.reduce((a, b) => a + b, 0)).toBeGreaterThan(9026 - g.length);
    const sizes = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]!.match(/<w:sz w:val="(\d+)"\/>/)![1]);
    expect([sizes[0], sizes[scenarios]]).toEqual(['18', '16']);
    expect((xml.match(/<w:tblHeader\/>/g) ?? []).length).toBe(tables.length);
    for (const t of tables) expect(xml).toContain(`<w:tag w:val="${tableTag(t)}"/>`);
  });

  test('HTML escapes every cell, styles inline and captions each table; CSV neutralises formulas; Markdown escapes markup and pipes', () => {
    const row = ['<img src=x onerror=alert(1)>', '=HYPERLINK("http://example.invalid")', 'a | b', '+1', '@x'];
    const hostile = { ...tables[0]!, rows: [row], figures: [row.map(() => null)] };
    const html = renderHtml([hostile]);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('border:1px solid');
    expect(html).toMatch(/<table data-table-id="cost-estimates"[^>]*><caption[^>]*>Table 1: Consultation cost estimates<\/caption><thead>/);
    const csv = renderCsv(hostile);
    expect(csv.split('\r\n')[1]).toBe(`<img src=x onerror=alert(1)>,"'=HYPERLINK(""http://example.invalid"")",a | b,'+1,'@x`);
    const markdown = renderMarkdown([hostile], 'x');
    expect(markdown).toContain('| &lt;img src=x onerror=alert(1)&gt; | =HYPERLINK("http://example.invalid") | a \\| b | +1 | @x |');
    expect(markdown).not.toContain('<img');

    // "-" (no answer) stays as written; "-1+cmd" does not.
    const dashes = ['-', '-1+cmd', 'x', 'y', 'z'];
    expect(renderCsv({ ...hostile, rows: [dashes], figures: [dashes.map(() => null)] }).split('\r\n')[1]).toBe("-,'-1+cmd,x,y,z");
  });

  test('CSV: a byte-order mark, and every column of figures followed by the figures as plain numbers', () => {
    const industry = renderCsv(table('industry-cost')).split('\r\n');
    expect(industry[0]).toBe('\ufeffItem,Range,"Range, low (£)","Range, high (£)",Central,Central (£)');
    expect(industry[4]).toBe('SEC parties: respondents’ stated costs,£350k–£950k,350000,950000,£650k,650000');
    // Words stay words: no number is made up for a cost not yet provided.
    expect(industry[1]).toBe('"DCC: design, build and test",not yet provided,,,not yet provided,');
    const uncertainty = seed.uncertainty.industryTotal;
    expect(industry[8]).toBe(`"Simulated total, P10 to P90 (P50)",£532k–£772k,${roundAsExcel(uncertainty.p10, 2)},${roundAsExcel(uncertainty.p90, 2)},£650k,${roundAsExcel(uncertainty.p50, 2)}`);

    const scenarios = renderCsv(table('uptake-scenarios')).replace('\ufeff', '').split('\r\n').map(fields);
    const central = seed.model.scenarios[1]!.result;
    const at = (header: string, row = 2) => scenarios[row]![scenarios[0]!.indexOf(header)];
    // An ASCII minus in the plain figure; the display column keeps the report's.
    expect(at('NPV (£)')).toBe(String(roundAsExcel(central.npv, 2)));
    expect(at('NPV (£)')).toMatch(/^-\d/);
    expect(at('NPV')).toBe('−£460k');
    // A result that cannot exist has no number: "fewer than one adopter" leaves its plain cell blank.
    expect([at('Cost per adopter', 1), at('Cost per adopter (£)', 1)]).toEqual(['fewer than one adopter', '']);

    // The ratio as the model holds it; the display column shows it to two places.
    expect([at('BCR'), at('BCR (number)')]).toEqual([central.bcr!.toFixed(2), String(central.bcr)]);

    // A lead time as written is a range of months; immediately is none; words have no number.
    const leadTimes = renderCsv(table('lead-times')).split('\r\n');
    expect(leadTimes[0]).toBe('\ufeffRespondent,Category,Lead time,"Lead time, low (months)","Lead time, high (months)",Ready by,Ready by (date),Notes');
    expect(leadTimes.slice(1, 6)).toEqual([
      'EON UK,Large Supplier,Would not implement,,,-,,Not counted in the lead time',
      'OVO Energy,Large Supplier,Immediately,0,0,1 March 2027,2027-03-01,',
      'Utility Warehouse,Large Supplier,-,,,-,,No answer',
      'Utilita Energy Ltd,Large Supplier,6–8 months,6,8,1 November 2027,2027-11-01,',
      '"ENGIE (ENGIE Power Limited, ENGIE Gas Limited)",Small Supplier,6 months,6,6,1 September 2027,2027-09-01,',
    ]);

    // A count is its own plain number: no second column repeats it.
    expect(renderCsv(table('band-distribution')).split('\r\n')[0]).toBe('\ufeffCost band,Respondents');
  });

  const binary = soffice();
  (binary ? test : test.skip)('LibreOffice renders the Word report to a PDF of a sane length', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secmod-docx-'));
    writeFileSync(join(dir, 'report.docx'), await renderDocx(tables, 'MP207 report'));
    const run = spawnSync(binary!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    const pdf = readFileSync(join(dir, 'report.pdf'), 'latin1');
    const pages = (pdf.match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(8);
  });
});

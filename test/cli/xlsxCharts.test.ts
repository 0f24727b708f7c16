import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { planToXlsx } from '../../src/cli/xlsxWriter';
import { livePlan } from '../support/plans';
import { seedText } from '../support/seed';

describe('charts in the CLI workbook', () => {
  test('each chart is a well-formed part, anchored on its sheet, with series over the table cells', async () => {
    const zip = await JSZip.loadAsync(await planToXlsx(livePlan(seedText()).plan, { creator: 't', created: new Date('2027-03-01T00:00:00Z') }));
    const parts = Object.keys(zip.files);
    const charts = parts.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).sort();
    expect(charts).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml']);
    for (const p of parts.filter((x) => /\.(xml|rels)$/.test(x))) expect([p, XMLValidator.validate(await zip.file(p)!.async('string'))]).toEqual([p, true]);

    const types = await zip.file('[Content_Types].xml')!.async('string');
    for (const c of charts) expect(types).toContain(`PartName="/${c}"`);
    // The chart's text as XML reads it (an apostrophe may be written &apos;).
    const gantt = (await zip.file('xl/charts/chart3.xml')!.async('string')).replace(/&apos;/g, "'");
    expect(gantt).toContain('<c:barDir val="bar"/><c:grouping val="stacked"/>');
    // Months from the decision (start, then the bar), so the axis follows the dates; it starts at the decision.
    expect(gantt).toContain("<c:f>'Timeline'!$D$20:$D$24</c:f>");
    expect(gantt).toContain("<c:f>'Timeline'!$F$20:$F$24</c:f>");
    expect(gantt).toContain("<c:f>'Timeline'!$A$20:$A$24</c:f>");
    expect(gantt).toContain('<c:spPr><a:noFill/>');
    expect(gantt).toContain('<c:min val="0"/>');

    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    const timelineId = /<sheet [^>]*name="Timeline"[^>]*r:id="(rId\d+)"/.exec(workbook)![1];
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const target = new RegExp(`Id="${timelineId}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    const sheet = await zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
    expect(sheet).toMatch(/<drawing r:id="rIdSecmodDrawing"\/><tableParts/);
  });
});

describe('data validation in the CLI workbook', () => {
  test('each input refuses what it cannot take, dates by their real serials', async () => {
    const zip = await JSZip.loadAsync(await planToXlsx(livePlan(seedText()).plan, { creator: 't', created: new Date('2027-03-01T00:00:00Z') }));
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    const id = /<sheet [^>]*name="Assumptions"[^>]*r:id="(rId\d+)"/.exec(workbook)![1];
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    const sheet = await zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
    const rules = [...sheet.matchAll(/<dataValidation [^>]*type="(\w+)"[^>]*sqref="([^"]+)"[^>]*>([\s\S]*?)<\/dataValidation>/g)].map((m) => ({
      type: m[1],
      where: m[2],
      limits: [...m[3]!.matchAll(/<formula\d>([^<]*)<\/formula\d>/g)].map((f) => f[1]),
    }));
    // 1 January 2000 to 31 December 2100.
    const dates = rules.filter((r) => r.type === 'date');
    expect(dates.length).toBeGreaterThan(3);
    for (const r of dates) expect(r.limits.map(Number)).toEqual([36526, 73415]);
    // Uptake: a share from 0 to 1 over the whole column of each scenario.
    expect(rules).toContainEqual({ type: 'decimal', where: 'B46:B51', limits: ['0', '1'] });
  });
});

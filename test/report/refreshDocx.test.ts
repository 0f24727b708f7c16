import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { refreshTaggedTables } from '../../src/report/refreshDocx';
import { renderDocx } from '../../src/report/renderDocx';
import { soffice } from '../support/libreoffice';
import { author, authorsControl, authorsFmr, foreignControl, HEADING, march, parts, september } from '../support/fmr';

/** document.xml with every tagged control's content blanked: what must not change. */
const outsideControls = (xml: string) => xml.replace(/(<w:tag w:val="secmod:(?!retired)[^"]+"\/>[\s\S]*?<w:sdtContent>)[\s\S]*?(<\/w:sdtContent>)/g, '$1$2');

describe('refreshing the FMR’s tables in place', () => {
  test('a changed decision date changes only the tagged tables: every author paragraph, the unknown control and every other part are kept', async () => {
    const fmr = await authorsFmr();
    const result = await refreshTaggedTables(fmr, await renderDocx(september.report, HEADING));
    if ('error' in result) throw new Error(result.error);
    expect(result.replaced).toEqual(['cost-estimates', 'band-distribution', 'industry-cost', 'uptake-scenarios', 'lead-times', 'summary-of-views', 'secas-responses']);
    expect(result.unknown).toEqual(['retired-table']);
    expect(result.missing).toEqual([]);
    expect(result.stylesAdded).toEqual([]);

    const [before, after] = [await parts(fmr), await parts(result.bytes)];
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, text] of before) if (name !== 'word/document.xml') expect(after.get(name)).toBe(text);

    const [oldXml, newXml] = [before.get('word/document.xml')!, after.get('word/document.xml')!];
    expect(outsideControls(newXml)).toBe(outsideControls(oldXml));
    expect(newXml).toContain('1 Summary. The Panel is asked to note the costs below.');
    expect(newXml).toContain('Author paragraph 7 after a table.');
    expect(newXml).toContain(foreignControl);
    expect(newXml).toContain(authorsControl);
    // The lead-time sentence moved with the decision date; the cost table did not change.
    expect(oldXml).toContain('from a decision on 1 March 2027');
    expect(newXml).not.toContain('from a decision on 1 March 2027');
    expect(newXml).toContain('from a decision on 1 September 2027');
  });

  test('styles the tables need are copied into a document that lacks them, and nothing else in styles.xml changes', async () => {
    const zip = await JSZip.loadAsync(await authorsFmr());
    const styles = await zip.file('word/styles.xml')!.async('string');
    const without = styles.replace(/<w:style w:type="table" w:customStyle="1" w:styleId="SECModTable">[\s\S]*?<\/w:style>/, '');
    zip.file('word/styles.xml', without);
    const result = await refreshTaggedTables(await zip.generateAsync({ type: 'uint8array' }), await renderDocx(september.report, HEADING));
    if ('error' in result) throw new Error(result.error);
    expect(result.stylesAdded).toEqual(['SEC Modification Table']);
    const refreshed = (await parts(result.bytes)).get('word/styles.xml')!;
    expect(refreshed.startsWith(without.replace('</w:styles>', ''))).toBe(true);
    expect(refreshed).toContain('w:styleId="SECModTable"');
  });

  test('a document with no tagged tables is returned as it was, saying which tables it lacks; a damaged one is refused', async () => {
    const plain = await JSZip.loadAsync(await authorsFmr());
    plain.file('word/document.xml', `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${author('No tables yet.')}</w:body></w:document>`);
    const bytes = await plain.generateAsync({ type: 'uint8array' });
    const result = await refreshTaggedTables(bytes, await renderDocx(september.report, HEADING));
    if ('error' in result) throw new Error(result.error);
    expect(result.bytes).toBe(bytes);
    expect(result.replaced).toEqual([]);
    expect(result.missing).toEqual(september.report.map((t) => t.id));

    const damaged = new Uint8Array(bytes);
    const middle = damaged.length >> 1;
    damaged[middle] = damaged[middle]! ^ 0xff;
    expect(await refreshTaggedTables(damaged, await renderDocx(september.report, HEADING))).toEqual({ error: 'it is not a Word document (.docx), or it is damaged' });
  });

  test('the exported report: Word’s own styles, SEQ captions outside tagged controls, en-GB, the named table style', async () => {
    const all = await parts(await renderDocx(march.report, HEADING));
    const xml = all.get('word/document.xml')!;
    const styles = all.get('word/styles.xml')!;
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect((xml.match(/<w:pStyle w:val="Heading2"\/>/g) ?? []).length).toBe(4);
    expect((xml.match(/<w:instrText xml:space="preserve"> SEQ Table \\\* ARABIC <\/w:instrText>/g) ?? []).length).toBe(march.report.length);
    expect((xml.match(/<w:tblStyle w:val="SECModTable"\/>/g) ?? []).length).toBe(march.report.length);
    // Each caption is directly followed by its control, so a refresh keeps the author's cross-references to it.
    expect([...xml.matchAll(/<w:pStyle w:val="Caption"\/>[\s\S]*?<\/w:p>(<w:sdt><w:sdtPr><w:alias w:val="[^"]+"\/><w:tag w:val="(secmod:[^"]+)"\/>)/g)].map((m) => m[2])).toEqual(
      march.report.map((t) => `secmod:${t.id}`),
    );
    expect(styles).toMatch(/<w:lang w:val="en-GB"\/>/);
    expect(styles).toContain('w:styleId="Caption"');
    expect(styles).toContain('w:styleId="TableNote"');
    expect(styles).toContain('w:styleId="SECModTable"');
  });

  const binary = soffice();
  (binary ? test : test.skip)('LibreOffice renders the refreshed FMR with the captions numbered and the author’s text in place', async () => {
    const result = await refreshTaggedTables(await authorsFmr(), await renderDocx(september.report, HEADING));
    if ('error' in result) throw new Error(result.error);
    const dir = mkdtempSync(join(tmpdir(), 'secmod-fmr-'));
    writeFileSync(join(dir, 'fmr.docx'), result.bytes);
    const run = spawnSync(binary!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'txt:Text', '--outdir', dir, join(dir, 'fmr.docx')], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    const text = readFileSync(join(dir, 'fmr.txt'), 'utf8');
    expect(text.match(/^Table \d+: .+$/gm)).toEqual(march.report.map((t, i) => `Table ${i + 1}: ${t.title}`));
    expect(text).toContain('Author paragraph 3 after a table.');
    expect(text).toContain('from a decision on 1 September 2027');
  });
});

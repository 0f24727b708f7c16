import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { authorsControl, authorsFmr, foreignControl, parts } from '../support/fmr';
import { memoryIo } from '../support/memoryIo';

describe('npm run model -- <document> --update-report FMR.docx', () => {
  test('refreshes the FMR’s tagged tables for a later decision date and leaves the rest of the document as it was', async () => {
    const fmr = await authorsFmr();
    const run = memoryIo({ 'fmr/FMR.docx': fmr });
    expect(await main(['--decision-date', '2027-09-01', '--iterations', '500', '--update-report', 'fmr/FMR.docx'], run.io)).toBe(0);
    expect(run.stderr()).toBe('');
    expect(run.stdout()).toContain('Refreshed 7 tables in fmr/FMR.docx; the rest of the document is as it was\n  kept as they were, tagged with tables this model does not make: retired-table\n');

    const [before, after] = [await parts(fmr), await parts(run.written.get('fmr/FMR.docx')!)];
    for (const [name, text] of before) if (name !== 'word/document.xml') expect(after.get(name)).toBe(text);
    const xml = after.get('word/document.xml')!;
    expect(xml).toContain('from a decision on 1 September 2027');
    expect(xml).toContain(authorsControl);
    expect(xml).toContain(foreignControl);
    expect(xml).toContain('1 Summary. The Panel is asked to note the costs below.');
    // The report files of the run are written too, as ever.
    expect(run.written.has('out/MP207-report.docx')).toBe(true);
  });

  test('--json says what the refresh did', async () => {
    const run = memoryIo({ 'FMR.docx': await authorsFmr() });
    expect(await main(['--iterations', '200', '--json', '--update-report', 'FMR.docx'], run.io)).toBe(0);
    expect(JSON.parse(run.stdout()).reportUpdated).toEqual({
      path: 'FMR.docx',
      replaced: ['cost-estimates', 'band-distribution', 'industry-cost', 'uptake-scenarios', 'lead-times', 'summary-of-views', 'secas-responses'],
      unknown: ['retired-table'],
      missing: [],
      stylesAdded: [],
    });
  });

  test('an FMR that is one of the run’s own files, or holds none of the model’s tables, is refused with nothing written', async () => {
    const own = memoryIo({ 'out/MP207-report.docx': await authorsFmr() });
    expect(await main(['--update-report', 'out/MP207-report.docx'], own.io)).toBe(2);
    expect(own.stderr()).toBe('error: --update-report names out/MP207-report.docx, a file this run writes: keep the FMR elsewhere, or choose another --out\n');
    expect(own.written.size).toBe(0);

    const plain = await JSZip.loadAsync(await authorsFmr());
    plain.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>');
    const untagged = memoryIo({ 'FMR.docx': await plain.generateAsync({ type: 'uint8array' }) });
    expect(await main(['--update-report', 'FMR.docx'], untagged.io)).toBe(1);
    expect(untagged.stderr()).toBe("error: FMR.docx holds none of this model's tagged tables, so nothing was written: insert them from Word (FMR tables) or start from the exported report\n");
    expect(untagged.written.size).toBe(0);
  });

  test('a damaged or missing FMR stops the run in one line with nothing written', async () => {
    const damaged = new Uint8Array(await authorsFmr());
    damaged[damaged.length >> 1] = damaged[damaged.length >> 1]! ^ 0xff;
    const run = memoryIo({ 'FMR.docx': damaged });
    expect(await main(['--update-report', 'FMR.docx'], run.io)).toBe(1);
    expect(run.stderr()).toBe('error: FMR.docx: it is not a Word document (.docx), or it is damaged; nothing was written\n');
    expect(run.written.size).toBe(0);

    const missing = memoryIo();
    expect(await main(['--update-report', 'nowhere/FMR.docx'], missing.io)).toBe(1);
    expect(missing.stderr()).toMatch(/^error: cannot read nowhere\/FMR\.docx: no such file\n$/);
    expect(missing.written.size).toBe(0);
  });
});

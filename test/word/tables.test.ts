import JSZip from 'jszip';
import { createMemoryDocument } from '../../src/report/memoryDocument';
import { refreshTaggedTables } from '../../src/report/refreshDocx';
import { renderDocx } from '../../src/report/renderDocx';
import { reportPieces } from '../../src/report/reportPieces';
import { insertTable, refreshTables, taggedTables } from '../../src/word/tables';
import { authorsBody, authorsControl, authorsFmr, foreignControl, HEADING, march, september } from '../support/fmr';
import { FakeWordContext } from '../support/fakeWord';

const documentXml = async (docx: Uint8Array) => (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
const asContext = (c: FakeWordContext) => c as unknown as Word.RequestContext;
const IDS = ['cost-estimates', 'band-distribution', 'industry-cost', 'uptake-scenarios', 'lead-times', 'summary-of-views', 'secas-responses'];

describe('the FMR’s tables through Word’s API (a fake Word that counts syncs)', () => {
  test('Refresh FMR tables: the same document as the CLI’s refresh, in two syncs, author’s text and controls kept', async () => {
    const fmrXml = authorsBody(await documentXml(await renderDocx(march.report, HEADING)));
    const fresh = await renderDocx(september.report, HEADING);
    const context = new FakeWordContext(fmrXml);
    expect(await taggedTables(asContext(context))).toEqual([...IDS, 'retired-table']);
    expect(context.syncs).toBe(1);

    context.syncs = 0;
    const result = await refreshTables(asContext(context), await reportPieces(fresh));
    expect(context.syncs).toBe(2);
    expect(result).toEqual({ replaced: IDS, unknown: ['retired-table'], missing: [] });
    // Word is handed flat packages that carry the styles the table uses.
    expect(context.inserted).toHaveLength(IDS.length);
    expect(context.inserted[0]).toMatch(/^<pkg:package [\s\S]*w:styleId="SECModTable"[\s\S]*w:styleId="TableNote"/);

    const cli = await refreshTaggedTables(await authorsFmr(), fresh);
    if ('error' in cli) throw new Error(cli.error);
    expect(context.xml).toBe(await documentXml(cli.bytes));
    expect(context.xml).toContain(authorsControl);
    expect(context.xml).toContain(foreignControl);
    expect(context.xml).toContain('from a decision on 1 September 2027');
  });

  test('the sync count does not grow with the number of tables', async () => {
    const xml = await documentXml(await renderDocx(march.report, HEADING));
    const many = xml.replace(/<w:body>([\s\S]*)<w:sectPr/, (_, body: string) => `<w:body>${body.repeat(20)}<w:sectPr`);
    const context = new FakeWordContext(many);
    const result = await refreshTables(asContext(context), await reportPieces(await renderDocx(september.report, HEADING)));
    expect(result.replaced).toHaveLength(20 * IDS.length);
    expect(context.syncs).toBe(2);
  });

  test('Insert table puts the caption and the tagged table after the selection in one sync; a later refresh finds it', async () => {
    const context = new FakeWordContext('<w:document><w:body><w:p><w:r><w:t>Section 5: Costs</w:t></w:r></w:p><w:sectPr/></w:body></w:document>');
    const pieces = await reportPieces(await renderDocx(march.report, HEADING));
    await insertTable(asContext(context), pieces, 'industry-cost');
    expect(context.syncs).toBe(1);
    expect(context.xml).toMatch(/Section 5: Costs[\s\S]*<w:pStyle w:val="Caption"\/>[\s\S]*Implementation costs[\s\S]*<w:tag w:val="secmod:industry-cost"\/>/);
    expect(await taggedTables(asContext(context))).toEqual(['industry-cost']);
    await expect(insertTable(asContext(context), pieces, 'no-such-table')).rejects.toThrow('The report has no table “no-such-table”.');
  });

  test('the in-memory document used outside Word does what Word does', async () => {
    const fmrXml = authorsBody(await documentXml(await renderDocx(march.report, HEADING)));
    const pieces = await reportPieces(await renderDocx(september.report, HEADING));
    const memory = createMemoryDocument(fmrXml);
    const context = new FakeWordContext(fmrXml);
    expect(await memory.refreshTables(pieces)).toEqual(await refreshTables(asContext(context), pieces));
    expect(memory.xml()).toBe(context.xml);
    await memory.insertTable(pieces, 'lead-times');
    await insertTable(asContext(context), pieces, 'lead-times');
    expect(memory.xml()).toBe(context.xml);
  });
});

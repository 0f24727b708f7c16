import { readAnnexText } from '../../src/import/annexText';
import { importDocuments } from '../../src/import/importText';
import { collationDocx } from '../support/docxFixture';
import { seedText } from '../support/seed';

const fromText = readAnnexText(seedText(), 'seed');
const readDocx = async (bytes: Uint8Array) => {
  const { reads, fatal } = await importDocuments([{ name: 'seed.docx', bytes }]);
  return { ...reads[0]!, fatal };
};
const answersOf = (r: { consultation: typeof fromText.consultation }) => r.consultation.answers.map((a) => ({ q: a.question, id: a.respondentId, response: a.response, rationale: a.rationale, extra: a.extra }));

describe('Word collations', () => {
  test.each([
    ['the seed as Word tables', {}],
    ['with merged label rows and vertically merged continuation cells', { mergeLabels: true, mergeContinuations: true }],
  ])('%s read exactly as the text form', async (_, options) => {
    const read = await readDocx(await collationDocx(seedText(), options));
    expect(read.findings).toEqual([]);
    expect(read.consultation.modification).toEqual(fromText.consultation.modification);
    expect(read.consultation.questions.map((q) => [q.number, q.text, q.columns])).toEqual(fromText.consultation.questions.map((q) => [q.number, q.text, q.columns]));
    expect(read.consultation.respondents).toEqual(fromText.consultation.respondents);
    expect(answersOf(read)).toEqual(answersOf(fromText));
  });

  test('text in a Word cell that looks like markup stays the literal text', async () => {
    const text = seedText().replace('We would not make use of this service', 'Use <b>bold</b> & <script>x</script>');
    const read = await readDocx(await collationDocx(text.replace('<b>bold</b>', '&lt;b&gt;bold&lt;/b&gt;')));
    const ovo = read.consultation.answers.find((a) => a.question === 5 && a.respondentId === 'ovo-energy')!;
    expect(ovo.rationale).toBe('Use &lt;b&gt;bold&lt;/b&gt; & <script>x</script>');
  });

  test('a file that is not a Word document is a finding, not an exception', async () => {
    const read = await readDocx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    expect(read.fatal).toBe('the file is not a Word document (.docx): it could not be opened as one');
  });
});

import { analyseRead } from '../../src/import/importText';
import { looksLikeResponseForm, readResponseForms } from '../../src/import/responseForms';
import { readAnnexText } from '../../src/import/annexText';
import { seedForms } from '../support/forms';
import { seedText } from '../support/seed';

const collated = analyseRead(readAnnexText(seedText(), 'seed'), {});
const results = (r: ReturnType<typeof analyseRead>) => r.analysis.results.map((x) => [x.respondent.name, x.respondent.category, x.cost, x.leadTime]);

describe('individual response forms', () => {
  test.each([
    ['headings with Response and Rationale lines', false],
    ['a table row per question', true],
  ])('five forms as %s collate to the same answers as the Annex', (_, asTable) => {
    const forms = seedForms(asTable);
    expect(forms.every((f) => looksLikeResponseForm(f.text))).toBe(true);
    const read = readResponseForms(forms);
    expect(read.findings).toEqual([]);
    expect(read.consultation.modification.id).toBe('MP207');
    const analysed = analyseRead(read, {});
    expect(analysed.analysis.roles).toEqual({ costQuestion: 4, leadTimeQuestion: 5 });
    expect(results(analysed)).toEqual(results(collated));
  });

  test('a form without a respondent or a question is named in the findings', () => {
    const read = readResponseForms([{ sourceName: 'blank.txt', text: 'Category: Small Supplier\n\nNothing else.' }]);
    expect(read.findings.map((f) => f.message)).toEqual(['blank.txt names no respondent: the file name was used', 'blank.txt answers no question']);
  });

  test('the collated Annex is not mistaken for a form', () => {
    expect(looksLikeResponseForm(seedText())).toBe(false);
  });
});

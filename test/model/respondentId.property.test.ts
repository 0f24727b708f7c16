import fc from 'fast-check';
import { importText } from '../../src/import/importText';
import { respondentId } from '../../src/model/consultation';

// The definition: accents dropped, lower case, each run of anything but a-z, 0-9 and the letters and
// digits of scripts other than Latin one hyphen, none at either end.
const definition = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/(?:(?![a-z0-9])[\p{Script=Latin}]|[^\p{L}\p{N}])+/gu, '-')
    .replace(/^-|-$/g, '') || 'respondent';

describe('respondentId', () => {
  it('gives the id of its definition for any name', () => {
    const part = fc.oneof(fc.constantFrom(' ', '  ', '-', '&', 'Ltd', 'É', 'é', 'ø', 'ß', 'İ', 'K', '’', '\t', '/', '0', '9', ':', '@', 'A', 'Z', '[', '`', 'a', 'z', '{', 'Ж', 'я', '株', 'Σ', '٣', '𠀀'), fc.string({ unit: 'binary', maxLength: 4 }));
    fc.assert(fc.property(fc.array(part, { maxLength: 10 }), (parts) => expect(respondentId(parts.join(''))).toBe(definition(parts.join('')))), { numRuns: 5000 });
  });

  it('names the respondents of a collation as the workbook shows them', () => {
    expect(['Utilita Energy Ltd', 'E.ON UK', 'ENGIE (ENGIE Power Limited & ENGIE Gas Limited)', 'Énergie Côte d’Azur', 'Ørsted', '***', ''].map(respondentId)).toEqual([
      'utilita-energy-ltd',
      'e-on-uk',
      'engie-engie-power-limited-engie-gas-limited',
      'energie-cote-d-azur',
      'rsted',
      'respondent',
      'respondent',
    ]);
  });

  it('gives names in other scripts ids of their own, so no two of them are taken for one respondent', () => {
    expect(['Газпром Ltd', 'Роснефть Ltd', '株式会社', 'Σ Energy'].map(respondentId)).toEqual(['газпром-ltd', 'роснефть-ltd', '株式会社', 'σ-energy']);
  });

  it('takes a long name', () => {
    const long = 'Ab '.repeat(10_000);
    expect(respondentId(long)).toBe(definition(long));
    expect(respondentId(long)).toHaveLength(29_999);
  });

  it('keeps two respondents whose names differ only in another script, with both their answers', () => {
    const rows = (q: number, a: string, b: string) => [`## Question ${q}: Will you incur costs?`, '', 'Respondent\tCategory\tResponse\tRationale', `Газпром Ltd\tOther SEC Party\t${a}\t-`, `Роснефть Ltd\tOther SEC Party\t${b}\t-`, ''];
    const read = importText(['# MP901 ‘Scripts’', '', ...rows(1, '£100k-£250k', 'Less than £100k')].join('\n'), 'doc');
    expect(read.analysis.consultation.respondents.map((r) => [r.id, r.name])).toEqual([
      ['газпром-ltd', 'Газпром Ltd'],
      ['роснефть-ltd', 'Роснефть Ltd'],
    ]);
    expect(read.analysis.consultation.answers.map((a) => [a.respondentId, a.response])).toEqual([
      ['газпром-ltd', '£100k-£250k'],
      ['роснефть-ltd', 'Less than £100k'],
    ]);
    expect(read.findings.filter((f) => f.message.includes('twice'))).toEqual([]);
  });
});

import fc from 'fast-check';
import { respondentId } from '../../src/model/consultation';

// The definition: accents dropped, lower case, each run of anything but a-z and 0-9 one hyphen, none at either end.
const definition = (name: string) =>
  name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'respondent';

describe('respondentId', () => {
  it('gives the id of its definition for any name', () => {
    const part = fc.oneof(fc.constantFrom(' ', '  ', '-', '&', 'Ltd', 'É', 'é', 'ø', 'ß', 'İ', 'K', '’', '\t', '/', '0', '9', ':', '@', 'A', 'Z', '[', '`', 'a', 'z', '{'), fc.string({ unit: 'binary', maxLength: 4 }));
    fc.assert(fc.property(fc.array(part, { maxLength: 10 }), (parts) => expect(respondentId(parts.join(''))).toBe(definition(parts.join('')))), { numRuns: 5000 });
  });

  it('names the respondents of a collation as the workbook shows them', () => {
    expect(['Utilita Energy Ltd', 'E.ON UK', 'ENGIE (ENGIE Power Limited & ENGIE Gas Limited)', 'Énergie Côte d’Azur', '***', ''].map(respondentId)).toEqual([
      'utilita-energy-ltd',
      'e-on-uk',
      'engie-engie-power-limited-engie-gas-limited',
      'energie-cote-d-azur',
      'respondent',
      'respondent',
    ]);
  });

  it('takes a long name', () => {
    const long = 'Ab '.repeat(10_000);
    expect(respondentId(long)).toBe(definition(long));
    expect(respondentId(long)).toHaveLength(29_999);
  });
});

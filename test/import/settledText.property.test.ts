import fc from 'fast-check';
import { isSettled } from '../../src/import/settledText';

// The definition, as a regular expression: words of characters that are not whitespace, "<", "&",
// controls, invisible marks, curly quotes or primes, or mojibake's first characters, one space apart,
// with no asterisk at either end.
const CHAR = '[^\\s<&\\u0000-\\u001f\\u007f-\\u009f\\u00c2\\u00e2\\u200b-\\u200f\\u202a-\\u202e\\u2066-\\u2069\\u2018\\u2019\\u201b\\u2032\\u201c\\u201d\\u201f\\u2033]';
const DEFINITION = new RegExp(`^(?!\\*)${CHAR}+(?: ${CHAR}+)*$(?<!\\*)`);

describe('isSettled, the test the reader asks of nearly every cell', () => {
  it('agrees with its definition on every UTF-16 code unit, alone and between letters', () => {
    const differing: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `a${ch}b`, `${ch}b`, `a${ch}`]) if (isSettled(text) !== DEFINITION.test(text)) differing.push(text);
    }
    expect(differing).toEqual([]);
  });

  it('agrees with its definition on text built from the characters that decide it', () => {
    const decisive = fc.constantFrom(' ', '  ', '*', 'a', '£', 'é', '<', '&', '\t', '\n', '\u00a0', '\u00c2', '\u2019', '\u200b', '\u2033', '\u3000', '\ufeff', '–', '1');
    fc.assert(
      fc.property(fc.array(fc.oneof(decisive, fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(isSettled(text)).toBe(DEFINITION.test(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('takes the cells of a collation as they are and leaves the rest to be read', () => {
    expect(['Respondent 00001 Ltd', '£100k-£250k', '6 – 8 Months', 'Large Supplier'].map(isSettled)).toEqual([true, true, true, true]);
    expect(['', ' x', 'x ', 'a  b', '*Bold*', '<b>x</b>', 'R&D', 'It’s', 'Â£5k', 'a\u200bb'].map(isSettled)).toEqual(Array(10).fill(false));
  });
});

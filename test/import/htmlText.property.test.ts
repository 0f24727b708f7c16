import fc from 'fast-check';
import { htmlToPlainText, wrappedText } from '../../src/import/htmlText';

const tag = fc.constantFrom('b', 'B', 'p', 'strong', 'span', 'h1', 'td', 'script', 'img', 'x1', 'b_');
const inner = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('Respondent 00001 Ltd', 'Rationale 3.', '£100k', 'a  b', ' edge ', 'a<b', 'a&amp;b', 'line\nbreak', ''));
const cell = fc.oneof(
  fc.tuple(tag, inner, tag).map(([open, text, close]) => `<${open}>${text}</${close}>`),
  fc.tuple(tag, inner).map(([t, text]) => `<${t}>${text}</${t}>`),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('<b>x</b', '<b>x<b>', '<b x>y</b>', '</b>x</b>', '<b></b>', '<>x</>', '<b>x</bb>', '<bb>x</b>'),
);

describe('wrappedText, the quick path for a cell of one formatting tag', () => {
  test('finds the text inside only where the whole reading gives that same text once it needs no tidying', () => {
    fc.assert(
      fc.property(cell, (c) => {
        const wrapped = wrappedText(c);
        if (wrapped === null) return;
        // The quick path is taken only for text without markup, entities or odd spacing: there it must agree with the whole reading.
        if (/^[^\s<&]+(?: [^\s<&]+)*$/.test(wrapped)) expect(htmlToPlainText(c)).toEqual({ text: wrapped, foreignTags: [] });
        else expect(c.startsWith('<') && c.endsWith('>')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test('reads the common cells and refuses what is not one formatting tag around text', () => {
    expect(wrappedText('<b>Respondent 00001 Ltd</b>')).toBe('Respondent 00001 Ltd');
    expect(wrappedText('<P>Rationale 3.</P>')).toBe('Rationale 3.');
    expect(wrappedText('<script>x</script>')).toBeNull();
    expect(wrappedText('<b>x</i>')).toBeNull();
    expect(wrappedText('<b x>y</b>')).toBeNull();
    expect(wrappedText('<b>x</b> and more')).toBeNull();
  });
});

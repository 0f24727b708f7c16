import { decodeText } from '../../src/import/decodeText';
import { cleanText } from '../../src/model/answerText';
import { importDocuments } from '../../src/import/importText';
import { CP1252_HIGH, windows1252 } from '../support/codePage1252';
import { seedText } from '../support/seed';

const costsOf = async (bytes: Uint8Array) => {
  const r = await importDocuments([{ name: 'doc', bytes }]);
  expect(r.fatal).toBeNull();
  return r.analysis.results.map((x) => [x.respondent.name, x.cost.kind, x.cost.kind === 'band' ? [x.cost.low, x.cost.high] : null, x.leadTime.kind]);
};

describe('encodings and damage', () => {
  const expected = costsOf(new TextEncoder().encode(seedText()));

  test.each([
    ['UTF-8 with a byte-order mark', () => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(seedText())])],
    ['Windows-1252 (£ as byte 0xA3)', () => windows1252(seedText())],
    ['mojibake (£ as Â£)', () => new TextEncoder().encode(seedText().replace(/£/g, 'Â£').replace(/–/g, 'â€“'))],
    ['CRLF line ends', () => new TextEncoder().encode(seedText().replace(/\n/g, '\r\n'))],
    ['tabs turned into runs of spaces', () => new TextEncoder().encode(seedText().replace(/\t/g, '    '))],
    ['non-breaking spaces and smart quotes in answers', () => new TextEncoder().encode(seedText().replace('£100k-£250k', '£100k\u00a0–\u00a0£250k').replace("'", '’'))],
  ])('%s reads as the clean seed', async (_, bytes) => {
    expect(await costsOf(bytes())).toEqual(await expected);
  });
});

describe('Windows-1252, byte by byte over 0x80–0x9F (where Node’s decoder and the code page differ)', () => {
  test.each(Object.entries(CP1252_HIGH).map(([b, ch]) => [Number(b).toString(16).toUpperCase(), Number(b), ch] as const))('byte 0x%s', (_, byte, ch) => {
    // "x<byte>y" is not UTF-8, so it is read as Windows-1252.
    const decoded = decodeText(new Uint8Array([0x78, byte, 0x79]));
    expect(decoded).toMatchObject({ ok: true, encoding: 'windows-1252' });
    const text = (decoded as { text: string }).text;
    // An undefined byte is a control character, removed with the others when the answers are cleaned.
    expect(ch === null ? cleanText(text) : text).toBe(`x${ch ?? ''}y`);
  });
});

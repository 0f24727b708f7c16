import { importDocuments } from '../../src/import/importText';
import { seedText } from '../support/seed';

const costsOf = async (bytes: Uint8Array) => {
  const r = await importDocuments([{ name: 'doc', bytes }]);
  expect(r.fatal).toBeNull();
  return r.analysis.results.map((x) => [x.respondent.name, x.cost.kind, x.cost.kind === 'band' ? [x.cost.low, x.cost.high] : null, x.leadTime.kind]);
};

/** Windows-1252 bytes for text whose characters are all in that code page. */
function windows1252(text: string): Uint8Array {
  const special: Record<string, number> = { '£': 0xa3, '–': 0x96, '—': 0x97, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '…': 0x85, '\u00a0': 0xa0 };
  return Uint8Array.from([...text].map((ch) => special[ch] ?? (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : 0x3f)));
}

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

import { main } from '../../src/cli/main';
import { memoryIo } from '../support/memoryIo';
import { syntheticAnnex } from '../support/synthetic';
import { readXlsx } from '../support/xlsxRead';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** One respondent answering the cost and lead-time questions, with any text in any cell. */
function oneRow(name: string, cost: string, rationale: string): string {
  return [
    '# MP990 ‘Hostile’',
    '## Question 1: Will your organisation incur any costs?',
    'Question 1\t\t\t',
    'Respondent\tCategory\tResponse\tRationale',
    `${name}\tLarge Supplier\t${cost}\t${rationale}`,
    '',
    '## Question 2: How long would you need to implement?',
    'Question 2\t\t\t',
    'Respondent\tCategory\tResponse\tRationale',
    `${name}\tLarge Supplier\t6 months\t-`,
  ].join('\n');
}

async function run(bytes: Uint8Array) {
  const io = memoryIo({ 'doc.txt': bytes });
  const started = Date.now();
  const code = await main(['doc.txt', '--iterations', '200', '--decision-date', '2027-03-01'], io.io);
  return { code, stderr: io.stderr(), written: io.written, ms: Date.now() - started };
}

describe('hostile and damaged input: a clear error or a clean parse, never a crash, a hang or a formula', () => {
  test.each([
    ['20 MB of text', new Uint8Array(20_000_000).fill(0x61), /^error: doc\.txt: the file is 20\.0 MB; the limit is 10 MB/],
    ['a file of only control characters', new Uint8Array(5000).fill(0x07), /^error: doc\.txt: the file is not a text document \(binary content\)/],
    ['half a Word file', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /^error: doc\.txt: the file is not a Word document \(\.docx\)/],
  ])('%s is refused in one line', async (_, bytes, message) => {
    const r = await run(bytes);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.written.size).toBe(0);
  });

  test.each([
    ['deeply nested markup', oneRow('<b>Nested</b>', '£100k', `${'<b><i>'.repeat(50_000)}deep${'</i></b>'.repeat(50_000)}`), 'deep'],
    ['a million-character cell', oneRow('Long Ltd', '£100k', 'x'.repeat(1_000_000)), '[cut: the full text, 1,000,000 characters, is in the source document]'],
    ['right-to-left overrides', oneRow('\u202eEvil\u202c Ltd', '£100k', 'ok'), 'Evil Ltd'],
    ['control characters', oneRow('Bell\u0007 Ltd', '£1\u000300k', 'a\u0001b'), 'Bell Ltd'],
    ['formula-like cells', oneRow('=1+1', '=HYPERLINK("http://example.invalid","x")', "=cmd|' /C calc'!A0"), '=HYPERLINK("http://example.invalid","x")'],
  ])('%s parses cleanly and is written as text', async (_, doc, expected) => {
    const r = await run(utf8(doc));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(20_000);
    const book = await readXlsx(r.written.get('out/MP990-cost-model.xlsx')!);
    const texts = [...book.values()].flatMap((s) => s.rows.flat()).filter((v): v is string => typeof v === 'string');
    expect(texts.some((t) => t.includes(expected))).toBe(true);
    const formulas = [...book.values()].flatMap((s) => s.formulas);
    expect(formulas.filter((f) => /HYPERLINK|cmd\||: 1\+1$/.test(f))).toEqual([]);
    expect(texts.every((t) => t.length <= 32_767)).toBe(true);
    // eslint-disable-next-line no-control-regex
    expect(texts.some((t) => /[\u0000-\u0008\u202a-\u202e]/.test(t))).toBe(false);
  });

  test('an extreme answer is a flagged finding, and the rest of the run goes on', async () => {
    const doc = oneRow('Extreme Ltd', `£${'9'.repeat(400)}`, '-').replace(/\t6 months\t-$/, '\t999999 years\t-') + '\nSteady Ltd\tLarge Supplier\t6 months\t-';
    const withSecond = doc.replace('Extreme Ltd\tLarge Supplier\t£', 'Steady Ltd\tLarge Supplier\t£100k\t-\nExtreme Ltd\tLarge Supplier\t£');
    const r = await run(utf8(withSecond));
    expect(r.code).toBe(0);
    const book = await readXlsx(r.written.get('out/MP990-cost-model.xlsx')!);
    const findings = book.get('Findings')!.rows.flat().filter((v): v is string => typeof v === 'string');
    expect(findings.some((t) => /too large to be a sum of money: enter the band to use/.test(t))).toBe(true);
    expect(findings.some((t) => /999999 years is longer than any plausible lead time/.test(t))).toBe(true);
    // The other respondent's answers are still read and used.
    const costs = book.get('Costs')!.rows;
    expect(costs.some((row) => row.includes('Steady Ltd') && row.includes(100_000))).toBe(true);
  });

  test('more respondents than a model is built for are refused in one line before any work, not a crash out of memory', async () => {
    const r = await run(utf8(syntheticAnnex(10_001)));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: doc.txt: the document has 10,001 respondents; the limit is 10,000 (a consultation has a few hundred at most)\n');
    expect(r.written.size).toBe(0);
  }, 60_000);

  test('10,000 respondents are read and written', async () => {
    const r = await run(utf8(syntheticAnnex(10_000)));
    expect(r.code).toBe(0);
    const book = await readXlsx(r.written.get('out/MP900-cost-model.xlsx')!);
    expect(book.get('Costs')!.rows.filter((row) => typeof row[0] === 'string' && row[0].startsWith('respondent-'))).toHaveLength(10_000);
    // Correctness, not speed: the time for a run this size is measured by npm run bench, beside its yardstick.
  }, 240_000);
});

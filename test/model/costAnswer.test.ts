import fc from 'fast-check';
import { formatCostAnswer, formatCostBand, parseCostAnswer, type CostAnswer } from '../../src/model/costAnswer';

const band = (text: string) => {
  const a = parseCostAnswer(text);
  if (a.kind !== 'band') throw new Error(`${text} read as ${a.kind}`);
  return [a.low, a.high];
};

describe('parseCostAnswer: the forms respondents type', () => {
  test.each([
    ['£100k-£250k', 100_000, 250_000],
    ['£100k – £250k', 100_000, 250_000],
    ['£100k — £250k', 100_000, 250_000],
    ['£100K to £250K', 100_000, 250_000],
    ['100-250k', 100_000, 250_000],
    ['  £ 100 k  -  £ 250 k ', 100_000, 250_000],
    ['Less than £100k', 0, 100_000],
    ['Under £100k', 0, 100_000],
    ['Up to £50,000', 0, 50_000],
    ['More than £1m', 1_000_000, null],
    ['Over £1 million', 1_000_000, null],
    ['In excess of £500k', 500_000, null],
    ['£250k+', 250_000, null],
    ['£1.2m', 1_200_000, 1_200_000],
    ['£75,000', 75_000, 75_000],
    ['circa £50k', 50_000, 50_000],
    ['£0.5m-£1m', 500_000, 1_000_000],
    ['£1-2m', 1_000_000, 2_000_000],
    ['between £100k and £250k', 100_000, 250_000],
    ['Â£100k-Â£250k', 100_000, 250_000],
    ['£100k\u00a0-\u00a0£250k', 100_000, 250_000],
  ])('%s → %p to %p', (text, low, high) => {
    expect(band(text)).toEqual([low, high]);
  });

  test.each([
    ['None', 'zero'],
    ['Nil', 'zero'],
    ['£0', 'zero'],
    ['No costs', 'zero'],
    ['No', 'zero'],
    ['Yes', 'unquantified'],
    ['Minimal', 'unquantified'],
    ['Will depend on customer take up', 'unquantified'],
    ['-', 'none'],
    ['', 'none'],
    ['N/A', 'none'],
    ['£100k or £300k, and £5m', 'unreadable'],
  ])('%p is %s', (text, kind) => {
    expect(parseCostAnswer(text).kind).toBe(kind);
  });

  test('open-ended, approximate and sentence figures are flagged, plain bands are not', () => {
    expect(parseCostAnswer('More than £1m').flag).toMatch(/open-ended/);
    expect(parseCostAnswer('circa £50k').flag).toMatch(/approximate/);
    expect(parseCostAnswer('We estimate £100k-£250k for the build').flag).toMatch(/sentence/);
    expect(parseCostAnswer('50000').flag).toMatch(/no £ sign/);
    expect(parseCostAnswer('£100k-£250k').flag).toBeUndefined();
  });

  test('a yearly figure is kept apart from the one-off band', () => {
    const both = parseCostAnswer('£100k-£250k one-off, plus around £20k a year to run');
    expect(both).toMatchObject({ kind: 'band', low: 100_000, high: 250_000, ongoing: { low: 20_000, high: 20_000 } });
    expect(both.flag).toMatch(/approximate/);
    expect(parseCostAnswer('£50k to build and £5k-£10k per annum')).toMatchObject({ low: 50_000, high: 50_000, ongoing: { low: 5_000, high: 10_000 } });
    expect(parseCostAnswer('Annual running costs of £15k; £200k implementation')).toMatchObject({ low: 200_000, high: 200_000, ongoing: { low: 15_000, high: 15_000 } });
    const yearlyOnly = parseCostAnswer('£20k p.a.');
    expect(yearlyOnly).toMatchObject({ kind: 'band', low: 0, high: 0, ongoing: { low: 20_000, high: 20_000 } });
    expect(yearlyOnly.flag).toMatch(/only a yearly figure/);
    // Two yearly figures cannot both be read.
    expect(parseCostAnswer('£10k a year, or £20k a year').kind).toBe('unreadable');
    // A one-off band alone has no yearly part.
    expect(parseCostAnswer('£100k-£250k')).not.toHaveProperty('ongoing');
  });

  test('a bare Yes offers a figure from the rationale as a flagged suggestion, not as the answer', () => {
    const a = parseCostAnswer('Yes', 'We expect around £200k-£300k of build work.');
    expect(a.kind).toBe('unquantified');
    if (a.kind !== 'unquantified') return;
    expect(a.suggestion).toEqual({ low: 200_000, high: 300_000, source: '£200k–£300k' });
    expect(a.flag).toMatch(/suggestion, not used/);
  });

  test('figures that are not money are not read as pounds', () => {
    expect(parseCostAnswer('Yes, about 6 months of effort').kind).toBe('unquantified');
    expect(parseCostAnswer('Yes, 95% of our meters').kind).toBe('unquantified');
    expect(parseCostAnswer('MP207 will cost us').kind).toBe('unquantified');
  });
});

// Amounts the display can write exactly: whole pounds, thousands or tenths of millions.
const amount = fc.oneof(
  fc.integer({ min: 1, max: 999 }),
  fc.integer({ min: 1, max: 999 }).map((k) => k * 1000),
  fc.integer({ min: 10, max: 500 }).map((t) => t * 100_000),
);

describe('parseCostAnswer: properties', () => {
  test('never throws and always gives low ≤ high', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (response, rationale) => {
        const a = parseCostAnswer(response, rationale);
        if (a.kind === 'band' && a.high !== null) expect(a.low).toBeLessThanOrEqual(a.high);
      }),
    );
  });

  test('never throws on text built from the pieces of real answers', () => {
    const piece = fc.constantFrom('£', '100', 'k', 'm', '-', '–', ' to ', 'less than ', 'over ', ',', '.', ' ', 'yes', '+', '0');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const a = parseCostAnswer(parts.join(''));
        if (a.kind === 'band' && a.high !== null) expect(a.low).toBeLessThanOrEqual(a.high);
      }),
    );
  });

  test('the display text of a band reads back as the same band', () => {
    fc.assert(
      fc.property(amount, amount, fc.boolean(), (x, y, open) => {
        const [low, high] = x <= y ? [x, y] : [y, x];
        const text = formatCostBand(low, open ? null : high);
        const back = parseCostAnswer(text);
        expect(back).toMatchObject({ kind: 'band', low, high: open ? null : high });
      }),
    );
  });

  test('a band with a yearly figure reads back from its display text', () => {
    fc.assert(
      fc.property(amount, amount, amount, amount, (a, b, c, d) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const [yearLow, yearHigh] = c <= d ? [c, d] : [d, c];
        const original = parseCostAnswer(`${formatCostBand(low, high)} one-off; ${formatCostBand(yearLow, yearHigh)} a year`);
        expect(original).toMatchObject({ kind: 'band', low, high, ongoing: { low: yearLow, high: yearHigh } });
        expect(parseCostAnswer(formatCostAnswer(original))).toMatchObject({ kind: 'band', low, high, ongoing: { low: yearLow, high: yearHigh } });
      }),
    );
  });

  test('every kind survives format → parse', () => {
    const answers: CostAnswer[] = [
      parseCostAnswer('Less than £100k'),
      parseCostAnswer('None'),
      parseCostAnswer('Yes'),
      parseCostAnswer('-'),
    ];
    for (const a of answers) expect(parseCostAnswer(formatCostAnswer(a)).kind).toBe(a.kind);
    expect(formatCostAnswer(parseCostAnswer('Less than £100k'))).toBe('£0–£100k');
  });
});

describe('parseCostAnswer: a figure that is not a sum of pounds is never read as one', () => {
  test.each([
    ['£1e3', /“£1e3” is not a figure as written/],
    ['£1.2.3m', /“£1\.2\.3m” is not a figure as written/],
    ['£0x10k', /“£0x10k” is not a figure as written/],
    ['£5,000,00', /“£5,000,00” is not a figure as written/],
    ['£-5k', /negative figure \(“£-5k”\)/],
    ['-£5k', /negative figure \(“-£5k”\)/],
    ['Yes, minus £5k', /negative figure \(“minus £5k”\)/],
    ['$100k', /“\$100k” is not in pounds sterling/],
    ['€100k', /“€100k” is not in pounds sterling/],
    ['100k euros', /“100k euros” is not in pounds sterling/],
    [`£${'9'.repeat(400)}`, /too large to be a sum of money/],
  ])('%s is unreadable, saying why', (text, why) => {
    const a = parseCostAnswer(text);
    expect(a.kind).toBe('unreadable');
    expect(a.flag).toMatch(why);
    expect(a.flag).toMatch(/enter the band to use$/);
  });

  test('a figure beyond what one party could spend is read and flagged; the bound can be set', () => {
    expect(parseCostAnswer('£1tn')).toMatchObject({ kind: 'band', low: 1e12, high: 1e12, flag: '£1tn is more than one party could plausibly spend (above £50m): check the answer' });
    expect(parseCostAnswer('£60m').flag).toMatch(/above £50m/);
    expect(parseCostAnswer('£60m', '', 100_000_000).flag).toBeUndefined();
    expect(parseCostAnswer('£40m').flag).toBeUndefined();
  });

  test('approximate figures marked with punctuation are read as approximate', () => {
    for (const text of ['c. £50k', 'c.£50k', 'ca. £50k', 'approx.£50k', 'approx. 50k', '(c. £50k)', 'est. £50k']) {
      expect(parseCostAnswer(text)).toMatchObject({ kind: 'band', low: 50_000, high: 50_000, flag: expect.stringContaining('approximate figure') });
    }
  });

  test('a range, a list bullet and a rationale suggestion are not taken for negatives', () => {
    expect(band('£100k -£250k')).toEqual([100_000, 250_000]);
    expect(band('- £75k')).toEqual([75_000, 75_000]);
    expect(parseCostAnswer('Yes', 'saving of -£5k on one system but £40k overall')).toMatchObject({ kind: 'unquantified', suggestion: { low: 40_000, high: 40_000 } });
  });

  test('property: any sum of money in another currency, signed negative or run on into more characters is unreadable', () => {
    const pounds = fc.tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom('', 'k', 'm')).map(([n, u]) => `£${n}${u}`);
    const spoiled = fc.oneof(
      pounds.map((p) => `-${p}`),
      pounds.map((p) => `£-${p.slice(1)}`),
      pounds.map((p) => p.replace('£', '$')),
      pounds.map((p) => p.replace('£', '€')),
      fc.tuple(pounds, fc.constantFrom('e3', '.5.1', 'x10', ',00', 'tnz', '_1')).map(([p, tail]) => `${p}${tail}`),
    );
    fc.assert(
      fc.property(fc.constantFrom('', 'Yes, ', 'About ', 'Costs of '), spoiled, fc.constantFrom('', ' one-off', '.', ' in total'), (lead, figure, tail) => {
        const a = parseCostAnswer(`${lead}${figure}${tail}`);
        expect(a.kind).toBe('unreadable');
      }),
    );
  });

  test('property: a figure marked as approximate, in any of the ways people write it, is read at that figure and flagged', () => {
    const marker = fc.constantFrom('c.', 'c. ', 'ca.', 'ca. ', 'circa ', 'approx.', 'approx. ', 'approx ', 'approximately ', 'around ', 'about ', 'roughly ', '~', 'est. ', 'in the region of ');
    const casing = fc.constantFrom((t: string) => t, (t: string) => t.toUpperCase(), (t: string) => t.charAt(0).toUpperCase() + t.slice(1));
    fc.assert(
      fc.property(marker, casing, fc.integer({ min: 1, max: 999 }), fc.constantFrom(['k', 1_000], ['m', 1_000_000], ['', 1]), fc.constantFrom('', 'Yes, ', 'We estimate '), (m, cased, n, [unit, scale], lead) => {
        const a = parseCostAnswer(`${lead}${cased(m)}£${n}${unit}`);
        expect(a).toMatchObject({ kind: 'band', low: n * (scale as number), high: n * (scale as number) });
        expect(a.flag).toMatch(/approximate figure/);
      }),
    );
  });
});

import fc from 'fast-check';
import { importText } from '../../src/import/importText';
import { bandCounts, bandOf, bandProblems, SEC_COST_BANDS, type CostBand } from '../../src/model/costBands';
import { DEFAULT_COST_OPTIONS, respondentCosts } from '../../src/model/respondentTotals';
import { seedText } from '../support/seed';

const counts = (text: string, overrides = {}) => {
  const results = importText(text, 'seed').analysis.results;
  return bandCounts(results, respondentCosts(results, DEFAULT_COST_OPTIONS, overrides), SEC_COST_BANDS).map((r) => [r.label, r.count]);
};

describe('cost bands as SEC consultations use them', () => {
  test('the seed: two below £100k, one in £100k–£250k, one in £250k–£500k, one Yes without a figure', () => {
    expect(counts(seedText())).toEqual([
      ['Less than £100k', 2],
      ['£100k–£250k', 1],
      ['£250k–£500k', 1],
      ['£500k–£1m', 0],
      ['More than £1m', 0],
      ['No cost (£0)', 0],
      ['A range across two or more bands', 0],
      ['Cost without a figure', 1],
      ['No answer', 0],
      ['Could not be read', 0],
    ]);
  });

  test('single figures count in their band, a figure at an edge in the band above, £0 and ranges across bands apart', () => {
    const text = seedText().replace('£100k-£250k', '£75k').replace('£250k-£500k', '£1.2m').replace('Large Supplier\tYes\tYes, if approved', 'Large Supplier\t£0\tYes, if approved');
    const rows = new Map(counts(text) as [string, number][]);
    expect([rows.get('Less than £100k'), rows.get('More than £1m'), rows.get('No cost (£0)')]).toEqual([3, 1, 1]);
    const edge = bandOf(SEC_COST_BANDS, 100_000, 100_000);
    expect(SEC_COST_BANDS[edge!]!.label).toBe('£100k–£250k');
    expect(bandOf(SEC_COST_BANDS, 50_000, 150_000)).toBeNull();
    // The modeller's figure decides: EON's £100k–£250k entered as £600k moves to £500k–£1m.
    const moved = new Map(counts(seedText(), { 'eon-uk': { low: 600_000 } }) as [string, number][]);
    expect([moved.get('£100k–£250k'), moved.get('£500k–£1m')]).toEqual([0, 1]);
  });

  test('every figure lies in exactly one band, or across bands when it spans an edge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 0, max: 5_000_000 }), (low, extra) => {
        const high = low + extra;
        const i = bandOf(SEC_COST_BANDS, low, high);
        const holding = SEC_COST_BANDS.filter((b) => low >= b.from && (b.to === null || (high <= b.to && low < b.to)));
        expect(holding.length).toBeLessThanOrEqual(1);
        expect(i === null ? null : SEC_COST_BANDS[i]).toEqual(holding[0] ?? null);
      }),
    );
  });

  test('a list with a gap, an overlap, an open band before the last or a nameless band is refused with the band named', () => {
    const [a, b, c] = SEC_COST_BANDS as [CostBand, CostBand, CostBand];
    expect(bandProblems(SEC_COST_BANDS)).toEqual([]);
    expect(bandProblems([a, { ...b, from: 120_000 }])).toEqual(['cost band 2 (£100k–£250k) must start where the band above ends']);
    expect(bandProblems([{ ...a, to: null }, b])).toEqual(['cost band 1 (Less than £100k) only the last band can be left open', 'cost band 2 (£100k–£250k) must start where the band above ends']);
    expect(bandProblems([a, { ...b, label: ' ' }, c])).toEqual(['cost band 2 (no name) needs a name']);
    expect(bandProblems([])).toEqual(['the report needs at least one cost band']);
  });
});

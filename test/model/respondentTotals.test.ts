import { importText } from '../../src/import/importText';
import { DEFAULT_COST_OPTIONS, respondentCosts, respondentTotals } from '../../src/model/respondentTotals';
import { seedText } from '../support/seed';

const seed = importText(seedText(), 'seed').analysis.results;

describe('respondent totals', () => {
  test('the seed: low, midpoint and high sums, and the counts', () => {
    const t = respondentTotals(seed);
    // lows 100k + 0 + 250k + 0; midpoints 175k + 50k + 375k + 50k; highs 250k + 100k + 500k + 100k
    expect([t.low, t.central, t.high]).toEqual([350_000, 650_000, 950_000]);
    expect(t.counts).toEqual({ band: 4, zero: 0, unquantified: 1, none: 0, unreadable: 0, notImplementing: 1 });
    expect(t.capped).toEqual([]);
  });

  test('an open-ended band is capped at the configured multiple of its lower figure, and flagged', () => {
    const text = seedText().replace('£250k-£500k', 'More than £1m');
    const results = importText(text, 'open').analysis.results;
    const utilita = respondentCosts(results).find((c) => c.respondentId === 'utilita-energy-ltd')!;
    // cap 2 × £1m = £2m; midpoint (£1m + £2m) / 2 = £1.5m
    expect(utilita).toMatchObject({ low: 1_000_000, central: 1_500_000, high: 2_000_000, capped: true });
    expect(respondentTotals(results).capped).toEqual(['utilita-energy-ltd']);
    expect(respondentCosts(results, { ...DEFAULT_COST_OPTIONS, openEndedCapMultiple: 3 }).find((c) => c.capped)!.high).toBe(3_000_000);
  });
});

import fc from 'fast-check';
import { formatGbpRange, formatGbpShort, formatGbpStated, wholeReaching } from '../../src/model/money';

describe('money in report form', () => {
  test.each([
    [0, '£0'],
    [950, '£950'],
    [999.6, '£1.00k'],
    [7_504, '£7.50k'],
    [9_996, '£10.0k'],
    [75_000, '£75.0k'],
    [75_500, '£75.5k'],
    [99_960, '£100k'],
    [525_278.2, '£525k'],
    [999_600, '£1.00m'],
    [1_250_000, '£1.25m'],
    [4_100_000, '£4.10m'],
    [32_200_000, '£32.2m'],
    [123_456_789, '£123m'],
    [-640_642.6, '−£641k'],
  ])('%p → %s', (value, expected) => {
    expect(formatGbpShort(value)).toBe(expected);
  });

  test('three significant figures with their zeros, at every size and at each rounding edge', () => {
    fc.assert(
      fc.property(fc.double({ min: 1_000, max: 999_000_000, noNaN: true }), (value) => {
        const digits = formatGbpShort(value).replace(/^£|[km]$/g, '').replace('.', '');
        expect(digits.replace(/^0+/, '')).toHaveLength(3);
      }),
    );
  });

  test('a stated figure drops the zeros three figures would add, and never a zero of the figure itself', () => {
    expect([75_000, 1_200_000, 100_000, 7_540, 1_000_000, 250_000, 950].map(formatGbpStated)).toEqual(['£75k', '£1.2m', '£100k', '£7.54k', '£1m', '£250k', '£950']);
  });

  test('ranges take an en dash; a point value is written once', () => {
    expect(formatGbpRange(100_000, 250_000)).toBe('£100k–£250k');
    expect(formatGbpRange(75_000, 75_000)).toBe('£75.0k');
  });

  test('the whole number that reaches a figure: up to the next whole, but a whole figure with float noise is itself', () => {
    expect([4.27, 1.77, 4, 0.1 * 3 * 10 + 1, 4 + 1e-12, 0].map(wholeReaching)).toEqual([5, 2, 4, 4, 4, 0]);
  });
});

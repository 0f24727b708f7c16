import { formatGbpRange, formatGbpShort } from '../../src/model/money';

describe('money in report form', () => {
  test.each([
    [0, '£0'],
    [950, '£950'],
    [999.6, '£1k'],
    [75_000, '£75k'],
    [75_500, '£75.5k'],
    [99_960, '£100k'],
    [525_278.2, '£525k'],
    [999_600, '£1m'],
    [1_250_000, '£1.25m'],
    [32_200_000, '£32.2m'],
    [-640_642.6, '−£641k'],
  ])('%p → %s', (value, expected) => {
    expect(formatGbpShort(value)).toBe(expected);
  });

  test('ranges take an en dash; a point value is written once', () => {
    expect(formatGbpRange(100_000, 250_000)).toBe('£100k–£250k');
    expect(formatGbpRange(75_000, 75_000)).toBe('£75k');
  });
});

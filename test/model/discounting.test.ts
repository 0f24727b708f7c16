import { discountFactors, flatDiscounting, GREEN_BOOK_DISCOUNTING } from '../../src/model/discounting';

describe('Green Book discounting', () => {
  const f = discountFactors(GREEN_BOOK_DISCOUNTING, 40);

  test('3.5% a year to year 30, then 3.0%, with no jump at the step', () => {
    expect(f[0]).toBe(1);
    expect(f[1]).toBeCloseTo(1 / 1.035, 12);
    expect(f[30]).toBeCloseTo(1 / 1.035 ** 30, 12);
    expect(f[31]).toBeCloseTo(1 / 1.035 ** 30 / 1.03, 12);
    expect(f[39]).toBeCloseTo(1 / 1.035 ** 30 / 1.03 ** 9, 12);
  });

  test('the parameter is dated and sourced', () => {
    expect(GREEN_BOOK_DISCOUNTING.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(GREEN_BOOK_DISCOUNTING.source).toMatch(/Green Book/);
  });

  test('a flat rate discounts every year alike', () => {
    expect(discountFactors(flatDiscounting(0.1, 'test'), 3)).toEqual([1, 1 / 1.1, 1 / 1.1 / 1.1]);
  });
});

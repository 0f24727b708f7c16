import fc from 'fast-check';
import { fromDate } from '../../src/model/calendarDates';
import { dateText, figureText, readDate, readFigure, type FigureRule } from '../../src/model/typedFigures';

const money: FigureRule = { unit: 'gbp', min: 0 };
const valueOf = (text: string, rule: FigureRule) => {
  const r = readFigure(text, rule);
  return r.kind === 'value' ? r.value : r.kind;
};

describe('figures typed in a box', () => {
  test('money as modellers write it, and what is not one sum of money refused with the way to write it', () => {
    expect(['40k', '£40k', '40K', '£ 40k', '40,000', '40000', '£40,000'].map((t) => valueOf(t, money))).toEqual(Array(7).fill(40_000));
    expect(valueOf('£1.2m', money)).toBe(1_200_000);
    expect(valueOf('1.5bn', money)).toBe(1_500_000_000);
    expect(readFigure('abc', money)).toEqual({ kind: 'invalid', message: '“abc” is not a sum of money: type it as 40k, £40k, £1.2m or 40,000' });
    // A range, a guess and trailing words are answers, not a figure for one box.
    for (const t of ['£100k-£250k', 'about 40k', '40k a year', '40k?']) expect(readFigure(t, money).kind).toBe('invalid');
    expect(readFigure('', money)).toEqual({ kind: 'invalid', message: 'enter a figure' });
    expect(readFigure('  ', { ...money, blankAllowed: true })).toEqual({ kind: 'blank' });
  });

  test('percentages with or without the sign, and each bound named', () => {
    const uptake: FigureRule = { unit: 'percent', min: 0, max: 1 };
    expect(['25', '25%', '25 %'].map((t) => valueOf(t, uptake))).toEqual([0.25, 0.25, 0.25]);
    expect(readFigure('250', uptake)).toEqual({ kind: 'invalid', message: 'must be from 0% to 100%' });
    expect(readFigure('0', { unit: 'years', min: 1, max: 75 })).toEqual({ kind: 'invalid', message: 'must be from 1 to 75' });
    expect(readFigure('2.5', { unit: 'count', min: 0 })).toEqual({ kind: 'invalid', message: '“2.5” is not a whole number' });
    expect(valueOf('1,200', { unit: 'count', min: 0 })).toBe(1200);
    expect(readFigure('-3', { unit: 'months', min: 0 })).toEqual({ kind: 'invalid', message: 'must be at least 0' });
  });

  test('a value shown in its box reads back to exactly the value', () => {
    expect([40_000, 1_200_000, 1_234_567, 1_500, 10_000_000_000, 40_000.5].map((v) => figureText(v, 'gbp'))).toEqual(['£40k', '£1.2m', '£1,234,567', '£1.5k', '£10bn', '£40,000.50']);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 99 }), (pounds, pence) => {
        // Pounds and pence as a typed figure holds them (2.97, not 2 + 97/100).
        for (const v of [pounds, Number(`${pounds}.${String(pence).padStart(2, '0')}`)]) expect(valueOf(figureText(v, 'gbp'), money)).toBe(v);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (basisPoints) => {
        const share = basisPoints / 10_000;
        expect(valueOf(figureText(share, 'percent'), { unit: 'percent' })).toBe(share);
      }),
    );
  });

  test('thousands written every way read the same; text without a figure is never a value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), (k) => {
        const v = k * 1000;
        expect([`${k}k`, `£${k}k`, `£${v.toLocaleString('en-GB')}`, String(v)].map((t) => valueOf(t, money))).toEqual([v, v, v, v]);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z £,.%-]{1,12}$/), (t) => {
        const r = readFigure(t, money);
        expect(r.kind === 'value').toBe(false);
        if (r.kind === 'invalid' && t.trim() !== '') expect(r.message).toContain(`“${t.trim()}”`);
      }),
    );
  });
});

describe('dates typed in a box', () => {
  test('day before month, as UK modellers write them; the box shows what it reads back', () => {
    for (const t of ['01/03/2027', '1/3/2027', '1.3.2027', '1 March 2027', '1 Mar 2027', '2027-03-01']) expect([t, readDate(t)]).toEqual([t, { kind: 'value', value: '2027-03-01' }]);
    expect(readDate('31/02/2027')).toEqual({ kind: 'invalid', message: '“31/02/2027” is not a date: type it as 01/03/2027 or 1 March 2027' });
    expect(readDate('1 Smarch 2027').kind).toBe('invalid');
    expect(readDate('', true)).toEqual({ kind: 'blank' });
    fc.assert(
      fc.property(fc.date({ min: new Date(2000, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true }), (d) => {
        const iso = fromDate(d);
        expect(readDate(dateText(iso))).toEqual({ kind: 'value', value: iso });
      }),
    );
  });
});

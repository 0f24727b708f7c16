import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { join } from 'node:path';
import { breakEven, costHigh, costKind, costLow, leadMonths, nextRelease, npv } from '../../src/functions/functions';
import { excelSerial } from '../../src/model/calendarDates';

// The custom-functions runtime's error type, as Excel provides it: a code and a message.
class RuntimeError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}
Object.assign(globalThis, {
  CustomFunctions: { Error: RuntimeError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' } },
});


describe('SECMOD custom functions', () => {
  test('read a cost answer as the import does', () => {
    expect([costLow('£100k-£250k'), costHigh('£100k-£250k')]).toEqual([100_000, 250_000]);
    expect([costLow('Less than £100k'), costHigh('Less than £100k')]).toEqual([0, 100_000]);
    expect([costLow('None'), costHigh('None')]).toEqual([0, 0]);
  });

  test('unreadable input is an Excel error value with the reason, not a crash', () => {
    expect(() => costLow('Yes')).toThrow(expect.objectContaining({ code: '#VALUE!', message: 'the answer is a cost without a figure' }));
    expect(() => costLow('-')).toThrow(expect.objectContaining({ code: '#VALUE!', message: 'the answer is blank' }));
    expect(() => costHigh('More than £1m')).toThrow(expect.objectContaining({ code: '#N/A' }));
    expect(costLow('More than £1m')).toBe(1_000_000);
  });

  test('cost kind, lead-time months and the next release', () => {
    expect(['£100k-£250k', 'None', 'Yes', '-', '£100k or £300k, and £5m'].map(costKind)).toEqual(['band', 'zero', 'unquantified', 'none', 'unreadable']);
    expect([leadMonths('6 – 8 Months'), leadMonths('6 – 8 Months', 'min'), leadMonths('Immediately'), leadMonths('12 weeks')]).toEqual([8, 6, 0, 84 / 30.4375]);
    expect(() => leadMonths('We would not implement the solution')).toThrow(expect.objectContaining({ code: '#N/A', message: 'no duration: the answer is not-implementing' }));
    expect(() => leadMonths('6 months', 'most')).toThrow(expect.objectContaining({ code: '#VALUE!' }));
    // 1 March 2027 + 8 months = 1 November 2027; the first Thursday of November 2027 is the 4th.
    expect(nextRelease(excelSerial('2027-03-01'), 8)).toBe(excelSerial('2027-11-04'));
    expect(nextRelease(excelSerial('2027-03-01'), 8, [[excelSerial('2027-06-24')], [excelSerial('2027-12-02')]])).toBe(excelSerial('2027-12-02'));
    expect(() => nextRelease(excelSerial('2027-03-01'), 8, [[excelSerial('2027-06-24')]])).toThrow(expect.objectContaining({ code: '#N/A' }));
  });

  test('present value and break-even with Green Book discounting, by hand', () => {
    expect(npv([[100], [100], [100]])).toBeCloseTo(100 + 100 / 1.035 + 100 / 1.035 ** 2, 9);
    // Live in year 1: the fixed and one-off costs at 1/1.035, ten years of benefits and ongoing costs, years 1–10.
    let running = 0;
    for (let t = 1; t <= 10; t++) running += 1 / 1.035 ** t;
    const margin = 50_000 * running - (20_000 / 1.035 + 5_000 * running);
    expect(breakEven(1_000_000, 50_000, 5_000, 20_000, 10, 1)).toBeCloseTo(1_000_000 / 1.035 / margin, 9);
    // Live within a year of the decision (the default): nothing discounted in year 0.
    let fromNow = 0;
    for (let t = 0; t < 10; t++) fromNow += 1 / 1.035 ** t;
    expect(breakEven(1_000_000, 50_000, 5_000, 20_000)).toBeCloseTo(1_000_000 / (45_000 * fromNow - 20_000), 9);
    expect(() => breakEven(1_000_000, 1_000, 5_000)).toThrow(expect.objectContaining({ code: '#N/A' }));
  });

  test('the metadata generated from the JSDoc names every function with its parameters', async () => {
    const generated = await generateCustomFunctionsMetadata([join(__dirname, '..', '..', 'src', 'functions', 'functions.ts')], false);
    expect(generated.errors).toEqual([]);
    const metadata = JSON.parse(generated.metadataJson);
    type Meta = { id: string; parameters: { name: string; type: string; optional?: boolean; dimensionality?: string }[]; result: { type: string } };
    const describe = (f: Meta) => [f.id, f.parameters.map((p) => `${p.name}:${p.type}${p.dimensionality === 'matrix' ? '[][]' : ''}${p.optional ? '?' : ''}`), f.result.type];
    expect(metadata.functions.map(describe)).toEqual([
      ['COSTLOW', ['answer:string'], 'number'],
      ['COSTHIGH', ['answer:string'], 'number'],
      ['COSTKIND', ['answer:string'], 'string'],
      ['LEADMONTHS', ['answer:string', 'which:string?'], 'number'],
      ['NEXTRELEASE', ['date:number', 'months:number?', 'calendar:number[][]?'], 'number'],
      ['NPV', ['amounts:number[][]'], 'number'],
      ['BREAKEVEN', ['fixedCosts:number', 'benefitPerYear:number', 'costPerYear:number', 'oneOffCost:number?', 'years:number?', 'startYear:number?'], 'number'],
    ]);
  });
});

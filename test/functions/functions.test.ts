import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { join } from 'node:path';
import { costHigh, costLow } from '../../src/functions/functions';

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

  test('the metadata generated from the JSDoc names both functions with their parameters', async () => {
    const generated = await generateCustomFunctionsMetadata([join(__dirname, '..', '..', 'src', 'functions', 'functions.ts')], false);
    expect(generated.errors).toEqual([]);
    const metadata = JSON.parse(generated.metadataJson);
    expect(metadata.functions.map((f: { id: string; parameters: { name: string; type: string }[]; result: { type: string } }) => [f.id, f.parameters.map((p) => `${p.name}:${p.type}`), f.result.type])).toEqual([
      ['COSTLOW', ['answer:string'], 'number'],
      ['COSTHIGH', ['answer:string'], 'number'],
    ]);
  });
});

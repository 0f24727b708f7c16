import { withTimeout } from '../../src/excel/officeHost';

describe('waiting on Excel', () => {
  test('a call Excel never answers ends with a message saying what to do', async () => {
    const never = new Promise<number>(() => undefined);
    await expect(withTimeout(never, 'writing the workbook', 20)).rejects.toThrow(
      'Excel did not answer within 0.02 seconds while writing the workbook. Close any open dialog or cell edit, then try again.',
    );
  });

  test('an answer in time passes through', async () => {
    await expect(withTimeout(Promise.resolve(42), 'reading', 1000)).resolves.toBe(42);
  });
});

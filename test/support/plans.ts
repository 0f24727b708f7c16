import { importText } from '../../src/import/importText';
import { isoDate } from '../../src/model/calendarDates';
import { defaultAssumptions, type ModelAssumptions } from '../../src/model/costModel';
import { costModelWorkbook } from '../../src/workbook/costModelWorkbook';

export const DECISION = isoDate('2027-03-01')!;
export const META = { sourceName: 'test', sourceSha256: '0'.repeat(64), engineVersion: 'test', created: '2027-03-01' };

/** The whole live workbook for a document, with default assumptions (decision 1 March 2027) adjusted by `change`. */
export function livePlan(text: string, change: (a: ModelAssumptions) => ModelAssumptions = (a) => a) {
  const read = importText(text, 'doc');
  const assumptions = change(defaultAssumptions(read.analysis, DECISION));
  const built = costModelWorkbook(read.analysis, read.findings, { ...assumptions, monteCarlo: { ...assumptions.monteCarlo, iterations: 500 } }, META);
  if (!built.ok) throw new Error(built.problems.join('; '));
  return { ...built, analysis: read.analysis, assumptions };
}

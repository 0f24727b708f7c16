import { parseCostAnswer, type CostAnswer } from '../model/costAnswer';

/**
 * The low figure of a cost answer in pounds, read as the import reads it: "£100k-£250k" → 100000,
 * "Less than £100k" → 0, "None" → 0.
 * @customfunction
 * @param answer A respondent's cost answer, e.g. "£100k-£250k".
 * @returns The lower bound in £.
 */
export function costLow(answer: string): number {
  const a = parseCostAnswer(answer);
  if (a.kind === 'band') return a.low;
  if (a.kind === 'zero') return 0;
  throw noFigure(a);
}

/**
 * The high figure of a cost answer in pounds: "£100k-£250k" → 250000. An open-ended answer
 * ("More than £1m") has no high figure and returns #N/A.
 * @customfunction
 * @param answer A respondent's cost answer, e.g. "£100k-£250k".
 * @returns The upper bound in £.
 */
export function costHigh(answer: string): number {
  const a = parseCostAnswer(answer);
  if (a.kind === 'band' && a.high !== null) return a.high;
  if (a.kind === 'band') throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, 'open-ended band: no upper figure');
  if (a.kind === 'zero') return 0;
  throw noFigure(a);
}

function noFigure(a: CostAnswer): CustomFunctions.Error {
  const why = a.kind === 'unreadable' ? a.flag : `the answer is ${a.kind === 'none' ? 'blank' : 'a cost without a figure'}`;
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, why);
}

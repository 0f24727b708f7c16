import { addLeadTime, defaultReleaseCalendar, excelSerial, isoDate, isoFromSerial } from '../model/calendarDates';
import { parseCostAnswer, type CostAnswer } from '../model/costAnswer';
import { discountFactors, GREEN_BOOK_DISCOUNTING } from '../model/discounting';
import { leadTimeRange, parseLeadTimeAnswer } from '../model/leadTimeAnswer';
import { appraisalProblems, evaluateScenario } from '../model/uptake';

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

/**
 * How a cost answer reads: band, zero, unquantified, none or unreadable.
 * @customfunction
 * @param answer A respondent's cost answer.
 * @returns The kind of answer.
 */
export function costKind(answer: string): string {
  return parseCostAnswer(answer).kind;
}

/**
 * The months of a lead-time answer: "6 – 8 Months" → 8 (or 6 with "min"); "Immediately" → 0.
 * Answers without a duration return #N/A with what they are.
 * @customfunction
 * @param answer A respondent's lead-time answer.
 * @param [which] "max" (the default) or "min".
 * @returns Months from approval.
 */
export function leadMonths(answer: string, which?: string): number {
  const choice = (which ?? 'max').trim().toLowerCase();
  if (choice !== 'max' && choice !== 'min') throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, 'which must be "min" or "max"');
  const a = parseLeadTimeAnswer(answer);
  const range = leadTimeRange(a);
  if (!range) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, a.kind === 'unreadable' ? a.flag : `no duration: the answer is ${a.kind}`);
  return choice === 'min' ? range.min : range.max;
}

/**
 * The first SEC release on or after a date plus a lead time, from a calendar range or, without
 * one, the default calendar (last Thursday of February and June, first Thursday of November).
 * @customfunction
 * @param date The decision date (an Excel date).
 * @param [months] The lead time in months (default 0).
 * @param [calendar] A range of release dates.
 * @returns The release date (an Excel date).
 */
export function nextRelease(date: number, months?: number, calendar?: number[][]): number {
  const start = isoDate(isoFromSerial(date));
  if (!start || !(date > 0)) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, 'date must be an Excel date');
  const ready = addLeadTime(start, months ?? 0);
  const year = Number(ready.slice(0, 4));
  const releases = calendar?.flat().filter((d) => typeof d === 'number' && d > 0).map((d) => isoFromSerial(d)) ?? defaultReleaseCalendar(year, year + 1);
  const found = [...releases].sort().find((d) => d >= ready);
  if (!found) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, 'no release in the calendar on or after that date');
  return excelSerial(found);
}

/**
 * Present value of yearly amounts, the first in year 0, discounted as the Green Book prescribes
 * (3.5% real to year 30, 3.0% after).
 * @customfunction
 * @param amounts One amount a year, year 0 first.
 * @returns The present value.
 */
export function npv(amounts: number[][]): number {
  const values = amounts.flat();
  if (values.some((v) => typeof v !== 'number' || !Number.isFinite(v))) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, 'every amount must be a number');
  const factors = discountFactors(GREEN_BOOK_DISCOUNTING, values.length);
  return values.reduce((sum, v, t) => sum + v * factors[t]!, 0);
}

/**
 * How many adopting parties make NPV zero (the switching value of uptake), with Green Book
 * discounting from year 0: fixed and each adopter's one-off costs in the year the change goes
 * live, ongoing costs and benefits for the given years from then. #N/A when an adopter costs at
 * least as much as it gains.
 * @customfunction
 * @param fixedCosts Costs borne whether or not anyone adopts (£, one-off).
 * @param benefitPerYear Benefit per adopting party a year (£).
 * @param costPerYear Ongoing cost per adopting party a year (£).
 * @param [oneOffCost] One-off cost per adopting party (£, default 0).
 * @param [years] Years of benefits (default 10).
 * @param [startYear] Appraisal year the change goes live (default 0: within a year of the decision).
 * @returns Adopting parties needed.
 */
export function breakEven(fixedCosts: number, benefitPerYear: number, costPerYear: number, oneOffCost?: number, years?: number, startYear?: number): number {
  const appraisalYears = years ?? 10;
  const start = startYear ?? 0;
  const problems = appraisalProblems({ years: appraisalYears, discount: GREEN_BOOK_DISCOUNTING }, { implementationYear: start, benefitsYear: start });
  if (!Number.isInteger(start) || start < 0 || problems.length) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, problems[0] ?? 'the start year must be a whole year from 0');
  const result = evaluateScenario(
    {
      name: 'break-even',
      uptake: {},
      benefitPerAdopterPerYearGbp: benefitPerYear,
      ongoingCostPerAdopterPerYearGbp: costPerYear,
      oneOffCostPerAdopterGbp: oneOffCost ?? 0,
      figuresSource: 'custom function',
      uptakeSource: 'custom function',
      placeholder: { share: 0, benefit: 0, ongoing: 0, oneOff: 0 },
    },
    { oneOff: { low: fixedCosts, central: fixedCosts, high: fixedCosts }, ongoingPerYear: { low: 0, central: 0, high: 0 } },
    [],
    { years: appraisalYears, discount: GREEN_BOOK_DISCOUNTING },
    { implementationYear: start, benefitsYear: start },
  );
  const b = result.breakEven;
  if (b.kind === 'never') throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, b.reason);
  return b.adopters;
}

function noFigure(a: CostAnswer): CustomFunctions.Error {
  const why = a.kind === 'unreadable' ? a.flag : `the answer is ${a.kind === 'none' ? 'blank' : 'a cost without a figure'}`;
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, why);
}

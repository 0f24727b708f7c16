import { isoFromSerial } from '../model/calendarDates';
import { formatGbpRange, formatGbpShort, roundAsExcel, wholeReaching } from '../model/money';
import { capitalise, countWord, formatMonths, formatReportDate, formatShare } from './format';

/**
 * Report text that can be evaluated here, for the exported report, and written as a formula, for
 * the workbook's Report tables sheet, from one description: so a table in the workbook follows its
 * numbers live and always reads exactly as the export does. Each figure the text quotes is a
 * Quantity: what it is (a key the workbook maps to its cell) and the engine's value, as the
 * workbook holds it (a date as its serial number).
 */

export type RangeKey = 'low' | 'central' | 'high';
export type IndustryItem = 'respondents' | 'parties' | 'dcc' | 'secas' | 'oneOff' | 'partiesOngoing' | 'dccOngoing' | 'ongoing';
export type ScenarioField =
  | 'name'
  | 'adopters'
  | 'adopterShare'
  | 'pvCosts'
  | 'pvBenefits'
  | 'npv'
  | 'npvLowCost'
  | 'npvHighCost'
  | 'bcr'
  | 'costPerAdopter'
  | 'breakEven'
  | 'breakEvenShare'
  | 'basis';
export type RespondentField = 'low' | 'high' | 'ongoingLow' | 'ongoingHigh' | 'figure' | 'costOverridden' | 'costKind' | 'leadOverride' | 'leadKind' | 'readyBy' | 'ready';
export type TimelineField = 'decisionDate' | 'respondentMonths' | 'requiredMonths' | 'readyDate' | 'earliestRelease' | 'targetRelease' | 'governedBy' | 'basis' | 'decisionBy' | 'fallbackRelease' | 'notReady';

export type QuantityKey =
  | `industry.${IndustryItem}.${RangeKey}`
  | 'industry.basis'
  | 'industry.emptyCategories'
  | 'industry.defaultPopulations'
  | 'method.unquantified'
  | 'method.emptyCategory'
  | 'method.emptyCategoryValue'
  | 'method.openEndedCap'
  | `simulation.${'p10' | 'p50' | 'p90' | 'status'}`
  | `scenario.${number}.${ScenarioField}`
  | `respondent.${number}.${RespondentField}`
  | `band.${number}.${'count' | 'label'}`
  /** The bands holding the most respondents: how many each holds, how many bands tie, the first one's name. */
  | `band.most.${'count' | 'ties' | 'label'}`
  | `timeline.${TimelineField}`
  | 'checks.status'
  | 'count.withFigure'
  | 'count.totalParties'
  | 'count.respondents'
  | `input.${'secasDays' | 'secasDayRate' | 'secasOther'}`;

export interface Quantity {
  readonly key: QuantityKey;
  readonly value: number | string | boolean | null;
  /** For a quantity one of a table's rows holds (`respondent.4.low`), the table, the row and the field: the same field of the next row is a row further down. */
  readonly row?: { readonly group: RowGroup; readonly index: number; readonly field: string };
}

/** The quantities that tables hold one to a row, and their fields. */
interface RowFields {
  respondent: RespondentField;
  band: 'count' | 'label';
  scenario: ScenarioField;
}
type RowGroup = keyof RowFields;

type RowKey = `${RowGroup}.${number}.${string}`;

/** A quantity held in one place; a row's is made by rowQ. */
export const q = (key: Exclude<QuantityKey, RowKey>, value: number | string | boolean | null): Quantity => ({ key, value });
/** A quantity of one row: a respondent's, a band's or a scenario's. */
export const rowQ = <G extends RowGroup>(group: G, index: number, field: RowFields[G], value: number | string | boolean | null): Quantity => ({
  key: `${group}.${index}.${field}` as QuantityKey,
  value,
  row: { group, index, field },
});

export type Test =
  | { readonly k: 'number'; readonly q: Quantity }
  | { readonly k: 'eq'; readonly q: Quantity; readonly v: number | string | boolean }
  | { readonly k: 'same'; readonly a: Quantity; readonly b: Quantity }
  | { readonly k: 'gt'; readonly q: Quantity; readonly v: number }
  | { readonly k: 'lt'; readonly q: Quantity; readonly v: number }
  | { readonly k: 'not'; readonly t: Test }
  | { readonly k: 'and' | 'or'; readonly ts: readonly Test[] };

export type Live =
  | string
  /** A figure written in the report's style: money (£1.2m), a range (£100k–£250k), a date, a share, months, a count in words, a rounded number, text as it is. */
  | { readonly k: 'money' | 'date' | 'share' | 'months' | 'text'; readonly q: Quantity }
  /** `stated`: a respondent's own figures, quoted without the zeros three figures would add. */
  | { readonly k: 'range'; readonly low: Quantity; readonly high: Quantity; readonly stated?: boolean }
  | { readonly k: 'count'; readonly q: Quantity; readonly capital?: boolean }
  | { readonly k: 'round'; readonly q: Quantity; readonly places: number }
  /** The whole number that reaches a figure (4.27 parties need 5): rounded up, once float noise is rounded off. */
  | { readonly k: 'whole'; readonly q: Quantity }
  | { readonly k: 'if'; readonly test: Test; readonly then: Live; readonly else: Live }
  | { readonly k: 'cat'; readonly parts: readonly Live[] }
  /** Text shown as it is, with the figure it stands for (a lead time as written, "6–8 months", is 6 to 8 months). */
  | { readonly k: 'figured'; readonly shown: Live; readonly figure: PlainFigure | null };

export const money = (x: Quantity): Live => ({ k: 'money', q: x });
export const range = (low: Quantity, high: Quantity): Live => ({ k: 'range', low, high });
export const statedRange = (low: Quantity, high: Quantity): Live => ({ k: 'range', low, high, stated: true });
export const dateOf = (x: Quantity): Live => ({ k: 'date', q: x });
export const shareOf = (x: Quantity): Live => ({ k: 'share', q: x });
export const monthsOf = (x: Quantity): Live => ({ k: 'months', q: x });
export const textOf = (x: Quantity): Live => ({ k: 'text', q: x });
export const count = (x: Quantity, capital = false): Live => ({ k: 'count', q: x, capital });
export const rounded = (x: Quantity, places: number): Live => ({ k: 'round', q: x, places });
export const roundedUp = (x: Quantity): Live => ({ k: 'whole', q: x });
export const when = (test: Test, then: Live, otherwise: Live = ''): Live => ({ k: 'if', test, then, else: otherwise });
export const cat = (...parts: Live[]): Live => ({ k: 'cat', parts });
export const figured = (shown: Live, figure: PlainFigure | null): Live => ({ k: 'figured', shown, figure });
/**
 * The text a table gives for a quantity's value, `otherwise` for any other value: a chain of tests
 * the workbook follows from the quantity's cell, so every row of a column has the same formula.
 */
export const lookup = (x: Quantity, texts: Readonly<Record<string, string>>, otherwise: string): Live =>
  Object.entries(texts).reduceRight<Live>((rest, [v, text]) => when(equals(x, v), text, rest), otherwise);
export const isNumber = (x: Quantity): Test => ({ k: 'number', q: x });
export const equals = (x: Quantity, v: number | string | boolean): Test => ({ k: 'eq', q: x, v });
export const same = (a: Quantity, b: Quantity): Test => ({ k: 'same', a, b });
export const above = (x: Quantity, v: number): Test => ({ k: 'gt', q: x, v });
export const below = (x: Quantity, v: number): Test => ({ k: 'lt', q: x, v });
export const not = (t: Test): Test => ({ k: 'not', t });
export const all = (...ts: Test[]): Test => ({ k: 'and', ts });
export const any = (...ts: Test[]): Test => ({ k: 'or', ts });

/** The text a Live gives with the engine's values: what the exported report prints. */
export function evaluate(live: Live): string {
  if (typeof live === 'string') return live;
  switch (live.k) {
    case 'money':
      return formatGbpShort(numberOf(live.q));
    case 'range':
      return formatGbpRange(numberOf(live.low), numberOf(live.high), live.stated);
    case 'date':
      return formatReportDate(isoFromSerial(numberOf(live.q)));
    case 'share':
      return formatShare(numberOf(live.q));
    case 'months':
      return formatMonths(numberOf(live.q));
    case 'text':
      return String(live.q.value ?? '');
    case 'count': {
      const word = countWord(numberOf(live.q));
      return live.capital ? capitalise(word) : word;
    }
    case 'round':
      return String(roundAsExcel(numberOf(live.q), live.places));
    case 'whole':
      return String(wholeReaching(numberOf(live.q)));
    case 'if':
      return evaluate(test(live.test) ? live.then : live.else);
    case 'cat':
      return live.parts.map(evaluate).join('');
    case 'figured':
      return evaluate(live.shown);
    default: {
      const never: never = live;
      return never;
    }
  }
}

export function test(t: Test): boolean {
  switch (t.k) {
    case 'number':
      return typeof t.q.value === 'number';
    case 'eq':
      return t.q.value === t.v;
    case 'same':
      return t.a.value === t.b.value;
    case 'gt':
      return typeof t.q.value === 'number' && t.q.value > t.v;
    case 'lt':
      return typeof t.q.value === 'number' && t.q.value < t.v;
    case 'not':
      return !test(t.t);
    case 'and':
      return t.ts.every(test);
    case 'or':
      return t.ts.some(test);
    default: {
      const never: never = t;
      return never;
    }
  }
}

function numberOf(x: Quantity): number {
  if (typeof x.value !== 'number') throw new Error(`${x.key} is not a number (${String(x.value)}): guard it with a test`);
  return x.value;
}

/** A figure as data rather than prose: what a CSV column beside the display text holds. */
export type PlainFigure =
  | { readonly unit: 'gbp' | 'share' | 'months' | 'number'; readonly low: number; readonly high: number }
  | { readonly unit: 'date'; readonly low: string; readonly high: string };

/** The figure a cell shows, as numbers; null when the cell is words ("not yet provided") or a sentence. */
export function plainFigure(live: Live): PlainFigure | null {
  if (typeof live === 'string') return null;
  const one = (unit: 'gbp' | 'share' | 'months' | 'number', x: Quantity) => (typeof x.value === 'number' ? { unit, low: x.value, high: x.value } : null);
  switch (live.k) {
    case 'money':
      return one('gbp', live.q);
    case 'range':
      return typeof live.low.value === 'number' && typeof live.high.value === 'number' ? { unit: 'gbp', low: live.low.value, high: live.high.value } : null;
    case 'share':
      return one('share', live.q);
    case 'months':
      return one('months', live.q);
    case 'count':
      return one('number', live.q);
    case 'round':
      // The number as the model holds it: the text beside it shows the rounding.
      return one('number', live.q);
    case 'whole':
      return typeof live.q.value === 'number' ? { unit: 'number', low: wholeReaching(live.q.value), high: wholeReaching(live.q.value) } : null;
    case 'date': {
      if (typeof live.q.value !== 'number') return null;
      const iso = isoFromSerial(live.q.value);
      return { unit: 'date', low: iso, high: iso };
    }
    case 'if':
      return plainFigure(test(live.test) ? live.then : live.else);
    case 'cat': {
      // A figure with nothing else printed beside it (a clause that does not apply prints nothing).
      const shown = live.parts.filter((p) => evaluate(p) !== '');
      return shown.length === 1 ? plainFigure(shown[0]!) : null;
    }
    case 'figured':
      return live.figure;
    default:
      return null;
  }
}

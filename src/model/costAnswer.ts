import { answerKey, cleanText, isNoAnswer } from './answerText';
import { formatGbpStated, gbp, type Gbp } from './money';
import { findMoneyExpressions, type MoneyExpression } from './moneyExpressions';

/** A figure seen in the rationale of an answer that gave none: offered to the modeller, never used silently. */
export interface CostSuggestion {
  readonly low: Gbp;
  readonly high: Gbp | null;
  readonly source: string;
}

/** A cost a respondent said would recur every year, beside the one-off band. */
export interface YearlyCost {
  readonly low: Gbp;
  readonly high: Gbp | null;
}

/**
 * One respondent's answer to "Will you incur costs?", as read. `text` is the answer as written. A
 * band is the one-off cost; `ongoing` is what the respondent said it would cost each year after.
 */
export type CostAnswer =
  | { readonly kind: 'band'; readonly low: Gbp; readonly high: Gbp | null; readonly ongoing?: YearlyCost; readonly text: string; readonly flag?: string }
  | { readonly kind: 'zero'; readonly text: string; readonly flag?: string }
  | { readonly kind: 'unquantified'; readonly text: string; readonly suggestion?: CostSuggestion; readonly flag?: string }
  | { readonly kind: 'none'; readonly text: string; readonly flag?: string }
  | { readonly kind: 'unreadable'; readonly text: string; readonly flag: string };

export type CostKind = CostAnswer['kind'];

/** Above this a figure is flagged as implausible for one party's costs (read, used, and flagged for checking). */
export const PLAUSIBLE_COST_MAX = 50_000_000;

const ZERO = /^(?:none|nil|nothing|no|zero|£?0(?:\.0+)?k?|£nil|no costs?(?: (?:expected|anticipated|identified|incurred))?|no additional costs?|we will not incur (?:any )?costs?|we do not expect to incur (?:any )?costs?)\.?$/;
const YES_OR_VAGUE = /^(?:yes|y|minimal|minor|small|negligible|significant|high|low|tbc|tbd|to be confirmed|unknown|not known|unsure|depends)\b/;

/**
 * Reads a cost answer. Never throws: anything it cannot interpret is `unreadable` with the reason.
 * The rationale is only searched for a suggestion when the response gives no figure.
 */
export function parseCostAnswer(response: string, rationale = '', plausibleMax = PLAUSIBLE_COST_MAX): CostAnswer {
  return withRationale(readCostResponse(response, plausibleMax), rationale);
}

/**
 * A cost answer read from its response alone, and what its rationale may still add: a note that
 * the rationale mentions a recurring cost (a band without a yearly figure), or a suggested figure
 * (an answer without one). Responses repeat across respondents where rationales do not, so a
 * reading can be kept for each response and completed with each rationale.
 */
export interface CostReading {
  readonly answer: CostAnswer;
  readonly rationale?: 'recurring' | 'suggestion';
}

/** The note on an answer whose rationale speaks of a recurring cost that no yearly figure states. */
export const RECURRING_WITHOUT_FIGURE = 'the rationale mentions a recurring cost, but no yearly figure was given';

/** The answer with what the rationale adds: the same answer parseCostAnswer gives for both together. */
export function withRationale(reading: CostReading, rationale: string): CostAnswer {
  const { answer } = reading;
  if (reading.rationale === 'recurring') {
    if (!RECURRING_WORDS.test(answerKey(rationale))) return answer;
    return { ...answer, flag: notesWith(answer.flag, `${RECURRING_WITHOUT_FIGURE}: enter one as an override if known`) };
  }
  if (reading.rationale === 'suggestion') {
    const suggestion = suggestionFrom(rationale);
    if (!suggestion) return answer;
    return { kind: 'unquantified', text: answer.text, suggestion, flag: notesWith(answer.flag, `the rationale mentions ${suggestion.source}: offered as a suggestion, not used`) };
  }
  return answer;
}

function notesWith(flag: string | undefined, note: string): string {
  return flag === undefined ? note : `${flag}; ${note}`;
}

/** The response read on its own (see CostReading). */
export function readCostResponse(response: string, plausibleMax = PLAUSIBLE_COST_MAX): CostReading {
  const text = cleanText(response);
  const key = answerKey(response);
  if (isNoAnswer(key)) return { answer: { kind: 'none', text } };
  if (ZERO.test(key)) return { answer: { kind: 'zero', text } };

  const all = findMoneyExpressions(key);
  const marked = all.filter((e) => !e.bare);
  const onlyFigure = all.length === 1 && residue(key, all) === '';
  // A figure without £ or a unit counts only when it is all the answer says.
  const figures = marked.length ? marked : onlyFigure ? all : [];
  const broken = figures.find((e) => e.problem);
  if (broken) return { answer: { kind: 'unreadable', text, flag: `${broken.problem}: enter the band to use` } };
  const yearly = figures.filter((e) => recurring(key, e));
  const oneOff = figures.filter((e) => !yearly.includes(e));

  if (oneOff.length > 1 || yearly.length > 1) {
    return { answer: { kind: 'unreadable', text, flag: `several figures (${marked.map((e) => e.source).join('; ')}): enter the band to use` } };
  }
  if (oneOff[0] || yearly[0]) return bandAnswer(oneOff[0], yearly[0], text, key, plausibleMax);

  if (/\d/.test(key) && /£|\bk\b|pounds?|gbp/.test(key)) {
    return { answer: { kind: 'unreadable', text, flag: 'mentions money but no figure could be read' } };
  }
  // A plain Yes says only that there is a cost; any other word is a guess at what it means.
  const word = YES_OR_VAGUE.exec(key)?.[0];
  const vague = word === undefined ? 'no figure given; read as a cost without an amount' : /^(?:yes|y)$/.test(word) ? undefined : `“${word}” gives no figure: read as a cost without an amount`;
  return { answer: { kind: 'unquantified', text, ...(vague !== undefined ? { flag: vague } : {}) }, rationale: 'suggestion' };
}

// A figure is yearly when words of recurrence follow it ("£20k a year", "£5k p.a. to run") or lead up to it ("annual cost of £20k").
const RECURRING_AFTER = /^\s*(?:(?:a|per|each|every)\s+(?:year|annum)|p\.?\s?a\b|annually|yearly|ongoing|recurring|to run\b|running)/;
const RECURRING_BEFORE = /(?:ongoing|annual|annually|yearly|recurring|running)(?:\s+(?:costs?|charges?|fees?))?(?:\s+(?:of|at|around|about|approximately|approx|circa|roughly))*\s*$/;
const RECURRING_WORDS = /per (?:year|annum)|\bp\.?a\.?\b|annual|ongoing|a year/;

function recurring(key: string, e: MoneyExpression): boolean {
  return RECURRING_AFTER.test(key.slice(e.end)) || RECURRING_BEFORE.test(key.slice(Math.max(0, e.start - 40), e.start));
}

function bandAnswer(e: MoneyExpression | undefined, yearly: MoneyExpression | undefined, text: string, key: string, plausibleMax: number): CostReading {
  if (e && e.high === 0 && !yearly) return { answer: { kind: 'zero', text } };
  const notes: string[] = [];
  const read = [e, yearly].filter((x): x is MoneyExpression => x !== undefined);
  if (!e) notes.push('only a yearly figure given: read as no one-off cost');
  if (e?.high === null) notes.push('open-ended band: no upper figure given, so it counts up to OpenEndedCap times its lower figure');
  if (yearly?.high === null) notes.push('open-ended yearly figure: no upper figure given, so it counts up to OpenEndedCap times its lower figure');
  const implausible = read.find((x) => (x.high ?? x.low) > plausibleMax);
  if (implausible) notes.push(`${implausible.source} is more than one party could plausibly spend (above ${formatGbpStated(plausibleMax)}): check the answer`);
  if (read.some((x) => x.approximate)) notes.push('approximate figure');
  if (read.some((x) => x.bare)) notes.push('no £ sign or unit: read as pounds');
  if (read.some((x) => x.reversed)) notes.push('range written high to low');
  if (residue(key, read).length > 2) notes.push('figure read from a sentence');
  if (!yearly && RECURRING_WORDS.test(key)) notes.push('mentions a recurring cost: read as a one-off figure');
  const answer: CostAnswer = {
    kind: 'band',
    low: e?.low ?? gbp(0),
    high: e ? e.high : gbp(0),
    ...(yearly ? { ongoing: { low: yearly.low, high: yearly.high } } : {}),
    text,
    ...(notes.length ? { flag: notes.join('; ') } : {}),
  };
  // Otherwise, without a yearly figure, the rationale may mention a recurring cost.
  return !yearly && !RECURRING_WORDS.test(key) ? { answer, rationale: 'recurring' } : { answer };
}

// Words that qualify a figure without changing what the answer is about (longer phrases first, so "to run" is not read as "to").
const QUALIFIERS =
  /\b(?:one-off|one off|a year|per year|per annum|pa|p\.a|annually|yearly|ongoing|to run|running|less than|under|up to|upto|below|no more than|not more than|maximum of|at most|more than|over|in excess of|above|greater than|at least|minimum of|circa|approximately|approx|around|about|roughly|between|estimated at|in the region of|from|to|and|plus|ca|c)\b|[£<>≤≥~+\-.,;\s]/g;

/** What is left of the answer once the figures and their qualifiers are taken out. */
function residue(key: string, figures: readonly MoneyExpression[]): string {
  let rest = '';
  let at = 0;
  for (const e of [...figures].sort((a, b) => a.start - b.start)) {
    rest += key.slice(at, e.start) + ' ';
    at = e.end;
  }
  return (rest + key.slice(at)).replace(QUALIFIERS, '');
}

/** A digit with a unit after it, as moneyExpressions reads one (k, m, bn …, not run on into a word). */
const UNIT_AFTER_DIGIT = /\d\s*(?:k|thousand|mn|m|mil|million|bn|billion|tn|trillion)(?![a-z])/;

function suggestionFrom(rationale: string): CostSuggestion | undefined {
  const key = answerKey(rationale);
  // A figure that counts has a £ or a unit after its digits: without either the rationale suggests nothing (most say no sum at all).
  if (!key.includes('£') && !UNIT_AFTER_DIGIT.test(key)) return undefined;
  const marked = findMoneyExpressions(key).filter((e) => !e.bare && !e.problem);
  if (marked.length !== 1) return undefined;
  const e = marked[0]!;
  return { low: e.low, high: e.high, source: formatCostBand(e.low, e.high) };
}

/** The band in report form; parses back to the same band. */
export function formatCostBand(low: number, high: number | null): string {
  if (high === null) return `More than ${formatGbpStated(low)}`;
  return low === high ? formatGbpStated(low) : `${formatGbpStated(low)}–${formatGbpStated(high)}`;
}

/** Display text the project writes for an answer; parsing it gives the same kind and figures back. */
export function formatCostAnswer(a: CostAnswer): string {
  switch (a.kind) {
    case 'band':
      return a.ongoing ? `${formatCostBand(a.low, a.high)} one-off; ${formatCostBand(a.ongoing.low, a.ongoing.high)} a year` : formatCostBand(a.low, a.high);
    case 'zero':
      return '£0';
    case 'unquantified':
      return 'Unquantified';
    case 'none':
      return '-';
    case 'unreadable':
      return a.text;
    default: {
      const never: never = a;
      return never;
    }
  }
}

/** Low and high in pounds as the totals use them: zero counts as £0–£0; other kinds carry no figure. */
export function costRange(a: CostAnswer): { low: Gbp; high: Gbp | null; ongoing: YearlyCost | null } | null {
  if (a.kind === 'band') return { low: a.low, high: a.high, ongoing: a.ongoing ?? null };
  if (a.kind === 'zero') return { low: gbp(0), high: gbp(0), ongoing: null };
  return null;
}

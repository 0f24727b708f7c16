import { answerKey, cleanText, isNoAnswer } from './answerText';
import { formatGbpRange, formatGbpShort, gbp, type Gbp } from './money';
import { findMoneyExpressions, type MoneyExpression } from './moneyExpressions';

/** A figure seen in the rationale of an answer that gave none: offered to the modeller, never used silently. */
export interface CostSuggestion {
  readonly low: Gbp;
  readonly high: Gbp | null;
  readonly source: string;
}

/** One respondent's answer to "Will you incur costs?", as read. `text` is the answer as written. */
export type CostAnswer =
  | { readonly kind: 'band'; readonly low: Gbp; readonly high: Gbp | null; readonly text: string; readonly flag?: string }
  | { readonly kind: 'zero'; readonly text: string; readonly flag?: string }
  | { readonly kind: 'unquantified'; readonly text: string; readonly suggestion?: CostSuggestion; readonly flag?: string }
  | { readonly kind: 'none'; readonly text: string; readonly flag?: string }
  | { readonly kind: 'unreadable'; readonly text: string; readonly flag: string };

export type CostKind = CostAnswer['kind'];

const ZERO = /^(?:none|nil|nothing|no|zero|£?0(?:\.0+)?k?|£nil|no costs?(?: (?:expected|anticipated|identified|incurred))?|no additional costs?|we will not incur (?:any )?costs?|we do not expect to incur (?:any )?costs?)\.?$/;
const YES_OR_VAGUE = /^(?:yes|y|minimal|minor|small|negligible|significant|high|low|tbc|tbd|to be confirmed|unknown|not known|unsure|depends)\b/;

/**
 * Reads a cost answer. Never throws: anything it cannot interpret is `unreadable` with the reason.
 * The rationale is only searched for a suggestion when the response gives no figure.
 */
export function parseCostAnswer(response: string, rationale = ''): CostAnswer {
  const text = cleanText(response);
  const key = answerKey(response);
  if (isNoAnswer(key)) return { kind: 'none', text };
  if (ZERO.test(key)) return { kind: 'zero', text };

  const all = findMoneyExpressions(key);
  const marked = all.filter((e) => !e.bare);
  const onlyFigure = all.length === 1 && residue(key, all[0]!) === '';

  if (marked.length > 1) {
    return { kind: 'unreadable', text, flag: `several figures (${marked.map((e) => e.source).join('; ')}): enter the band to use` };
  }
  const figure = marked[0] ?? (onlyFigure ? all[0] : undefined);
  if (figure) return bandAnswer(figure, text, key);

  if (/\d/.test(key) && /£|\bk\b|pounds?|gbp/.test(key)) {
    return { kind: 'unreadable', text, flag: 'mentions money but no figure could be read' };
  }
  const suggestion = suggestionFrom(rationale);
  const vague = YES_OR_VAGUE.test(key) ? undefined : 'no figure given; read as a cost without an amount';
  const flags = [vague, suggestion && `the rationale mentions ${suggestion.source}: offered as a suggestion, not used`].filter(Boolean);
  return {
    kind: 'unquantified',
    text,
    ...(suggestion ? { suggestion } : {}),
    ...(flags.length ? { flag: flags.join('; ') } : {}),
  };
}

function bandAnswer(e: MoneyExpression, text: string, key: string): CostAnswer {
  if (e.high === 0) return { kind: 'zero', text };
  const notes: string[] = [];
  if (e.high === null) notes.push('open-ended band: no upper figure given');
  if (e.approximate) notes.push('approximate figure');
  if (e.bare) notes.push('no £ sign or unit: read as pounds');
  if (e.reversed) notes.push('range written high to low');
  if (residue(key, e).length > 2) notes.push('figure read from a sentence');
  if (/per (?:year|annum)|\bp\.?a\.?\b|annual|ongoing|a year/.test(key)) notes.push('mentions a recurring cost: read as a one-off figure');
  return { kind: 'band', low: e.low, high: e.high, text, ...(notes.length ? { flag: notes.join('; ') } : {}) };
}

// Words that qualify a figure without changing what the answer is about.
const QUALIFIERS =
  /\b(?:less than|under|up to|upto|below|no more than|not more than|maximum of|at most|more than|over|in excess of|above|greater than|at least|minimum of|circa|approximately|approx|around|about|roughly|between|estimated at|in the region of|from|to|and|ca|c)\b|[£<>≤≥~+\-.,\s]/g;

/** What is left of the answer once the figure and its qualifiers are taken out. */
function residue(key: string, e: MoneyExpression): string {
  return (key.slice(0, e.start) + ' ' + key.slice(e.end)).replace(QUALIFIERS, '');
}

function suggestionFrom(rationale: string): CostSuggestion | undefined {
  const marked = findMoneyExpressions(answerKey(rationale)).filter((e) => !e.bare);
  if (marked.length !== 1) return undefined;
  const e = marked[0]!;
  return { low: e.low, high: e.high, source: formatCostBand(e.low, e.high) };
}

/** The band in report form; parses back to the same band. */
export function formatCostBand(low: number, high: number | null): string {
  if (high === null) return `More than ${formatGbpShort(low)}`;
  return formatGbpRange(low, high);
}

/** Display text the project writes for an answer; parsing it gives the same kind and figures back. */
export function formatCostAnswer(a: CostAnswer): string {
  switch (a.kind) {
    case 'band':
      return formatCostBand(a.low, a.high);
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
export function costRange(a: CostAnswer): { low: Gbp; high: Gbp | null } | null {
  if (a.kind === 'band') return { low: a.low, high: a.high };
  if (a.kind === 'zero') return { low: gbp(0), high: gbp(0) };
  return null;
}

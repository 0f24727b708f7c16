import { gbp, type Gbp } from './money';

/** A sum of money found in answer text: a band, possibly open above, and how it was written. */
export interface MoneyExpression {
  readonly low: Gbp;
  readonly high: Gbp | null;
  /** The part of the text it was read from. */
  readonly source: string;
  readonly approximate: boolean;
  /** True when no figure carried a £ sign or a k/m unit, so reading it as pounds is a guess. */
  readonly bare: boolean;
  readonly reversed: boolean;
  readonly start: number;
  readonly end: number;
  /** Why the figure as written cannot be read as a sum of pounds: it is never to be used as one. */
  readonly problem?: string;
}

interface Amount {
  /** The figure as written, without separators: "32.2". */
  readonly digits: string;
  /** Power of ten of the unit written after it (k = 3, m = 6); null when none. */
  readonly exponent: number | null;
  readonly pound: boolean;
  readonly start: number;
  readonly end: number;
  readonly problem?: string;
}

const EXPONENTS: Readonly<Record<string, number>> = {
  k: 3,
  thousand: 3,
  m: 6,
  mn: 6,
  mil: 6,
  million: 6,
  bn: 9,
  billion: 9,
  tn: 12,
  trillion: 12,
};

// A figure with an optional £ and unit. Thousands separators are commas or spaces between groups of three.
const AMOUNT = /(£\s*)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(k|thousand|mn|m|mil|million|bn|billion|tn|trillion)(?![a-z]))?/g;
const JOINER = /^\s*(?:-|to|and|or)\s*(?:£\s*)?$/;
const UPPER_ONLY = /(?:less than|under|up to|upto|below|no more than|not more than|maximum of|max\.?|at most|<|≤)\s*$/;
const LOWER_ONLY = /(?:more than|over|in excess of|above|greater than|at least|minimum of|min\.?|>|≥|from)\s*$/;
const APPROX = /(?:circa|c\.|ca\.|approximately|approx\.?|around|about|roughly|~|est\.?|estimated at|in the region of)\s*$/;
// A figure run on into more of itself ("£1e3", "£1.2.3m", "£0x10k", "£5,000,00") is not one that can be read.
const RUN_ON = /^(?:[a-z0-9_]|[.,]\d)/;
const FOREIGN_BEFORE = /(?:\$|€|¥|\b(?:usd|eur|us\$))\s*$/;
const FOREIGN_AFTER = /^\s*(?:euros?|dollars?|usd|eur)\b/;
// A minus sign written against the figure ("-£5k", "£-5k"), not a range's dash or a list's bullet ("- £5k").
const MINUS_BEFORE = /(?:(?:^|[\s(:;,])(?:£\s*)?-|£\s*-\s*|\bminus\s*(?:£\s*)?)$/;
// Abbreviations whose full stop may touch the figure: "c.£50k", "approx.50k".
const ABBREVIATION_BEFORE = /\b(?:c|ca|approx|est)\.$/;
// Figures that are not money: percentages, durations, counts of things.
const NOT_MONEY_AFTER = /^\s*(?:%|per ?cent|percent|days?|weeks?|months?|years?|yrs?|hours?|fte|meters?|meters|sites?|staff|people)\b|^\s*%/;

/** Every money expression in the (already lower-cased, dash-normalised) text, in order. */
export function findMoneyExpressions(key: string): MoneyExpression[] {
  const amounts = readAmounts(key);
  const found: MoneyExpression[] = [];
  for (let i = 0; i < amounts.length; i++) {
    const first = amounts[i]!;
    const next = amounts[i + 1];
    const before = key.slice(Math.max(0, lastBoundary(found, key, first.start)), first.start);
    if (next && JOINER.test(key.slice(first.end, next.start))) {
      const { low, high } = scalePair(first, next);
      const [lo, hi] = low <= high ? [low, high] : [high, low];
      found.push({
        low: gbp(lo),
        high: gbp(hi),
        source: key.slice(first.start, next.end).trim(),
        approximate: APPROX.test(before),
        bare: !isMarked(first) && !isMarked(next),
        reversed: low > high,
        start: first.start,
        end: next.end,
        ...problemOf(first, next),
      });
      i++;
      continue;
    }
    const value = scaled(first, first.exponent ?? 0);
    const plus = /^\s*\+/.test(key.slice(first.end));
    const end = plus ? key.indexOf('+', first.end) + 1 : first.end;
    const common = { approximate: false, bare: !isMarked(first), reversed: false, start: first.start, end, ...problemOf(first) };
    if (UPPER_ONLY.test(before)) {
      found.push({ ...common, low: gbp(0), high: gbp(value), source: key.slice(first.start, end) });
    } else if (LOWER_ONLY.test(before) || plus) {
      found.push({ ...common, low: gbp(value), high: null, source: key.slice(first.start, end) });
    } else {
      found.push({ ...common, approximate: APPROX.test(before), low: gbp(value), high: gbp(value), source: key.slice(first.start, end) });
    }
  }
  return found;
}

function readAmounts(key: string): Amount[] {
  const out: Amount[] = [];
  for (const m of key.matchAll(AMOUNT)) {
    const start = m.index;
    const end = start + m[0].length;
    const pound = Boolean(m[1]);
    const glued = !pound && start > 0 && /[a-z0-9_.]/.test(key[start - 1]!) && !ABBREVIATION_BEFORE.test(key.slice(Math.max(0, start - 8), start));
    if (glued || NOT_MONEY_AFTER.test(key.slice(end))) continue;
    const digits = m[2]!.replace(/,/g, '') + (m[3] ?? '');
    const exponent = m[4] ? EXPONENTS[m[4]]! : null;
    const amount = { digits, exponent, pound, start, end };
    const problem = amountProblem(key, amount, m[0], out[out.length - 1]);
    out.push(problem ? { ...amount, problem } : amount);
  }
  return out;
}

/** Why a figure as written is not a sum of pounds: run on, negative, another currency, or too large to hold. */
function amountProblem(key: string, a: Omit<Amount, 'problem'>, written: string, previous: Amount | undefined): string | undefined {
  // Only the words either side matter; a window keeps the work linear in long rationales.
  const from = Math.max(0, a.start - 30);
  const before = key.slice(from, a.start);
  const after = key.slice(a.end, a.end + 30);
  const currencyBefore = FOREIGN_BEFORE.exec(before);
  const currencyAfter = FOREIGN_AFTER.exec(after);
  const minus = MINUS_BEFORE.exec(before);
  if (!a.pound && a.exponent === null && !currencyBefore && !currencyAfter && !minus?.[0].includes('£')) return undefined;
  const quoted = (start: number, end: number) => `“${clip(key.slice(start, end).trim())}”`;
  const runOn = /^[^\s;]*/.exec(after)![0];
  if (RUN_ON.test(after)) return `${quoted(a.start, a.end + runOn.length)} is not a figure as written`;
  const dashJoinsRange = previous !== undefined && /^\s*-$/.test(key.slice(previous.end, a.start));
  if (minus && !dashJoinsRange) return `a negative figure (${quoted(from + minus.index, a.end)}) is not a cost`;
  if (currencyBefore || currencyAfter) return `${quoted(currencyBefore ? from + currencyBefore.index : a.start, a.end + (currencyAfter?.[0].length ?? 0))} is not in pounds sterling`;
  if (!Number.isFinite(scaled(a, a.exponent ?? 0))) return `${quoted(a.start, a.end)} is too large to be a sum of money`;
  return undefined;
}

/**
 * "100-250k" and "£1-2m": a unit written once applies to both ends of a range, unless the other
 * end is a sum of its own ("£1–£1k" is one pound to a thousand).
 */
function scalePair(a: Amount, b: Amount): { low: number; high: number } {
  const lowExponent = a.exponent ?? (b.pound ? 0 : (b.exponent ?? 0));
  const highExponent = b.exponent ?? a.exponent ?? 0;
  return { low: scaled(a, lowExponent), high: scaled(b, highExponent) };
}

/** Scaling in decimal text keeps "32.2m" exactly 32,200,000 (32.2 * 1e6 is not). */
function scaled(a: Amount, exponent: number): number {
  return Number(`${a.digits}e${exponent}`);
}

/** A figure quoted in a flag: long runs of digits shortened so the flag stays readable. */
function clip(text: string): string {
  return text.length <= 24 ? text : `${text.slice(0, 20)}…`;
}

function problemOf(...amounts: readonly Amount[]): { problem?: string } {
  const problem = amounts.find((a) => a.problem)?.problem;
  return problem ? { problem } : {};
}

function isMarked(a: Amount): boolean {
  return a.pound || a.exponent !== null || a.problem !== undefined;
}

/** Qualifiers are looked for only between the previous expression and this one. */
function lastBoundary(found: readonly MoneyExpression[], key: string, start: number): number {
  const previous = found[found.length - 1];
  const from = Math.max(previous ? previous.end : 0, start - 30);
  // Only the window is searched for a comma: a long rationale is never scanned back over.
  const comma = key.slice(from, start).lastIndexOf(',');
  return comma < 0 ? from : from + comma + 1;
}

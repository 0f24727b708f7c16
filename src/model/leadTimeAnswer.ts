import { answerKey, cleanText, isNoAnswer } from './answerText';

/** Calendar months. Days and weeks convert at the mean month length (365.25 / 12 days). */
export type Months = number & { readonly unit: 'months' };

export function months(n: number): Months {
  return n as Months;
}

export type DurationUnit = 'days' | 'weeks' | 'months' | 'years';

const DAYS_PER_MONTH = 365.25 / 12;
/** The longest lead time read as one (the override cells allow the same): beyond it an answer is a slip, not a plan. */
export const LONGEST_LEAD_TIME_MONTHS = 120;
const MONTHS_PER: Readonly<Record<DurationUnit, number>> = {
  days: 1 / DAYS_PER_MONTH,
  weeks: 7 / DAYS_PER_MONTH,
  months: 1,
  years: 12,
};

/** A named SEC release or date: month is 1–12, day only when the respondent gave one. */
export interface ReleaseRef {
  readonly year: number;
  readonly month: number;
  readonly day?: number;
}

/** One respondent's answer to "How long would you need to implement?". `text` is the answer as written. */
export type LeadTimeAnswer =
  | {
      readonly kind: 'months';
      readonly minMonths: Months;
      readonly maxMonths: Months;
      /** The figures as the respondent stated them, so the display keeps their unit. */
      readonly stated: { readonly min: number; readonly max: number; readonly unit: DurationUnit };
      readonly text: string;
      readonly flag?: string;
    }
  | { readonly kind: 'immediate'; readonly text: string; readonly flag?: string }
  | { readonly kind: 'not-implementing'; readonly text: string; readonly flag?: string }
  | { readonly kind: 'as-proposed'; readonly text: string; readonly flag?: string }
  | { readonly kind: 'no-view'; readonly text: string; readonly flag?: string }
  | { readonly kind: 'release'; readonly release: ReleaseRef; readonly text: string; readonly flag?: string }
  | { readonly kind: 'unreadable'; readonly text: string; readonly flag: string };

export type LeadTimeKind = LeadTimeAnswer['kind'];
export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, eighteen: 18, twenty: 20, 'twenty-four': 24, thirty: 30,
};
const NUM = `(\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})`;
const UNIT = '(days?|weeks?|wks?|months?|mths?|mnths?|years?|yrs?)';
const DURATION = new RegExp(`(?<![\\w.])${NUM}(?:\\s*(?:-|to|and|or)\\s*${NUM})?\\s*(?:calendar\\s+|working\\s+)?${UNIT}(?![a-z])`, 'g');
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const RELEASE = new RegExp(`(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?${MONTH_RE}\\.?\\s+(\\d{4})`, 'g');

// Not implementing, however the negative is put: "will not be implementing", "do not intend to adopt", "have no plans to use".
const NEGATION = `(?:(?:would|will|could|do|does|shall|are|am|is) not|wouldn't|won't|don't|doesn't|aren't|isn't|cannot|can't)`;
const INTENT = `(?:(?:intend|plan|expect|propose|wish|want)(?:s|ing)?|going) to`;
const TAKE_UP = `(?:implement|use|adopt|take up|taking up|participate|deploy|roll out|make use of)`;
const NOT_IMPLEMENTING = new RegExp(
  [
    `\\b${NEGATION} (?:currently |yet )?(?:${INTENT} )?(?:be )?${TAKE_UP}`,
    `\\b${NEGATION} (?:${INTENT})\\.?$`,
    `\\bno (?:current )?(?:plans?|intention|intent|desire) (?:to|of) (?:be )?${TAKE_UP}`,
    `\\bnot implementing\\b|\\bnot (?:be )?(?:affected|impacted)\\b|^not applicable to us`,
  ].join('|'),
);
const IMMEDIATE = /^(?:immediately|immediate|immediate effect|none(?: required| needed)?|no lead time(?: required| needed)?|nil|no time|straight away|on approval|upon approval|no implementation (?:time|lead time) (?:required|needed)|0|zero)\b/;
const AS_PROPOSED = /^(?:yes|y|agree|agreed|we agree|support|supportive|ok|okay|fine|acceptable|as proposed|in line with the proposed|the proposed (?:implementation )?(?:date|timescales?|release) (?:is|are) (?:fine|acceptable|achievable))\b/;
// Agreement with what was proposed, worded any way: "happy with the proposed approach", "the suggested timeline is workable".
const PLAN = `(?:proposed|suggested|recommended|planned) (?:implementation )?(?:approach|date|timescales?|timeline|timetable|timing|release|implementation|plan)`;
const AGREES_WITH_PLAN = new RegExp(
  `\\b(?:agree|happy|content|comfortable|support|supportive|satisfied|fine|accept|can meet|able to meet|can achieve|able to achieve)\\w* (?:with |to )?(?:the |this |that )?${PLAN}|\\b${PLAN} (?:is|are|would be|seems?|looks?) (?:fine|acceptable|achievable|reasonable|appropriate|suitable|workable|realistic|sensible)\\b`,
);
// A negative anywhere in the answer turns agreement round ("not happy with the proposed date").
const NEGATIVE = /\b(?:not|no|never|unable|cannot)\b|n't\b/;
const NO_VIEW = /^(?:neutral|no view|no opinion|unsure|not sure|don'?t know|do not know|unknown|tbc|tbd|to be confirmed)\b/;
const UP_TO = /(?:up to|upto|within|no more than|maximum of|max\.?|at most|less than|under)\s*$/;
const AT_LEAST = /(?:at least|minimum of|min\.?|more than|over|in excess of)\s*$/;

/** Reads a lead-time answer. Never throws: anything it cannot interpret is `unreadable` with the reason. */
export function parseLeadTimeAnswer(response: string): LeadTimeAnswer {
  const text = cleanText(response);
  const key = answerKey(response);
  if (isNoAnswer(key)) return { kind: 'no-view', text };
  if (NOT_IMPLEMENTING.test(key)) {
    // "will not implement until 2027" or "unless mandated" may be a lead time or a condition, not a refusal.
    const hedged = /\b(?:until|before|unless|within|without|after)\b|\d/.test(key);
    return hedged ? { kind: 'not-implementing', text, flag: 'read as would not implement, but the answer also gives a condition, date or figure: check it' } : { kind: 'not-implementing', text };
  }

  const durations = [...key.matchAll(DURATION)];
  if (durations.length > 1) {
    return { kind: 'unreadable', text, flag: `several durations (${durations.map((d) => d[0]).join('; ')}): enter the lead time to use` };
  }
  const d = durations[0];
  if (d) return durationAnswer(d, key, text);

  const releases = [...key.matchAll(RELEASE)];
  if (releases.length > 1) {
    return { kind: 'unreadable', text, flag: `several dates (${releases.map((r) => r[0]).join('; ')}): enter the release to use` };
  }
  const r = releases[0];
  if (r) return releaseAnswer(r, text);

  if (IMMEDIATE.test(key)) return { kind: 'immediate', text };
  if (AS_PROPOSED.test(key) || (AGREES_WITH_PLAN.test(key) && !NEGATIVE.test(key))) return { kind: 'as-proposed', text };
  if (NO_VIEW.test(key)) return { kind: 'no-view', text };
  if (/^no\b/.test(key)) {
    return { kind: 'unreadable', text, flag: 'disagrees with the proposed date but gives no lead time or release' };
  }
  return { kind: 'unreadable', text, flag: 'no duration, release or recognised answer found' };
}

function durationAnswer(d: RegExpMatchArray, key: string, text: string): LeadTimeAnswer {
  const unit = unitOf(d[3]!);
  let min = numberOf(d[1]!);
  const max = d[2] === undefined ? min : numberOf(d[2]);
  const before = key.slice(Math.max(0, (d.index ?? 0) - 30), d.index);
  if (/(?:^|[\s(:;,])-$|\bminus\s*$/.test(before)) return { kind: 'unreadable', text, flag: `a negative duration (“-${d[0]}”) is not a lead time: enter the lead time to use` };
  if (Math.max(min, max) * MONTHS_PER[unit] > LONGEST_LEAD_TIME_MONTHS) {
    return { kind: 'unreadable', text, flag: `${d[0]} is longer than any plausible lead time (more than ${LONGEST_LEAD_TIME_MONTHS / 12} years): enter the lead time to use` };
  }
  const notes: string[] = [];
  if (d[2] === undefined && UP_TO.test(before)) min = 0;
  if (AT_LEAST.test(before)) notes.push('a minimum only: no upper figure given');
  if (max < min) notes.push('range written high to low');
  if (/\bworking\b/.test(d[0])) notes.push('working days read as calendar days');
  const [lo, hi] = min <= max ? [min, max] : [max, min];
  if (hi === 0) return { kind: 'immediate', text };
  return {
    kind: 'months',
    minMonths: months(lo * MONTHS_PER[unit]),
    maxMonths: months(hi * MONTHS_PER[unit]),
    stated: { min: lo, max: hi, unit },
    text,
    ...(notes.length ? { flag: notes.join('; ') } : {}),
  };
}

function releaseAnswer(r: RegExpMatchArray, text: string): LeadTimeAnswer {
  const month = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(r[2]!.slice(0, 3))) + 1;
  const year = Number(r[3]);
  const day = r[1] === undefined ? undefined : Number(r[1]);
  const valid = day === undefined || (day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate());
  if (!valid) return { kind: 'unreadable', text, flag: `${r[0]} is not a date` };
  return { kind: 'release', release: day === undefined ? { year, month } : { year, month, day }, text };
}

function unitOf(word: string): DurationUnit {
  if (word.startsWith('d')) return 'days';
  if (word.startsWith('w')) return 'weeks';
  if (word.startsWith('y')) return 'years';
  return 'months';
}

function numberOf(word: string): number {
  return NUMBER_WORDS[word] ?? Number(word);
}

/** Display text the project writes; parsing it gives the same kind and figures back. */
export function formatLeadTime(a: LeadTimeAnswer): string {
  switch (a.kind) {
    case 'months': {
      const { min, max, unit } = a.stated;
      const figures = min === max ? String(min) : `${min}–${max}`;
      const singular = min === max && min === 1;
      return `${figures} ${singular ? unit.slice(0, -1) : unit}`;
    }
    case 'immediate':
      return 'Immediately';
    case 'not-implementing':
      return 'Would not implement';
    case 'as-proposed':
      return 'As proposed';
    case 'no-view':
      return '-';
    case 'release':
      return formatRelease(a.release);
    case 'unreadable':
      return a.text;
    default: {
      const never: never = a;
      return never;
    }
  }
}

export function formatRelease(r: ReleaseRef): string {
  const name = `${MONTH_NAMES[r.month - 1]} ${r.year}`;
  return r.day === undefined ? `${name} release` : `${r.day} ${name}`;
}

/** The months the timeline uses: immediate is 0, a stated duration is its range; other kinds have none. */
export function leadTimeRange(a: LeadTimeAnswer): { min: Months; max: Months } | null {
  if (a.kind === 'months') return { min: a.minMonths, max: a.maxMonths };
  if (a.kind === 'immediate') return { min: months(0), max: months(0) };
  return null;
}

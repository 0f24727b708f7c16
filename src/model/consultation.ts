/**
 * The typed form of one collated consultation (an "Annex D"), whatever document it was read from.
 * Every answer keeps where it came from so each number can be traced to its source text.
 */

export interface Modification {
  /** e.g. "MP207"; empty when the document does not say. */
  readonly id: string;
  readonly title: string;
}

export interface Question {
  readonly number: number;
  readonly text: string;
  /** Column headings of the question's table, as written. */
  readonly columns: readonly string[];
  /** 1-based line of the question heading (or of its first table when there is no heading). */
  readonly line: number;
}

export interface Respondent {
  /** Stable across imports of the same document and across input order: derived from the name. */
  readonly id: string;
  readonly name: string;
  readonly category: string;
}

export interface SourceSpan {
  /** 1-based, inclusive. */
  readonly firstLine: number;
  readonly lastLine: number;
  /** The lines as they stood in the document, HTML and all. */
  readonly raw: string;
}

export interface Answer {
  readonly question: number;
  readonly respondentId: string;
  /** Plain text (HTML reduced, paragraphs kept as line breaks). Empty when the table has no such column. */
  readonly response: string;
  readonly rationale: string;
  /** Further columns such as "SECAS Response", by heading. */
  readonly extra: Readonly<Record<string, string>>;
  readonly source: SourceSpan;
}

export type Severity = 'error' | 'warning' | 'info';

/** Something the reader could not take at face value: where, what text, and why. */
export interface Finding {
  readonly severity: Severity;
  /** 1-based source line, 0 when it concerns the whole document. */
  readonly line: number;
  readonly text: string;
  readonly message: string;
  /** The answer it is about, when it is about one respondent's answer: for a title and a fix. */
  readonly about?: FindingSubject;
}

export interface FindingSubject {
  readonly respondentId: string;
  readonly respondent: string;
  readonly question: number;
  readonly role: 'cost' | 'lead time';
}

/** "Utilita Energy Ltd, question 4 (cost)": how a finding about one answer is titled, and how its message starts. */
export function subjectTitle(s: FindingSubject): string {
  return `${s.respondent}, question ${s.question} (${s.role})`;
}

export interface Consultation {
  readonly source: { readonly name: string; readonly format: 'annex-text' };
  readonly modification: Modification;
  /** e.g. "Refinement Consultation". */
  readonly title: string;
  readonly questions: readonly Question[];
  readonly respondents: readonly Respondent[];
  /** At most one for each respondent and question: a reader keeps the first and reports the rest. */
  readonly answers: readonly Answer[];
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;
const COMBINING_MARK = /[\u0300-\u036f]/g;
/** A run of an id's characters: a–z and 0–9, and letters and digits of scripts other than Latin. */
const ID_RUN = /(?:[a-z0-9]|(?!\p{Script=Latin})[\p{L}\p{N}])+/gu;
const HYPHEN = 0x2d;
/** An id's characters as it is built (a longer name has its own); decoded into the id's one string. */
const SCRATCH = new Uint16Array(256);
/** Views of the scratch's first characters, one per length, made once: a view for each id was a megabyte of garbage in 10,000 names. */
const SCRATCH_VIEWS: Uint16Array[] = [];
const UTF16 = new TextDecoder('utf-16le');

/**
 * A stable id from a respondent's name: lower case, its runs of letters and digits joined by
 * hyphens. Latin letters lose their accents and a–z and 0–9 are kept; letters of other scripts are
 * kept as they are (Газпром Ltd is "газпром-ltd"), so names in another script never share an id.
 */
export function respondentId(name: string): string {
  if (!ASCII.test(name)) return name.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase().match(ID_RUN)?.join('-') || 'respondent';
  // Most names are ASCII: one pass, building only the id (regular expressions made three strings a name).
  const codes = name.length <= SCRATCH.length ? SCRATCH : new Uint16Array(name.length);
  let length = 0;
  let gap = false;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      if (gap && length > 0) codes[length++] = HYPHEN;
      codes[length++] = c;
      gap = false;
    } else gap = true;
  }
  if (length === 0) return 'respondent';
  return UTF16.decode(codes === SCRATCH ? (SCRATCH_VIEWS[length] ??= SCRATCH.subarray(0, length)) : codes.subarray(0, length));
}

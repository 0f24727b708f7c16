import { CELL_TEXT_LIMIT, cleanText } from '../model/answerText';
import {
  respondentId,
  type Answer,
  type Consultation,
  type Finding,
  type Question,
  type Respondent,
} from '../model/consultation';
import { htmlToPlainText, wrappedText } from './htmlText';
import { isSettled } from './settledText';

/**
 * Reads the collated text form of an Annex D: markdown-style headings, and one tab-separated
 * table per question, repeated with its "Question N" label and header row at every page break.
 * Never throws on bad text: what it cannot take at face value becomes a finding.
 */

export interface ReadResult {
  readonly consultation: Consultation;
  readonly findings: readonly Finding[];
}

/** Larger documents are refused rather than read slowly: a collation is a few hundred kilobytes. */
export const MAX_DOCUMENT_CHARS = 10_000_000;

type Role = 'respondent' | 'category' | 'response' | 'rationale' | 'extra';

interface Table {
  readonly question: number;
  readonly headings: readonly string[];
  readonly roles: readonly Role[];
  /** The column of each role but the extra ones, -1 when the table has none. */
  readonly at: Readonly<Record<Exclude<Role, 'extra'>, number>>;
  /** The columns of the extra roles, in order. */
  readonly extras: readonly number[];
  readonly rows: Row[];
}

interface Row {
  /**
   * Cell fragments per column, one per physical line the row spans that has text in the column:
   * the first in `cells`, read ('' when there is none yet), any later ones (a row continued over a
   * page break) in `more`, as written. The first pieces are read once, to place the row, and used
   * again to collate it; the row keeps no copy of them as written.
   */
  readonly cells: (CellRead | string)[];
  more: (string[] | undefined)[] | null;
  readonly firstLine: number;
  lastLine: number;
  /** The lines as written, joined by line breaks. */
  raw: string;
}

/** A piece of a cell read from its markup, with its text on one line and with its paragraphs, each worked out when first wanted. */
interface CellRead {
  /** The text without markup (htmlToPlainText). */
  readonly text: string;
  readonly foreignTags: readonly string[];
  line?: string;
  piece?: string;
}

// "(?:\S.*)?" rather than ".*" after a run of spaces: the run can then end in one place only, so a
// line that fails to match (a line separator inside it) fails in linear time, not quadratic.
const HEADING = /^#{1,6}\s+((?:\S.*)?)$/;
const QUESTION_HEADING = /^question\s+(\d{1,3})\s*(?:[:.)\-–—]\s*)?((?:\S.*)?)$/i;
const TABLE_LABEL = /^question\s+(\d{1,3})$/i;
// The whole first cell of a header row; a respondent called "Respondent 12 Ltd" is data.
const HEADER_FIRST_CELL = /^(?:respondents?|respondent name|organi[sz]ation|name)$/i;
const HASH = 0x23;
/** The extra columns of a table that has none: one object for every answer (answers are never changed). */
const NO_EXTRA: Record<string, string> = Object.freeze({}) as Record<string, string>;
const WHITESPACE_RUN = /\s+/g;
/** Whitespace other than single spaces, which making every run one space changes. */
const SPACING = /[^\S ]|\s\s/;
const oneSpaced = (text: string) => (SPACING.test(text) ? text.replace(WHITESPACE_RUN, ' ') : text);
const LINE_BREAKS = /\n/g;
const EDGE_STARS = /^\*+|(?<!\*)\*+$/g;
export const MODIFICATION_ID = /\b((?:SECMP|MP|DP|CP)\s?\d{1,4}[A-Z]?)\b/;

export function readAnnexText(input: string, sourceName: string): ReadResult {
  const findings: Finding[] = [];
  const empty: Consultation = {
    source: { name: sourceName, format: 'annex-text' },
    modification: { id: '', title: '' },
    title: '',
    questions: [],
    respondents: [],
    answers: [],
  };
  const refusal = refuse(input);
  if (refusal) return { consultation: empty, findings: [{ severity: 'error', line: 0, text: '', message: refusal }] };

  const text = input.replace(/^\ufeff/, '');
  const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  // A copy that lost its tabs keeps the columns as runs of spaces; read those instead, and say so.
  const spaced = !input.includes('\t');
  const splitCells = (line: string): string[] => {
    if (!spaced) return tabCells(line);
    const cells = line.trim().split(/ {2,}|\u00a0{2,}/);
    // An indented line continues the row above: its text belongs to the last column.
    return /^\s{2,}\S/.test(line) && table ? [...(table as Table).headings.map(() => '').slice(1), cells.join(' ')] : cells;
  };
  const questions = new Map<number, { text: string; line: number }>();
  const tables = new Map<number, Table>();
  let modification = { id: '', title: '' };
  let title = '';
  let heading: number | null = null;
  let table: Table | null = null;
  let pendingLabel: { question: number; line: number } | null = null;
  let inRows = false;

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const n = index + 1;
    const trimmed = line.trim();
    const h = trimmed.charCodeAt(0) === HASH ? HEADING.exec(trimmed) : null;
    if (h) {
      inRows = false;
      table = null;
      pendingLabel = null;
      const headingText = stripMarkup(h[1]!);
      const q = QUESTION_HEADING.exec(headingText);
      if (q) {
        heading = Number(q[1]);
        if (!questions.has(heading)) questions.set(heading, { text: q[2]!.trim(), line: n });
      } else if (!modification.id && MODIFICATION_ID.test(headingText)) {
        modification = modificationFrom(headingText);
      } else if (!title && /consultation/i.test(headingText)) {
        // The lookbehind starts the match only where a run of spaces starts: linear on long runs.
        title = headingText.replace(/(?<!\s)\s+responses?$/i, '').trim();
      }
      continue;
    }
    const cells = splitCells(line);
    const firstRead = readCell(cells[0] ?? '');
    const first = lineOf(firstRead);
    const label = TABLE_LABEL.exec(first);
    if (label && cells.slice(1).every((c) => c.trim() === '')) {
      pendingLabel = { question: Number(label[1]), line: n };
      inRows = false;
      continue;
    }
    if (HEADER_FIRST_CELL.test(first) && cells.length > 1) {
      const number = pendingLabel?.question ?? heading;
      if (number === null) {
        findings.push({ severity: 'error', line: n, text: line, message: 'a table header with no question above it: its rows were not read' });
        table = null;
        inRows = false;
        continue;
      }
      if (pendingLabel && heading !== null && pendingLabel.question !== heading) {
        findings.push({ severity: 'warning', line: pendingLabel.line, text: `Question ${pendingLabel.question}`, message: `table labelled question ${pendingLabel.question} sits under the heading of question ${heading}: read as question ${pendingLabel.question}` });
      }
      if (!questions.has(number)) {
        questions.set(number, { text: '', line: n });
        findings.push({ severity: 'warning', line: n, text: line, message: `question ${number} has a table but no heading with its wording` });
      }
      const headings = cells.map(stripMarkup);
      const existing = tables.get(number);
      if (existing && existing.headings.join('\t') !== headings.join('\t')) {
        findings.push({ severity: 'warning', line: n, text: line, message: `question ${number}'s table changes its columns after a page break: read with the first header` });
      }
      table = existing ?? newTable(number, headings);
      tables.set(number, table);
      inRows = true;
      continue;
    }
    if (trimmed === '') {
      inRows = false;
      continue;
    }
    if (!inRows || !table) continue;
    readRow(table as Table, cells, line, n, findings, firstRead);
  }

  const { respondents, answers } = collate([...tables.values()], findings);
  const questionList: Question[] = [...questions.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, q]) => ({ number, text: q.text, line: q.line, columns: tables.get(number)?.headings ?? [] }));
  for (const q of questionList) {
    if (!tables.has(q.number)) {
      findings.push({ severity: 'warning', line: q.line, text: q.text, message: `question ${q.number} has no table of answers` });
    }
  }
  if (tables.size === 0) {
    findings.push({ severity: 'error', line: 0, text: '', message: 'no question tables found: expected a tab-separated header row starting "Respondent"' });
  } else if (spaced) {
    findings.push({ severity: 'info', line: 0, text: '', message: 'the document has no tabs: its columns were read from runs of two or more spaces; check the Responses sheet' });
  }
  return {
    consultation: { ...empty, modification, title, questions: questionList, respondents, answers },
    findings: findings.sort((a, b) => a.line - b.line),
  };
}

/**
 * A line's tab-separated cells, as line.split('\t') gives them in twice the time on a collation's
 * short cells. The array is made at its size: the row keeps it, and one grown a cell at a time is
 * three times as large.
 */
function tabCells(line: string): string[] {
  let count = 1;
  for (let tab = line.indexOf('\t'); tab >= 0; tab = line.indexOf('\t', tab + 1)) count++;
  if (count === 1) return [line];
  const cells = new Array<string>(count);
  let start = 0;
  for (let i = 0; i < count - 1; i++) {
    const tab = line.indexOf('\t', start);
    cells[i] = line.slice(start, tab);
    start = tab + 1;
  }
  cells[count - 1] = line.slice(start);
  return cells;
}

function refuse(input: string): string | null {
  if (input.length > MAX_DOCUMENT_CHARS) {
    return `the document is ${(input.length / 1e6).toFixed(1)} million characters; the limit is ${MAX_DOCUMENT_CHARS / 1e6} million`;
  }
  const sample = input.slice(0, 65536);
  // Control characters other than tab and line breaks mean binary content.
  // eslint-disable-next-line no-control-regex
  const control = sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  // A few stray control characters are damage to clean up; many mean the file is not text.
  if (sample.includes('\u0000') || control > Math.max(16, sample.length / 100)) return 'the file is not a text document (binary content)';
  if (input.trim() === '') return 'the document is empty';
  return null;
}

function newTable(question: number, headings: readonly string[]): Table {
  const roles = rolesOf(headings);
  return {
    question,
    headings,
    roles,
    at: { respondent: roles.indexOf('respondent'), category: roles.indexOf('category'), response: roles.indexOf('response'), rationale: roles.indexOf('rationale') },
    extras: roles.flatMap((role, i) => (role === 'extra' ? [i] : [])),
    rows: [],
  };
}

function rolesOf(headings: readonly string[]): Role[] {
  const taken = new Set<Role>();
  return headings.map((h) => {
    const role = roleOf(h);
    if (role !== 'extra' && taken.has(role)) return 'extra';
    taken.add(role);
    return role;
  });
}

function roleOf(heading: string): Role {
  const h = heading.toLowerCase();
  if (/^(?:respondent|organisation|organization|name)\b/.test(h)) return 'respondent';
  if (/^(?:category|party category|respondent category|type)\b/.test(h)) return 'category';
  if (/^(?:response|answer)\b/.test(h)) return 'response';
  if (/^(?:rationale|comments?|reasons?|further comments)\b/.test(h)) return 'rationale';
  return 'extra';
}

/** `firstRead` is the first cell as the caller read it, so that it is not read twice. */
function readRow(table: Table, rawCells: string[], line: string, n: number, findings: Finding[], firstRead: CellRead | string): void {
  const width = table.headings.length;
  const cells = rawCells.length === width ? rawCells : rawCells.slice(0, width);
  while (cells.length < width) cells.push('');
  if (rawCells.length > width) {
    const spill = rawCells.slice(width).filter((c) => c.trim() !== '');
    if (spill.length) {
      cells[width - 1] = [cells[width - 1], ...spill].join(' ');
      findings.push({ severity: 'warning', line: n, text: spill.join(' '), message: `row has more cells than the ${width} headings: the extra text was added to "${table.headings[width - 1]}"` });
    }
  }
  // The cells that place the row (each read once; a row continues the one above when it has no
  // respondent, or neither a category nor a response), then, for a new row, all its cells read in place.
  const { respondent: ri, category: ci, response: si } = table.at;
  const first = cells[0] === rawCells[0] ? firstRead : readCell(cells[0]!);
  const respondent = ri < 0 ? null : ri === 0 ? first : readCell(cells[ri]!);
  const category = ci < 0 ? null : ci === 0 ? first : readCell(cells[ci]!);
  const response = si < 0 ? null : si === 0 ? first : readCell(cells[si]!);
  const continuation = (respondent !== null && lineOf(respondent) === '') || (category !== null && lineOf(category) === '' && (response === null || lineOf(response) === ''));
  if (continuation) {
    const previous = table.rows[table.rows.length - 1];
    if (!previous) {
      findings.push({ severity: 'error', line: n, text: line.trim(), message: `question ${table.question}: a continuation row with no row above it: not read` });
      return;
    }
    cells.forEach((c, i) => {
      if (c.trim() === '') return;
      if (previous.cells[i] !== '') ((previous.more ??= [])[i] ??= []).push(c);
      else previous.cells[i] = readCell(c);
    });
    previous.lastLine = n;
    previous.raw = `${previous.raw}\n${line}`;
    return;
  }
  // The row keeps its cells as read, in the array that held them as written.
  const read: (CellRead | string)[] = cells;
  for (let i = 0; i < width; i++) read[i] = i === ri ? respondent! : i === ci ? category! : i === si ? response! : i === 0 ? first : readCell(cells[i]!);
  table.rows.push({ cells: read, more: null, firstLine: n, lastLine: n, raw: line });
}

function collate(tables: readonly Table[], findings: Finding[]): { respondents: Respondent[]; answers: Answer[] } {
  // Each respondent, with the last question they had a row in (tables are read in question order).
  type Known = { readonly respondent: Respondent; question: number };
  const respondents = new Map<string, Known>();
  const answers: Answer[] = [];
  // Questions list their respondents in the same order, mostly: a row whose name is the one in the
  // same place in the table before is that respondent, without working out their id again.
  let before: Known[] = [];
  for (const table of [...tables].sort((a, b) => a.question - b.question)) {
    const { at } = table;
    const order: Known[] = [];
    for (const row of table.rows) {
      const name = lineText(row, at.respondent, 'respondent', findings);
      const category = lineText(row, at.category, 'category', findings);
      let known = before[order.length];
      if (known?.respondent.name !== name) {
        const id = respondentId(name);
        known = respondents.get(id);
        if (!known) {
          respondents.set(id, (known = { respondent: { id, name, category }, question: NaN }));
          if (!category) findings.push({ severity: 'warning', line: row.firstLine, text: name, message: `${name} has no category` });
        }
      }
      order.push(known);
      if (category && known.respondent.category !== category) {
        const kept = known.respondent.category;
        findings.push({ severity: 'warning', line: row.firstLine, text: `${name}: ${category}`, message: `${name} is "${kept}" elsewhere and "${category}" in question ${table.question}: kept "${kept}"` });
      }
      if (known.question === table.question) {
        findings.push({ severity: 'warning', line: row.firstLine, text: row.raw, message: `${name} answers question ${table.question} twice: the second answer was not used` });
        continue;
      }
      known.question = table.question;
      const response = cellText(row, at.response, 'response', findings);
      const rationale = cellText(row, at.rationale, 'rationale', findings);
      if (response.length > CELL_TEXT_LIMIT) findings.push(tooLong(name, 'response', table.question, response, row));
      if (rationale.length > CELL_TEXT_LIMIT) findings.push(tooLong(name, 'rationale', table.question, rationale, row));
      let extra: Record<string, string> = NO_EXTRA;
      if (table.extras.length) {
        extra = {};
        for (const i of table.extras) extra[table.headings[i]!] = cellText(row, i, 'extra', findings);
      }
      answers.push({
        question: table.question,
        respondentId: known.respondent.id,
        response,
        rationale,
        extra,
        source: { firstLine: row.firstLine, lastLine: row.lastLine, raw: row.raw },
      });
    }
    before = order;
  }
  return { respondents: [...respondents.values()].map((r) => r.respondent), answers };
}

function tooLong(name: string, role: Role, question: number, value: string, row: Row): Finding {
  return { severity: 'warning', line: row.firstLine, text: `${value.slice(0, 80)}...`, message: `${name}'s ${role} to question ${question} is ${value.length.toLocaleString('en-GB')} characters; the workbook shows the first ${CELL_TEXT_LIMIT.toLocaleString('en-GB')}` };
}

/** A row's text in a column (empty when the table has no such column). */
function cellText(row: Row, column: number, role: Role, findings: Finding[]): string {
  if (column < 0) return '';
  const first = row.cells[column]!;
  const more = row.more?.[column];
  // Most cells are one piece.
  if (!more) return pieceOf(first, row.firstLine, findings);
  return joinFragments([first, ...more.map(readCell)], role, row, findings);
}

/** A name or category on one line, one space between words (as a cell read as settled text already is). */
function lineText(row: Row, column: number, role: Role, findings: Finding[]): string {
  const text = cellText(row, column, role, findings);
  return typeof row.cells[column] === 'string' && !row.more?.[column] ? text : oneSpaced(text);
}

/**
 * Joins the pieces of a cell split over a page break. A name continues with a space; text
 * continues the same paragraph when the first piece stops mid-sentence, else starts a new one.
 */
function joinFragments(fragments: readonly (CellRead | string)[], role: Role, row: Row, findings: Finding[]): string {
  // Joined once at the end: testing the text built so far at every piece made many pieces quadratic.
  const parts: string[] = [];
  let last = '';
  for (const fragment of fragments) {
    const piece = pieceOf(fragment, row.firstLine, findings);
    if (!piece) continue;
    if (last) parts.push(role === 'respondent' || role === 'category' || (!/[.!?:;)"']$/.test(last) && /^[a-z]/.test(piece)) ? ' ' : '\n');
    parts.push(piece);
    last = piece;
  }
  return parts.join('');
}

/**
 * A cell read from its markup. Most cells are plain words, or become them once their tags are
 * gone: then they are their own line and piece, and the read is that text alone.
 */
function readCell(cell: string): CellRead | string {
  if (isSettled(cell)) return cell;
  // Blank, as an empty cell is.
  if (cell.trim() === '') return '';
  const wrapped = wrappedText(cell);
  if (wrapped !== null && isSettled(wrapped)) return wrapped;
  const { text, foreignTags } = htmlToPlainText(cell);
  if (isSettled(text)) return foreignTags.length ? { text, foreignTags, line: text, piece: text } : text;
  return { text, foreignTags, line: undefined, piece: undefined };
}

/** The cell on one line (stripMarkup). */
function lineOf(read: CellRead | string): string {
  return typeof read === 'string' ? read : (read.line ??= oneLine(read.text));
}

/** One piece of a cell as plain text with its paragraphs, each tag that is not formatting a finding. */
function pieceOf(read: CellRead | string, line: number, findings: Finding[]): string {
  if (typeof read === 'string') return read;
  for (const tag of read.foreignTags) {
    findings.push({ severity: 'warning', line, text: tag, message: 'markup that is not formatting was kept as text' });
  }
  return (read.piece ??= cleanMultiline(read.text));
}

function cleanMultiline(text: string): string {
  if (!text.includes('\n')) return cleanText(text);
  return text
    .split('\n')
    .map(cleanText)
    .filter((l) => l !== '')
    .join('\n');
}

/** A cell's text on one line, without markup or the asterisks of bold in markdown. */
function stripMarkup(cell: string): string {
  return oneLine(htmlToPlainText(cell).text);
}

function oneLine(plain: string): string {
  let text = plain;
  if (text.includes('\n')) text = text.replace(LINE_BREAKS, ' ');
  if (text.includes('*')) text = text.replace(EDGE_STARS, '');
  return cleanText(text);
}

function modificationFrom(heading: string): { id: string; title: string } {
  const id = MODIFICATION_ID.exec(heading)![1]!.replace(/\s/g, '');
  const quoted = quotedText(heading);
  const title = quoted ?? heading.replace(MODIFICATION_ID, '').replace(/^[\s:–—-]+/, '');
  return { id, title: title.trim() };
}

/**
 * The first quoted text in a heading (a modification's title). Searched only up to the last
 * closing quote: a long run of opening quotes with no closing one is then one pass, not one per quote.
 */
export function quotedText(text: string): string | undefined {
  const end = Math.max(...["'", '’', '"', '”'].map((q) => text.lastIndexOf(q)));
  return /['‘"“]([^'’"”]+)['’"”]/.exec(text.slice(0, end + 1))?.[1];
}

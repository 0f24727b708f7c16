import { CELL_TEXT_LIMIT, cleanText } from '../model/answerText';
import {
  respondentId,
  type Answer,
  type Consultation,
  type Finding,
  type Question,
  type Respondent,
} from '../model/consultation';
import { htmlToPlainText } from './htmlText';

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
  readonly rows: Row[];
}

interface Row {
  /** Cell fragments per column: one per physical line the row spans. */
  readonly cells: string[][];
  readonly firstLine: number;
  lastLine: number;
  readonly raw: string[];
}

// "(?:\S.*)?" rather than ".*" after a run of spaces: the run can then end in one place only, so a
// line that fails to match (a line separator inside it) fails in linear time, not quadratic.
const HEADING = /^#{1,6}\s+((?:\S.*)?)$/;
const QUESTION_HEADING = /^question\s+(\d{1,3})\s*(?:[:.)\-–—]\s*)?((?:\S.*)?)$/i;
const TABLE_LABEL = /^question\s+(\d{1,3})$/i;
// The whole first cell of a header row; a respondent called "Respondent 12 Ltd" is data.
const HEADER_FIRST_CELL = /^(?:respondents?|respondent name|organi[sz]ation|name)$/i;
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

  const lines = input.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  // A copy that lost its tabs keeps the columns as runs of spaces; read those instead, and say so.
  const spaced = !input.includes('\t');
  const splitCells = (line: string): string[] => {
    if (!spaced) return line.split('\t');
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

  lines.forEach((line, index) => {
    const n = index + 1;
    const h = HEADING.exec(line.trim());
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
      return;
    }
    const cells = splitCells(line);
    const first = stripMarkup(cells[0] ?? '');
    const label = TABLE_LABEL.exec(first);
    if (label && cells.slice(1).every((c) => c.trim() === '')) {
      pendingLabel = { question: Number(label[1]), line: n };
      inRows = false;
      return;
    }
    if (HEADER_FIRST_CELL.test(first) && cells.length > 1) {
      const number = pendingLabel?.question ?? heading;
      if (number === null) {
        findings.push({ severity: 'error', line: n, text: line, message: 'a table header with no question above it: its rows were not read' });
        table = null;
        inRows = false;
        return;
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
      table = existing ?? { question: number, headings, roles: rolesOf(headings), rows: [] };
      tables.set(number, table);
      inRows = true;
      return;
    }
    if (line.trim() === '') {
      inRows = false;
      return;
    }
    if (!inRows || !table) return;
    readRow(table as Table, cells, line, n, findings);
  });

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

function readRow(table: Table, rawCells: string[], line: string, n: number, findings: Finding[]): void {
  const width = table.headings.length;
  const cells = rawCells.slice(0, width);
  while (cells.length < width) cells.push('');
  if (rawCells.length > width) {
    const spill = rawCells.slice(width).filter((c) => c.trim() !== '');
    if (spill.length) {
      cells[width - 1] = [cells[width - 1], ...spill].join(' ');
      findings.push({ severity: 'warning', line: n, text: spill.join(' '), message: `row has more cells than the ${width} headings: the extra text was added to "${table.headings[width - 1]}"` });
    }
  }
  const cellOf = (role: Role) => {
    const i = table.roles.indexOf(role);
    return i < 0 ? null : stripMarkup(cells[i]!);
  };
  const respondent = cellOf('respondent');
  const category = cellOf('category');
  const response = cellOf('response');
  const continuation = respondent === '' || (category === '' && (response ?? '') === '');
  const previous = table.rows[table.rows.length - 1];
  if (continuation) {
    if (!previous) {
      findings.push({ severity: 'error', line: n, text: line.trim(), message: `question ${table.question}: a continuation row with no row above it: not read` });
      return;
    }
    cells.forEach((c, i) => {
      if (c.trim() !== '') previous.cells[i]!.push(c);
    });
    previous.lastLine = n;
    previous.raw.push(line);
    return;
  }
  table.rows.push({ cells: cells.map((c) => (c.trim() === '' ? [] : [c])), firstLine: n, lastLine: n, raw: [line] });
}

function collate(tables: readonly Table[], findings: Finding[]): { respondents: Respondent[]; answers: Answer[] } {
  const respondents = new Map<string, Respondent>();
  const answers: Answer[] = [];
  const seen = new Set<string>();
  for (const table of [...tables].sort((a, b) => a.question - b.question)) {
    for (const row of table.rows) {
      const text = (role: Role) => {
        const i = table.roles.indexOf(role);
        return i < 0 ? '' : joinFragments(row.cells[i]!, role, row, findings);
      };
      const name = text('respondent').replace(/\s+/g, ' ');
      const category = text('category').replace(/\s+/g, ' ');
      const id = respondentId(name);
      const known = respondents.get(id);
      if (!known) {
        respondents.set(id, { id, name, category });
        if (!category) findings.push({ severity: 'warning', line: row.firstLine, text: name, message: `${name} has no category` });
      } else if (category && known.category !== category) {
        findings.push({ severity: 'warning', line: row.firstLine, text: `${name}: ${category}`, message: `${name} is "${known.category}" elsewhere and "${category}" in question ${table.question}: kept "${known.category}"` });
      }
      const key = `${table.question}\u0000${id}`;
      if (seen.has(key)) {
        findings.push({ severity: 'warning', line: row.firstLine, text: row.raw.join('\n'), message: `${name} answers question ${table.question} twice: the second answer was not used` });
        continue;
      }
      seen.add(key);
      const response = text('response');
      const rationale = text('rationale');
      for (const [role, value] of [['response', response], ['rationale', rationale]] as const) {
        if (value.length > CELL_TEXT_LIMIT) {
          findings.push({ severity: 'warning', line: row.firstLine, text: `${value.slice(0, 80)}...`, message: `${name}'s ${role} to question ${table.question} is ${value.length.toLocaleString('en-GB')} characters; the workbook shows the first ${CELL_TEXT_LIMIT.toLocaleString('en-GB')}` });
        }
      }
      const extra: Record<string, string> = {};
      table.roles.forEach((role, i) => {
        if (role === 'extra') extra[table.headings[i]!] = joinFragments(row.cells[i]!, role, row, findings);
      });
      answers.push({
        question: table.question,
        respondentId: id,
        response,
        rationale,
        extra,
        source: { firstLine: row.firstLine, lastLine: row.lastLine, raw: row.raw.join('\n') },
      });
    }
  }
  return { respondents: [...respondents.values()], answers };
}

/**
 * Joins the pieces of a cell split over a page break. A name continues with a space; text
 * continues the same paragraph when the first piece stops mid-sentence, else starts a new one.
 */
function joinFragments(fragments: readonly string[], role: Role, row: Row, findings: Finding[]): string {
  // Joined once at the end: testing the text built so far at every piece made many pieces quadratic.
  const parts: string[] = [];
  let last = '';
  for (const fragment of fragments) {
    const plain = htmlToPlainText(fragment);
    for (const tag of plain.foreignTags) {
      findings.push({ severity: 'warning', line: row.firstLine, text: tag, message: 'markup that is not formatting was kept as text' });
    }
    const piece = cleanMultiline(plain.text);
    if (!piece) continue;
    if (last) parts.push(role === 'respondent' || role === 'category' || (!/[.!?:;)"']$/.test(last) && /^[a-z]/.test(piece)) ? ' ' : '\n');
    parts.push(piece);
    last = piece;
  }
  return parts.join('');
}

function cleanMultiline(text: string): string {
  return text
    .split('\n')
    .map(cleanText)
    .filter((l) => l !== '')
    .join('\n');
}

function stripMarkup(cell: string): string {
  return cleanText(htmlToPlainText(cell).text.replace(/\n/g, ' ').replace(/^\*+|(?<!\*)\*+$/g, ''));
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

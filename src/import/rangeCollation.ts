import { cleanText } from '../model/answerText';
import { respondentId, type Answer, type Consultation, type Finding, type Question, type Respondent } from '../model/consultation';
import type { ReadResult } from './annexText';
import { htmlToPlainText } from './htmlText';

/**
 * Reads answers a modeller pasted into a worksheet: a header row naming Respondent, Category,
 * Question and Response (and optionally Rationale) columns, matched loosely, then one row per
 * answer. The Question column holds a number ("4", "Q4") or the question's wording, or both
 * ("Question 4: Will your organisation incur any costs?"). Row numbers are the range's, from 1.
 */
export function readRangeCollation(values: readonly (readonly unknown[])[], sourceName: string): ReadResult {
  const findings: Finding[] = [];
  const empty: Consultation = { source: { name: sourceName, format: 'annex-text' }, modification: { id: '', title: '' }, title: '', questions: [], respondents: [], answers: [] };
  const headerIndex = values.findIndex((row) => row.some((c) => /^\s*respondent/i.test(String(c ?? ''))));
  if (headerIndex < 0) {
    return { consultation: empty, findings: [{ severity: 'error', line: 0, text: '', message: 'the selected range has no header row with a "Respondent" column' }] };
  }
  const headers = values[headerIndex]!.map((c) => String(c ?? '').trim().toLowerCase());
  const column = (pattern: RegExp) => headers.findIndex((h) => pattern.test(h));
  const cols = {
    respondent: column(/^respondent|^organi[sz]ation|^name/),
    category: column(/^(?:respondent |party )?category|^type/),
    question: column(/^q(?:uestion)?\b|^question/),
    response: column(/^response|^answer/),
    rationale: column(/^rationale|^comments?|^reason/),
  };
  const missing = (['respondent', 'question', 'response'] as const).filter((k) => cols[k] < 0);
  if (missing.length) {
    return { consultation: empty, findings: [{ severity: 'error', line: headerIndex + 1, text: headers.join(' | '), message: `the selected range has no ${missing.join(', ')} column` }] };
  }

  const questions = new Map<number, Question>();
  const respondents = new Map<string, Respondent>();
  const answers: Answer[] = [];
  const answered = new Set<string>();
  const cell = (row: readonly unknown[], i: number) => (i < 0 ? '' : cleanText(htmlToPlainText(String(row[i] ?? '')).text));
  values.slice(headerIndex + 1).forEach((row, offset) => {
    const line = headerIndex + 2 + offset;
    const name = cell(row, cols.respondent);
    const questionText = cell(row, cols.question);
    if (!name && !questionText) return;
    // The wording starts at its first character outside the separators, so a cell that fails fails in linear time.
    const numbered = /^(?:q(?:uestion)?\s*)?(\d{1,3})\b[\s:.)-]*((?:[^\s:.)-].*)?)$/i.exec(questionText);
    if (!name || !numbered) {
      findings.push({ severity: 'warning', line, text: row.map((c) => String(c ?? '')).join(' | '), message: !name ? 'a row with no respondent: not read' : `"${questionText}" does not start with a question number: row not read` });
      return;
    }
    const number = Number(numbered[1]);
    const wording = numbered[2]!.trim();
    const known = questions.get(number);
    if (!known || (!known.text && wording)) questions.set(number, { number, text: wording || known?.text || '', columns: values[headerIndex]!.map(String), line });
    const id = respondentId(name);
    if (!respondents.has(id)) respondents.set(id, { id, name, category: cell(row, cols.category) });
    const key = `${number}\u0000${id}`;
    if (answered.has(key)) {
      findings.push({ severity: 'warning', line, text: name, message: `${name} answers question ${number} twice: the second answer was not used` });
      return;
    }
    answered.add(key);
    answers.push({
      question: number,
      respondentId: id,
      response: cell(row, cols.response),
      rationale: cell(row, cols.rationale),
      extra: {},
      source: { firstLine: line, lastLine: line, raw: row.map((c) => String(c ?? '')).join('\t') },
    });
  });
  if (answers.length === 0) findings.push({ severity: 'error', line: 0, text: '', message: 'the selected range has no answers under its header' });
  return {
    consultation: { ...empty, questions: [...questions.values()].sort((a, b) => a.number - b.number), respondents: [...respondents.values()], answers },
    findings,
  };
}

import { cleanText } from '../model/answerText';
import { respondentId, type Answer, type Finding, type Question, type Respondent } from '../model/consultation';
import { MODIFICATION_ID, quotedText, type ReadResult } from './annexText';
import { htmlToPlainText } from './htmlText';

/**
 * Individual response forms: one document per respondent, read in the collated text layout (a
 * Word form is laid out by the .docx reader first). A form names its respondent and category
 * ("Respondent: EON UK", "Category: Large Supplier", or the same as two-cell table rows), then
 * answers each question either as a heading or line "Question N: wording" followed by
 * "Response:" and "Rationale:" (or "Comments:") lines, or as table rows
 * "Question N [wording] | response | rationale". Several forms collate into one consultation.
 */

export interface ResponseForm {
  readonly sourceName: string;
  readonly text: string;
}

// "(?:\S.*)?" rather than ".*" after spaces, so a line that fails to match fails in linear time.
const FIELD = /^(respondent|organi[sz]ation|company|name|category|party category|respondent category)\s*[:\t]\s*((?:\S.*)?)$/i;
const QUESTION = /^(?:#{1,6}\s*)?(?:question|q)\s*(\d{1,3})\b\s*(?:[:.)\-–]\s*)?((?:\S.*)?)$/i;
const ANSWER_PART = /^(response|answer|rationale|comments?|reasons?)\s*[:\t]\s*((?:\S.*)?)$/i;

interface Draft {
  question: number;
  response: string[];
  rationale: string[];
  line: number;
}

export function readResponseForms(forms: readonly ResponseForm[]): ReadResult {
  const findings: Finding[] = [];
  const questions = new Map<number, Question>();
  const respondents = new Map<string, Respondent>();
  const answers: Answer[] = [];
  let modification = { id: '', title: '' };

  for (const form of forms) {
    const lines = form.text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
    let name = '';
    let category = '';
    const drafts: Draft[] = [];
    let current: Draft | null = null;
    let part: 'response' | 'rationale' = 'response';
    lines.forEach((raw, index) => {
      const line = index + 1;
      const cells = raw.split('\t').map((c) => plain(c));
      const text = plain(raw.replace(/\t+/g, '\t')).replace(/\t/g, ' ');
      if (!text) return;
      if (!modification.id && MODIFICATION_ID.test(text) && /^#/.test(raw.trim())) {
        modification = { id: MODIFICATION_ID.exec(text)![1]!.replace(/\s/g, ''), title: (quotedText(text) ?? '').trim() };
      }
      const field = cells.length > 1 && FIELD.test(`${cells[0]}:`) ? FIELD.exec(`${cells[0]}: ${cells.slice(1).join(' ')}`) : FIELD.exec(text);
      if (field && !QUESTION.test(text)) {
        const value = field[2]!.trim();
        if (/categor/i.test(field[1]!)) category ||= value;
        else name ||= value;
        return;
      }
      const question = QUESTION.exec(cells[0] ?? '');
      if (question) {
        const number = Number(question[1]);
        remember(questions, number, question[2]!.trim(), line);
        if (cells.length > 1) {
          // A table row: question, response, rationale.
          drafts.push({ question: number, response: [cells[1] ?? ''], rationale: [cells.slice(2).join(' ')], line });
          current = null;
        } else {
          current = { question: number, response: [], rationale: [], line };
          drafts.push(current);
          part = 'response';
        }
        return;
      }
      const answerPart = ANSWER_PART.exec(text);
      if (answerPart && current) {
        part = /^(response|answer)/i.test(answerPart[1]!) ? 'response' : 'rationale';
        if (answerPart[2]!.trim()) current[part].push(answerPart[2]!.trim());
        return;
      }
      if (current && (current.response.length || current.rationale.length)) {
        current[part].push(text);
        return;
      }
      if (current) current.response.push(text);
    });

    if (!name) {
      name = form.sourceName.replace(/\.[^.]+$/, '');
      findings.push({ severity: 'warning', line: 0, text: form.sourceName, message: `${form.sourceName} names no respondent: the file name was used` });
    }
    const id = respondentId(name);
    if (respondents.has(id)) {
      findings.push({ severity: 'warning', line: 0, text: form.sourceName, message: `${form.sourceName} is a second form from ${name}: it was not used` });
      continue;
    }
    respondents.set(id, { id, name, category });
    if (!category) findings.push({ severity: 'warning', line: 0, text: form.sourceName, message: `${name}'s form gives no category` });
    if (drafts.length === 0) findings.push({ severity: 'error', line: 0, text: form.sourceName, message: `${form.sourceName} answers no question` });
    const answered = new Set<number>();
    for (const d of drafts) {
      if (answered.has(d.question)) {
        findings.push({ severity: 'warning', line: d.line, text: form.sourceName, message: `${name} answers question ${d.question} twice in ${form.sourceName}: the second answer was not used` });
        continue;
      }
      answered.add(d.question);
      answers.push({
        question: d.question,
        respondentId: id,
        response: d.response.join('\n'),
        rationale: d.rationale.filter(Boolean).join('\n'),
        extra: {},
        source: { firstLine: d.line, lastLine: d.line, raw: `${form.sourceName}, line ${d.line}` },
      });
    }
  }
  return {
    consultation: {
      source: { name: forms.map((f) => f.sourceName).join(', '), format: 'annex-text' },
      modification,
      title: '',
      questions: [...questions.values()].sort((a, b) => a.number - b.number),
      respondents: [...respondents.values()],
      answers,
    },
    findings,
  };
}

function remember(questions: Map<number, Question>, number: number, wording: string, line: number): void {
  const known = questions.get(number);
  if (!known || (!known.text && wording)) questions.set(number, { number, text: wording || known?.text || '', columns: [], line });
}

function plain(cell: string): string {
  return cleanText(htmlToPlainText(cell).text.replace(/\n/g, ' '));
}

/**
 * Whether a text reads as one respondent's form rather than a collation: it names a respondent and
 * has no collated table header. The indent before a line's first word is matched within its own
 * line (not "\s*", which runs on over blank lines and made a text of blank lines quadratic).
 */
export function looksLikeResponseForm(text: string): boolean {
  return /^[^\S\n\r\u2028\u2029]*(?:respondent|organi[sz]ation|company)\s*[:\t]/im.test(text) && !/^[^\S\n\r\u2028\u2029]*(?:<b>)?respondents?(?:<\/b>)?\t+category/im.test(text);
}

import { subjectTitle, type Answer, type Consultation, type Finding, type FindingSubject, type Respondent, type SourceSpan } from './consultation';
import { readCostResponse, withRationale, type CostAnswer, type CostReading } from './costAnswer';
import { parseLeadTimeAnswer, type LeadTimeAnswer } from './leadTimeAnswer';
import { identifyQuestionRoles, type QuestionRoles, type RoleOverrides } from './questionRoles';

/** A respondent's cost and lead-time answers as read, each with the answer it came from. */
export interface RespondentResult {
  readonly respondent: Respondent;
  readonly cost: CostAnswer;
  readonly costSource: SourceSpan | null;
  readonly leadTime: LeadTimeAnswer;
  readonly leadTimeSource: SourceSpan | null;
}

export interface Analysis {
  readonly consultation: Consultation;
  readonly roles: QuestionRoles;
  readonly results: readonly RespondentResult[];
  /** Findings about the roles and the answers; the reader's own findings are kept by the caller. */
  readonly findings: readonly Finding[];
}

export function analyseConsultation(consultation: Consultation, overrides: RoleOverrides = {}): Analysis {
  const { roles, findings } = identifyQuestionRoles(consultation.questions, overrides);
  const costRows = answersTo(consultation, roles.costQuestion);
  const leadRows = answersTo(consultation, roles.leadTimeQuestion);

  // Answers repeat ("£100k-£250k", "6 months", "-"): each response is read once (answers are never changed, so they can be shared).
  const costReadings = new Map<string, CostReading>();
  const leadTimes = new Map<string, LeadTimeAnswer>();
  const costOf = (response: string, rationale: string): CostAnswer => {
    let reading = costReadings.get(response);
    if (!reading) costReadings.set(response, (reading = readCostResponse(response)));
    return withRationale(reading, rationale);
  };
  const leadTimeOf = (response: string): LeadTimeAnswer => {
    let answer = leadTimes.get(response);
    if (!answer) leadTimes.set(response, (answer = parseLeadTimeAnswer(response)));
    return answer;
  };
  const results = consultation.respondents.map((respondent, i): RespondentResult => {
    const costRow = costRows(respondent, i);
    const leadRow = leadRows(respondent, i);
    const cost = costRow ? costOf(costRow.response, costRow.rationale) : costOf('', '');
    const leadTime = leadTimeOf(leadRow ? leadRow.response : '');
    note(findings, respondent, 'cost', roles.costQuestion, cost, costRow);
    note(findings, respondent, 'lead time', roles.leadTimeQuestion, leadTime, leadRow);
    return { respondent, cost, costSource: costRow?.source ?? null, leadTime, leadTimeSource: leadRow?.source ?? null };
  });
  return { consultation, roles, results, findings };
}

/**
 * Each respondent's answer to a question (the readers keep one per respondent and question).
 * Questions list their respondents in the order they first appear, mostly: the answer in a
 * respondent's place is theirs when it names them, and answers are looked up by respondent only
 * otherwise.
 */
function answersTo(consultation: Consultation, question: number | null): (respondent: Respondent, index: number) => Answer | undefined {
  if (question === null) return () => undefined;
  const answers = consultation.answers.filter((a) => a.question === question);
  let byRespondent: Map<string, Answer> | undefined;
  return (respondent, index) => {
    const placed = answers[index];
    if (placed?.respondentId === respondent.id) return placed;
    byRespondent ??= new Map(answers.map((a) => [a.respondentId, a]));
    return byRespondent.get(respondent.id);
  };
}

function note(
  findings: Finding[],
  respondent: Respondent,
  what: FindingSubject['role'],
  question: number | null,
  answer: CostAnswer | LeadTimeAnswer,
  row: Answer | undefined,
): void {
  if (question === null) return;
  if (!row) {
    findings.push({ severity: 'warning', line: 0, text: respondent.name, message: `${respondent.name} has no row in question ${question}: ${what} read as no answer` });
    return;
  }
  if (answer.flag === undefined) return;
  const about: FindingSubject = { respondentId: respondent.id, respondent: respondent.name, question, role: what };
  findings.push({
    severity: answer.kind === 'unreadable' ? 'warning' : 'info',
    line: row.source.firstLine,
    text: answer.text,
    message: `${subjectTitle(about)}: ${answer.kind === 'unreadable' ? 'could not be read: ' : ''}${answer.flag}`,
    about,
  });
}

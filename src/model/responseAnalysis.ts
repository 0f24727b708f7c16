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
  // Each respondent's answer to each question (the last, should a respondent answer twice).
  const byQuestion = new Map<number, Map<string, Answer>>();
  for (const a of consultation.answers) {
    let answers = byQuestion.get(a.question);
    if (!answers) byQuestion.set(a.question, (answers = new Map()));
    answers.set(a.respondentId, a);
  }
  const answerTo = (question: number | null, respondentId: string): Answer | undefined =>
    question === null ? undefined : byQuestion.get(question)?.get(respondentId);

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
  const results = consultation.respondents.map((respondent): RespondentResult => {
    const costRow = answerTo(roles.costQuestion, respondent.id);
    const leadRow = answerTo(roles.leadTimeQuestion, respondent.id);
    const cost = costRow ? costOf(costRow.response, costRow.rationale) : costOf('', '');
    const leadTime = leadTimeOf(leadRow ? leadRow.response : '');
    note(findings, respondent, 'cost', roles.costQuestion, cost, costRow);
    note(findings, respondent, 'lead time', roles.leadTimeQuestion, leadTime, leadRow);
    return { respondent, cost, costSource: costRow?.source ?? null, leadTime, leadTimeSource: leadRow?.source ?? null };
  });
  return { consultation, roles, results, findings };
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

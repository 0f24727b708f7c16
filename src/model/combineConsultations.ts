import type { Answer, Consultation, Finding, Question, Respondent } from './consultation';
import type { RoleOverrides } from './questionRoles';
import { analyseConsultation, type Analysis, type RespondentResult } from './responseAnalysis';

/** Question numbers of the second and later consultations are offset by this much, so every question keeps its own row. */
export const QUESTION_OFFSET = 100;

/**
 * Several consultations of one modification (a refinement consultation, then the report-phase
 * one), earliest first. Each is analysed on its own wording; the combined analysis keeps every
 * answer with its consultation, and takes each respondent's cost and lead time from the earliest
 * consultation they answered, or, when `laterSupersedes`, from the latest. Every choice between
 * two answers is a finding, so the modeller sees what was used and what was not.
 */
export function combineConsultations(consultations: readonly Consultation[], laterSupersedes: boolean, overrides: RoleOverrides = {}): Analysis {
  const analyses = consultations.map((c) => analyseConsultation(c, overrides));
  if (analyses.length === 1) return analyses[0]!;
  const label = (i: number) => consultations[i]!.title || `consultation ${i + 1}`;
  const findings: Finding[] = analyses.flatMap((a, i) => a.findings.map((f) => ({ ...f, message: `${label(i)}: ${f.message}` })));

  const questions: Question[] = consultations.flatMap((c, i) => c.questions.map((q) => ({ ...q, number: q.number + i * QUESTION_OFFSET, text: `${label(i)}: ${q.text}` })));
  const answers: Answer[] = consultations.flatMap((c, i) =>
    c.answers.map((a) => ({ ...a, question: a.question + i * QUESTION_OFFSET, extra: { Consultation: label(i), ...a.extra } })),
  );
  const respondents = new Map<string, Respondent>();
  for (const c of consultations) for (const r of c.respondents) if (!respondents.has(r.id)) respondents.set(r.id, r);

  const order = laterSupersedes ? [...analyses.keys()].reverse() : [...analyses.keys()];
  const results: RespondentResult[] = [...respondents.values()].map((respondent) => {
    const answered = order.flatMap((i) => {
      const result = analyses[i]!.results.find((r) => r.respondent.id === respondent.id);
      return result ? [{ i, result }] : [];
    });
    const chosen = answered.find((a) => a.result.cost.kind !== 'none' || a.result.leadTime.kind !== 'no-view') ?? answered[0]!;
    for (const other of answered) {
      if (other === chosen) continue;
      const said = `cost "${other.result.cost.text}", lead time "${other.result.leadTime.text}"`;
      findings.push({
        severity: 'info',
        line: 0,
        text: respondent.name,
        message: `${respondent.name} also answered the ${label(other.i)} (${said}); the ${label(chosen.i)} answers are used${laterSupersedes ? ' (later answers supersede)' : '; choose "later answers supersede" to use the later ones'}`,
      });
    }
    return { ...chosen.result, respondent };
  });

  const first = consultations.find((c) => c.modification.id) ?? consultations[0]!;
  return {
    consultation: {
      source: { name: consultations.map((c) => c.source.name).join(' + '), format: 'annex-text' },
      modification: first.modification,
      title: consultations.map((_, i) => label(i)).join(' + '),
      questions,
      respondents: [...respondents.values()],
      answers,
    },
    roles: analyses[0]!.roles,
    results,
    findings,
  };
}

import type { Finding, Question } from './consultation';

/** Which question asks about costs and which about lead time. Null when none could be told. */
export interface QuestionRoles {
  readonly costQuestion: number | null;
  readonly leadTimeQuestion: number | null;
}

export interface RoleOverrides {
  readonly costQuestion?: number;
  readonly leadTimeQuestion?: number;
}

// Scored wording: the question with the highest score of at least MIN_SCORE takes the role.
const COST_WORDING: ReadonlyArray<readonly [RegExp, number]> = [
  [/\bincur\b/i, 2],
  [/\bcosts?\b/i, 1],
  [/\bhow much\b/i, 2],
  [/\bestimate/i, 1],
  [/\bbenefits?\b/i, -1],
  [/\bapproved?\b/i, -1],
];
const LEAD_TIME_WORDING: ReadonlyArray<readonly [RegExp, number]> = [
  [/\bhow long\b/i, 3],
  [/\blead[- ]?times?\b/i, 3],
  [/\b(?:need|time) to implement\b/i, 1],
  [/\bfrom the point of approval\b/i, 1],
  [/\bimplementation date\b/i, 1],
];
const MIN_SCORE = 2;

export function identifyQuestionRoles(
  questions: readonly Question[],
  overrides: RoleOverrides = {},
): { roles: QuestionRoles; findings: Finding[] } {
  const findings: Finding[] = [];
  const pick = (label: string, wording: typeof COST_WORDING, override: number | undefined): number | null => {
    if (override !== undefined) {
      const q = questions.find((x) => x.number === override);
      if (q) return override;
      findings.push({ severity: 'error', line: 0, text: String(override), message: `there is no question ${override} to use as the ${label} question` });
      return null;
    }
    const scored = questions
      .map((q) => ({ q, score: wording.reduce((s, [re, w]) => (re.test(q.text) ? s + w : s), 0) }))
      .filter((x) => x.score >= MIN_SCORE)
      .sort((a, b) => b.score - a.score || a.q.number - b.q.number);
    const best = scored[0];
    if (!best) {
      findings.push({ severity: 'warning', line: 0, text: '', message: `no question reads as the ${label} question: choose one` });
      return null;
    }
    const tie = scored[1];
    if (tie && tie.score === best.score) {
      findings.push({ severity: 'warning', line: best.q.line, text: best.q.text, message: `questions ${best.q.number} and ${tie.q.number} both read as the ${label} question: used ${best.q.number}; choose another if that is wrong` });
    }
    return best.q.number;
  };
  const costQuestion = pick('cost', COST_WORDING, overrides.costQuestion);
  const leadTimeQuestion = pick('lead-time', LEAD_TIME_WORDING, overrides.leadTimeQuestion);
  return { roles: { costQuestion, leadTimeQuestion }, findings };
}

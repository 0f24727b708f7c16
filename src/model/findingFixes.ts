import type { Finding } from './consultation';
import { formatCostBand } from './costAnswer';
import { formatGbpStated } from './money';
import type { RespondentResult } from './responseAnalysis';

/** A finding's proposal, as an override the modeller can accept in one step. */
export interface FindingFix {
  /** "Use £40k", "Keep the £2m cap". */
  readonly label: string;
  /** What it says once in place: "Using £40k", "Kept the £2m cap". */
  readonly done: string;
  readonly respondentId: string;
  readonly cost: { readonly low: number; readonly high: number };
}

/**
 * The override a finding proposes, if any: the figure a rationale mentions for a cost answer that
 * gave none, or the cap an open-ended band was given (made the respondent's own, so a later change
 * of the cap leaves it as accepted).
 */
export function findingFix(finding: Finding, resultsById: ReadonlyMap<string, RespondentResult>, openEndedCapMultiple: number): FindingFix | null {
  const about = finding.about;
  if (about?.role !== 'cost') return null;
  const cost = resultsById.get(about.respondentId)?.cost;
  if (cost?.kind === 'unquantified' && cost.suggestion) {
    const { low, high } = cost.suggestion;
    const top = high ?? low * openEndedCapMultiple;
    const band = formatCostBand(low, top);
    return { label: `Use ${band}`, done: `Using ${band}`, respondentId: about.respondentId, cost: { low, high: top } };
  }
  if (cost?.kind === 'band' && cost.high === null) {
    const cap = cost.low * openEndedCapMultiple;
    return { label: `Keep the ${formatGbpStated(cap)} cap`, done: `Kept the ${formatGbpStated(cap)} cap`, respondentId: about.respondentId, cost: { low: cost.low, high: cap } };
  }
  return null;
}

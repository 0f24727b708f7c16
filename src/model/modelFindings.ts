import { formatRelease } from './leadTimeAnswer';
import type { Finding } from './consultation';
import type { ModelAssumptions, ModelResult } from './costModel';
import type { Analysis } from './responseAnalysis';

/**
 * What the model found once it knew the decision date and the calendar: answers that no longer say
 * anything (a release already past), and a proposed release the timeline cannot meet.
 */
export function modelFindings(analysis: Analysis, a: ModelAssumptions, model: ModelResult): Finding[] {
  const findings: Finding[] = [];
  const byId = new Map(analysis.results.map((r) => [r.respondent.id, r]));
  const decision = a.timeline.decisionDate;
  for (const readiness of model.timeline.respondents) {
    const r = byId.get(readiness.respondentId);
    if (readiness.status !== 'past-release' || !r || r.leadTime.kind !== 'release') continue;
    findings.push({
      severity: 'warning',
      line: r.leadTimeSource?.firstLine ?? 0,
      text: r.leadTime.text,
      message: `${r.respondent.name} named ${formatRelease(r.leadTime.release)}, which is not after the decision date (${decision}): it says nothing about their readiness now, so it is not counted; enter their lead time on Lead times`,
    });
  }
  const t = model.timeline;
  const proposed = a.timeline.proposedRelease;
  if (proposed !== null && !a.timeline.releases.includes(proposed)) {
    findings.push({ severity: 'warning', line: 0, text: proposed, message: `The proposed release ${proposed} is not in the release calendar` });
  }
  if (proposed !== null && proposed < t.readyDate) {
    findings.push({ severity: 'warning', line: 0, text: proposed, message: `The proposed release ${proposed} is before the ready-by date ${t.readyDate}: not every party could be ready for it` });
  }
  if (t.earliestRelease === null) {
    findings.push({ severity: 'warning', line: 0, text: t.readyDate, message: `The release calendar has no release on or after the ready-by date ${t.readyDate}: add later releases` });
  }
  return findings;
}

import { addLeadTime, fromDate, latestStart, toDate, type IsoDate } from './calendarDates';
import { leadTimeRange, type ReleaseRef } from './leadTimeAnswer';
import type { RespondentResult } from './responseAnalysis';

/** Which respondents' lead times the required lead time must cover. */
export type CoverageRule =
  | { readonly kind: 'longest' }
  | { readonly kind: 'share-of-respondents'; readonly share: number }
  | { readonly kind: 'share-of-market'; readonly share: number; readonly marketShares: Readonly<Record<string, number>> };

export interface TimelineInputs {
  /** Approval: lead times run from here. */
  readonly decisionDate: IsoDate;
  /** The date the tool started from (the day the model was first run): the decision date is a default while it is this and has no source. */
  readonly defaultDecisionDate: IsoDate;
  readonly dccLeadTimeMonths: number;
  readonly minimumNoticeMonths: number;
  /** SEC release dates, any order. */
  readonly releases: readonly IsoDate[];
  /** The release rule's dates the calendar started from: a release is unconfirmed while it is one of these without a source. */
  readonly ruleReleases: readonly IsoDate[];
  /** Where each confirmed release date comes from, by date. */
  readonly releaseSources: Readonly<Record<string, string>>;
  readonly coverage: CoverageRule;
  /** The release the modification proposes, to list who would not be ready for it; defaults to the earliest feasible. */
  readonly proposedRelease: IsoDate | null;
}

/** What sets the required lead time, in the words the workbook's Timeline sheet and the report use. */
export const GOVERNED_BY_TEXT = { respondents: 'respondents', dcc: 'DCC lead time', notice: 'minimum notice', none: 'nothing' } as const;

/** The words the workbook and the report show for a respondent who named a past release and has no override. */
export const PAST_RELEASE = 'named a past release: enter months';

/** 'past-release': the respondent named a release on or before the decision date, which says nothing about a later one. */
export type ReadinessStatus = 'counted' | 'beyond-coverage' | 'named-release' | 'past-release' | 'as-proposed' | 'not-implementing' | 'no-answer' | 'unreadable';

export interface RespondentReadiness {
  readonly respondentId: string;
  readonly status: ReadinessStatus;
  /** The upper lead-time figure, in months; null when the answer gave none. */
  readonly leadTimeMonths: number | null;
  /** Decision date plus lead time, or the release the respondent named; null otherwise. */
  readonly readyBy: IsoDate | null;
}

export interface Milestone {
  readonly name: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

export interface TimelineResult {
  /** The lead time covering the chosen respondents (0 when none gave one). */
  readonly respondentMonths: number;
  readonly requiredMonths: number;
  /** What sets the required lead time. */
  readonly governedBy: 'respondents' | 'dcc' | 'notice' | 'none';
  readonly governingRespondent: string | null;
  readonly readyDate: IsoDate;
  /** The first release on or after the ready date and every named release; null when the calendar ends first. */
  readonly earliestRelease: IsoDate | null;
  readonly targetRelease: IsoDate | null;
  /** The latest decision date from which the required lead time still meets the target release. */
  readonly decisionBy: IsoDate | null;
  /** The release after the target: where a later decision puts the change. */
  readonly fallbackRelease: IsoDate | null;
  /** Respondents who implement but would not be ready for the target release. */
  readonly notReady: readonly string[];
  readonly respondents: readonly RespondentReadiness[];
  readonly milestones: readonly Milestone[];
}

export function timelineProblems(inputs: TimelineInputs): string[] {
  const problems: string[] = [];
  if (!(inputs.dccLeadTimeMonths >= 0)) problems.push('the DCC lead time must be 0 months or more');
  if (!(inputs.minimumNoticeMonths >= 0)) problems.push('the minimum notice period must be 0 months or more');
  const c = inputs.coverage;
  if (c.kind !== 'longest' && !(c.share > 0 && c.share <= 1)) problems.push('the coverage share must be above 0% and at most 100%');
  if (inputs.releases.length === 0) problems.push('the release calendar is empty');
  return problems;
}

/** A modeller's lead time for a respondent, in months, replacing the parsed answer. */
export type LeadTimeOverrides = Readonly<Record<string, number>>;

export function buildTimeline(results: readonly RespondentResult[], inputs: TimelineInputs, overrides: LeadTimeOverrides = {}): TimelineResult {
  // Respondents share a handful of lead times: each date is worked out once.
  const readyDates = new Map<number, IsoDate>();
  const readyAfter = (months: number) => readyDates.get(months) ?? readyDates.set(months, addLeadTime(inputs.decisionDate, months)).get(months)!;
  const readiness = results.map((r): RespondentReadiness & { named?: IsoDate } => {
    const id = r.respondent.id;
    const months = overrides[id] ?? leadTimeRange(r.leadTime)?.max;
    if (months !== undefined) return { respondentId: id, status: 'counted', leadTimeMonths: months, readyBy: readyAfter(months) };
    switch (r.leadTime.kind) {
      case 'release': {
        const named = releaseDate(r.leadTime.release, inputs.releases);
        if (named <= inputs.decisionDate) return { respondentId: id, status: 'past-release', leadTimeMonths: null, readyBy: null };
        return { respondentId: id, status: 'named-release', leadTimeMonths: null, readyBy: named, named };
      }
      case 'as-proposed':
        return { respondentId: id, status: 'as-proposed', leadTimeMonths: null, readyBy: null };
      case 'not-implementing':
        return { respondentId: id, status: 'not-implementing', leadTimeMonths: null, readyBy: null };
      case 'unreadable':
        return { respondentId: id, status: 'unreadable', leadTimeMonths: null, readyBy: null };
      default:
        return { respondentId: id, status: 'no-answer', leadTimeMonths: null, readyBy: null };
    }
  });

  const counted = readiness.filter((r) => r.status === 'counted');
  const covered = coveredMonths(counted, inputs.coverage);
  const respondents = readiness.map(({ named: _named, ...r }) =>
    r.status === 'counted' && covered && r.leadTimeMonths! > covered.months ? { ...r, status: 'beyond-coverage' as const } : r,
  );
  const candidates: Array<[TimelineResult['governedBy'], number]> = [
    ['respondents', covered?.months ?? 0],
    ['dcc', inputs.dccLeadTimeMonths],
    ['notice', inputs.minimumNoticeMonths],
  ];
  const [governedBy, requiredMonths] = candidates.reduce((best, c) => (c[1] > best[1] ? c : best), ['none', 0] as [TimelineResult['governedBy'], number]);
  const readyDate = addLeadTime(inputs.decisionDate, requiredMonths);
  const namedDates = readiness.flatMap((r) => (r.named && r.named > readyDate ? [r.named] : []));
  const notBefore = [readyDate, ...namedDates].sort().pop()!;
  const releases = [...inputs.releases].sort();
  const earliestRelease = releases.find((d) => d >= notBefore) ?? null;
  const targetRelease = inputs.proposedRelease ?? earliestRelease;
  const notReady = targetRelease
    ? respondents.filter((r) => (r.status === 'counted' || r.status === 'beyond-coverage' || r.status === 'named-release') && r.readyBy !== null && r.readyBy > targetRelease).map((r) => r.respondentId)
    : [];

  const milestones: Milestone[] = [{ name: 'Decision', start: inputs.decisionDate, end: inputs.decisionDate }];
  if (inputs.dccLeadTimeMonths > 0) milestones.push({ name: 'DCC build and test', start: inputs.decisionDate, end: addLeadTime(inputs.decisionDate, inputs.dccLeadTimeMonths) });
  if (covered) milestones.push({ name: 'Parties implement', start: inputs.decisionDate, end: addLeadTime(inputs.decisionDate, covered.months) });
  if (inputs.minimumNoticeMonths > 0) milestones.push({ name: 'Notice period', start: inputs.decisionDate, end: addLeadTime(inputs.decisionDate, inputs.minimumNoticeMonths) });
  if (targetRelease) milestones.push({ name: 'Release', start: targetRelease, end: targetRelease });

  return {
    respondentMonths: covered?.months ?? 0,
    requiredMonths,
    governedBy,
    governingRespondent: governedBy === 'respondents' ? (covered?.respondentId ?? null) : null,
    readyDate,
    earliestRelease,
    targetRelease,
    decisionBy: targetRelease && latestStart(targetRelease, requiredMonths),
    fallbackRelease: (targetRelease && releases.find((d) => d > targetRelease)) ?? null,
    notReady,
    respondents,
    milestones,
  };
}

/** The lead time that covers the chosen respondents, and whose it is; null when nobody gave one. */
function coveredMonths(counted: readonly RespondentReadiness[], rule: CoverageRule): { months: number; respondentId: string } | null {
  const sorted = [...counted].sort((a, b) => a.leadTimeMonths! - b.leadTimeMonths! || (a.respondentId < b.respondentId ? -1 : 1));
  if (sorted.length === 0) return null;
  let pick: RespondentReadiness;
  if (rule.kind === 'longest') {
    pick = sorted[sorted.length - 1]!;
  } else if (rule.kind === 'share-of-respondents') {
    pick = sorted[Math.max(0, Math.ceil(rule.share * sorted.length - 1e-9) - 1)]!;
  } else {
    const weight = (r: RespondentReadiness) => rule.marketShares[r.respondentId] ?? 0;
    const total = sorted.reduce((s, r) => s + weight(r), 0);
    let cumulative = 0;
    pick = sorted.find((r) => (cumulative += weight(r)) >= rule.share * total - 1e-9) ?? sorted[sorted.length - 1]!;
  }
  return { months: pick.leadTimeMonths!, respondentId: pick.respondentId };
}

/** A named release as a date: the calendar's release in that month, else the day given, else the 1st. */
export function releaseDate(ref: ReleaseRef, releases: readonly IsoDate[]): IsoDate {
  const prefix = `${ref.year}-${String(ref.month).padStart(2, '0')}`;
  return releases.find((d) => d.startsWith(prefix)) ?? fromDate(toDate(`${prefix}-${String(ref.day ?? 1).padStart(2, '0')}` as IsoDate));
}

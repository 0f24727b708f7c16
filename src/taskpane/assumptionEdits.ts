import type { IsoDate } from '../model/calendarDates';
import type { ModelAssumptions, ModelOverrides } from '../model/costModel';
import type { TimelineInputs } from '../model/timeline';
import type { CentralCosts } from '../model/industryCost';

/**
 * Pure edits of the assumptions the panel offers; each returns a new value. A figure typed in the
 * pane is entered, and its source says so, so the workbook's Status cells agree.
 */

export const PANE_SOURCE = 'Entered in the task pane';

const entered = (a: ModelAssumptions, ...names: string[]): ModelAssumptions['sources'] => ({ ...a.sources, ...Object.fromEntries(names.map((n) => [n, PANE_SOURCE])) });

export function withParties(a: ModelAssumptions, category: string, parties: number): ModelAssumptions {
  return {
    ...a,
    industry: { ...a.industry, populations: a.industry.populations.map((p) => (p.category === category ? { ...p, parties, source: PANE_SOURCE } : p)) },
  };
}

const CENTRAL_NAMES: Readonly<Record<keyof CentralCosts, string>> = {
  dccImplementationGbp: 'DccImplementation',
  dccOngoingGbpPerYear: 'DccOngoingPerYear',
  secasDays: 'SecasDays',
  secasDayRateGbp: 'SecasDayRate',
  secasOtherGbp: 'SecasOther',
};

/** A central-body cost; null clears it (not yet provided). */
export function withCentral(a: ModelAssumptions, key: keyof CentralCosts, value: number | null): ModelAssumptions {
  return { ...a, industry: { ...a.industry, central: { ...a.industry.central, [key]: value } }, sources: entered(a, CENTRAL_NAMES[key]) };
}

export function withUptake(a: ModelAssumptions, scenario: string, category: string, share: number): ModelAssumptions {
  return {
    ...a,
    scenarios: a.scenarios.map((s) =>
      s.name === scenario ? { ...s, uptake: { ...s.uptake, [category]: { kind: 'share', share } }, uptakeSource: PANE_SOURCE } : s,
    ),
  };
}

/** A scenario's figures per adopting party. */
export type ScenarioFigure = 'benefitPerAdopterPerYearGbp' | 'ongoingCostPerAdopterPerYearGbp' | 'oneOffCostPerAdopterGbp';

export function withScenarioFigure(a: ModelAssumptions, scenario: string, figure: ScenarioFigure, gbp: number): ModelAssumptions {
  return {
    ...a,
    scenarios: a.scenarios.map((s) => (s.name === scenario ? { ...s, [figure]: gbp, figuresSource: PANE_SOURCE } : s)),
  };
}

export function withDccLeadTime(a: ModelAssumptions, months: number): ModelAssumptions {
  return { ...a, timeline: { ...a.timeline, dccLeadTimeMonths: months }, sources: entered(a, 'DccLeadTime') };
}

const TIMELINE_NAMES = { decisionDate: 'DecisionDate', minimumNoticeMonths: 'NoticeMonths', proposedRelease: 'ProposedRelease', coverage: 'CoverageShare' } as const;

/** The sources of the named inputs the Timeline panel edits. */
export const TIMELINE_SOURCES: readonly string[] = [...Object.values(TIMELINE_NAMES), 'DccLeadTime'];

/** The sources in `s` that belong (or do not belong) to the timeline's inputs. */
export function timelineSources(s: ModelAssumptions['sources'], belong = true): ModelAssumptions['sources'] {
  return Object.fromEntries(Object.entries(s).filter(([k]) => TIMELINE_SOURCES.includes(k) === belong));
}

export function withTimeline(a: ModelAssumptions, change: Partial<Pick<ModelAssumptions['timeline'], 'decisionDate' | 'minimumNoticeMonths' | 'proposedRelease' | 'coverage'>>): ModelAssumptions {
  const keys = Object.keys(change) as (keyof typeof TIMELINE_NAMES)[];
  return {
    ...a,
    timeline: { ...a.timeline, ...change },
    sources: entered(a, ...keys.map((k) => TIMELINE_NAMES[k])),
  };
}

/** The release calendar, in date order without repeats (the workbook's formulas expect it so); a date added here is entered. */
export function withReleases(a: ModelAssumptions, releases: readonly IsoDate[]): ModelAssumptions {
  const next = [...new Set(releases)].sort();
  const t = a.timeline;
  const added = next.filter((d) => !t.releases.includes(d));
  return {
    ...a,
    timeline: {
      ...t,
      releases: next,
      releaseSources: { ...Object.fromEntries(Object.entries(t.releaseSources).filter(([d]) => next.includes(d as IsoDate))), ...Object.fromEntries(added.map((d) => [d, PANE_SOURCE])) },
    },
  };
}

/** The timeline inputs `after` changed from `before`, to lay over what a workbook holds now. */
export function changedTimeline(before: TimelineInputs, after: TimelineInputs): Partial<TimelineInputs> {
  return Object.fromEntries(Object.entries(after).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof TimelineInputs])));
}

/** The first discount rate (to the step year); the later rate and the step stay. */
export function withDiscountRate(a: ModelAssumptions, rate: number): ModelAssumptions {
  const d = a.appraisal.discount;
  return {
    ...a,
    appraisal: { ...a.appraisal, discount: { ...d, bands: d.bands.map((b, i) => (i === 0 ? { ...b, rate } : b)), source: PANE_SOURCE, asOf: '' } },
    sources: entered(a, 'DiscountRate'),
  };
}

export function withAppraisalYears(a: ModelAssumptions, years: number): ModelAssumptions {
  return { ...a, appraisal: { ...a.appraisal, years }, sources: entered(a, 'AppraisalYears') };
}

/** A modeller's figure for a respondent; undefined clears it (the parsed answer counts again). */
export function withCostOverride(o: ModelOverrides, respondentId: string, end: 'low' | 'high', value: number | undefined): ModelOverrides {
  const { [end]: _old, ...rest } = o.costs[respondentId] ?? {};
  const next = value === undefined ? rest : { ...rest, [end]: value };
  const { [respondentId]: _was, ...others } = o.costs;
  return { ...o, costs: Object.keys(next).length ? { ...others, [respondentId]: next } : others };
}

export function withLeadTimeOverride(o: ModelOverrides, respondentId: string, months: number | undefined): ModelOverrides {
  const { [respondentId]: _was, ...others } = o.leadTimeMonths;
  return { ...o, leadTimeMonths: months === undefined ? others : { ...others, [respondentId]: months } };
}

/** Overrides typed now laid over those a workbook already holds, figure by figure. */
export function laidOver(base: ModelOverrides, typed: ModelOverrides): ModelOverrides {
  const costs = { ...base.costs };
  for (const [id, o] of Object.entries(typed.costs)) costs[id] = { ...costs[id], ...o };
  return { costs, leadTimeMonths: { ...base.leadTimeMonths, ...typed.leadTimeMonths } };
}

import type { IsoDate } from '../model/calendarDates';
import type { ModelAssumptions, ModelOverrides } from '../model/costModel';
import type { TimelineInputs } from '../model/timeline';
import type { CentralCosts } from '../model/industryCost';

/** Pure edits of the assumptions the panel offers; each returns a new value. */

export function withParties(a: ModelAssumptions, category: string, parties: number): ModelAssumptions {
  return { ...a, industry: { ...a.industry, populations: a.industry.populations.map((p) => (p.category === category ? { ...p, parties, source: 'entered in the task pane' } : p)) } };
}

export function withCentral(a: ModelAssumptions, key: keyof CentralCosts, value: number): ModelAssumptions {
  return { ...a, industry: { ...a.industry, central: { ...a.industry.central, [key]: value } } };
}

export function withUptake(a: ModelAssumptions, scenario: string, category: string, share: number): ModelAssumptions {
  return { ...a, scenarios: a.scenarios.map((s) => (s.name === scenario ? { ...s, uptake: { ...s.uptake, [category]: { kind: 'share', share } } } : s)) };
}

export function withBenefit(a: ModelAssumptions, scenario: string, gbpPerYear: number): ModelAssumptions {
  return { ...a, scenarios: a.scenarios.map((s) => (s.name === scenario ? { ...s, benefitPerAdopterPerYearGbp: gbpPerYear } : s)) };
}

export function withDccLeadTime(a: ModelAssumptions, months: number): ModelAssumptions {
  return { ...a, timeline: { ...a.timeline, dccLeadTimeMonths: months } };
}

export function withTimeline(a: ModelAssumptions, change: Partial<Pick<ModelAssumptions['timeline'], 'decisionDate' | 'minimumNoticeMonths' | 'proposedRelease' | 'coverage'>>): ModelAssumptions {
  return { ...a, timeline: { ...a.timeline, ...change } };
}

/** The release calendar, in date order without repeats (the workbook's formulas expect it so). */
export function withReleases(a: ModelAssumptions, releases: readonly IsoDate[]): ModelAssumptions {
  return { ...a, timeline: { ...a.timeline, releases: [...new Set(releases)].sort() } };
}

/** The timeline inputs `after` changed from `before`, to lay over what a workbook holds now. */
export function changedTimeline(before: TimelineInputs, after: TimelineInputs): Partial<TimelineInputs> {
  return Object.fromEntries(Object.entries(after).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof TimelineInputs])));
}

/** The first discount rate (to the step year) for every scenario; the later rate and the step stay. */
export function withDiscountRate(a: ModelAssumptions, rate: number): ModelAssumptions {
  return {
    ...a,
    scenarios: a.scenarios.map((s) => ({
      ...s,
      discount: { ...s.discount, bands: s.discount.bands.map((b, i) => (i === 0 ? { ...b, rate } : b)), source: 'entered in the task pane', asOf: '' },
    })),
  };
}

export function withAppraisalYears(a: ModelAssumptions, years: number): ModelAssumptions {
  return { ...a, scenarios: a.scenarios.map((s) => ({ ...s, appraisalYears: years })) };
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

import type { ModelAssumptions } from '../model/costModel';
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

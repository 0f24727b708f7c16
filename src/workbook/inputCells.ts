import { excelSerial } from '../model/calendarDates';
import type { ModelAssumptions } from '../model/costModel';
import { twoRateSchedule } from './assumptionsSheet';

/** One input cell to set: a named assumption, or a cell of one of the input tables (body row and column, 0-based). */
export type InputChange =
  | { readonly kind: 'name'; readonly name: string; readonly value: number | string }
  | { readonly kind: 'table'; readonly table: string; readonly row: number; readonly col: number; readonly value: number | string };

/**
 * The cells to write so the workbook holds `after` where it held `before`: named values, the
 * populations, the uptake grid and the scenario figures. Rows are in the order the assumptions
 * list them, which is the order of the workbook's tables (both come from the same import).
 */
export function inputChanges(before: ModelAssumptions, after: ModelAssumptions, respondentIds: readonly string[] = []): InputChange[] {
  const changes: InputChange[] = [];
  const named = (name: string, was: number, now: number) => {
    if (was !== now) changes.push({ kind: 'name', name, value: now });
  };
  const [c0, c1] = [before.industry.central, after.industry.central];
  named('DccImplementation', c0.dccImplementationGbp, c1.dccImplementationGbp);
  named('DccOngoingPerYear', c0.dccOngoingGbpPerYear, c1.dccOngoingGbpPerYear);
  named('SecasDays', c0.secasDays, c1.secasDays);
  named('SecasDayRate', c0.secasDayRateGbp, c1.secasDayRateGbp);
  named('SecasOther', c0.secasOtherGbp, c1.secasOtherGbp);
  const [t0, t1] = [before.timeline, after.timeline];
  named('DccLeadTime', t0.dccLeadTimeMonths, t1.dccLeadTimeMonths);
  named('NoticeMonths', t0.minimumNoticeMonths, t1.minimumNoticeMonths);
  named('DecisionDate', excelSerial(t0.decisionDate), excelSerial(t1.decisionDate));
  const share = (c: typeof t0.coverage) => (c.kind === 'share-of-respondents' ? c.share : 1);
  named('CoverageShare', share(t0.coverage), share(t1.coverage));
  if (t0.proposedRelease !== t1.proposedRelease) changes.push({ kind: 'name', name: 'ProposedRelease', value: t1.proposedRelease ? excelSerial(t1.proposedRelease) : '' });
  const [d0, d1] = [before.scenarios[0], after.scenarios[0]].map((s) => (s ? twoRateSchedule(s.discount) : null));
  if (d0 && d1) {
    named('DiscountRate', d0.rate, d1.rate);
    named('DiscountRateLong', d0.rateLong, d1.rateLong);
    named('DiscountStepYear', d0.stepYear, d1.stepYear);
  }
  // Overrides go in the Costs and Lead times rows, which list respondents in the import's order.
  respondentIds.forEach((id, row) => {
    const [o0, o1] = [before.overrides.costs[id] ?? {}, after.overrides.costs[id] ?? {}];
    if (o0.low !== o1.low) changes.push({ kind: 'table', table: 'tblCosts', row, col: 7, value: o1.low ?? '' });
    if (o0.high !== o1.high) changes.push({ kind: 'table', table: 'tblCosts', row, col: 8, value: o1.high ?? '' });
    const [m0, m1] = [before.overrides.leadTimeMonths[id], after.overrides.leadTimeMonths[id]];
    if (m0 !== m1) changes.push({ kind: 'table', table: 'tblLeadTimes', row, col: 7, value: m1 ?? '' });
  });
  after.industry.populations.forEach((p, i) => {
    if (before.industry.populations[i]?.parties !== p.parties) changes.push({ kind: 'table', table: 'tblPopulations', row: i, col: 1, value: p.parties });
  });
  after.scenarios.forEach((s, j) => {
    const was = before.scenarios[j];
    after.industry.populations.forEach((p, i) => {
      const share = (u: (typeof s.uptake)[string] | undefined) => (u?.kind === 'share' ? u.share : 0);
      if (share(was?.uptake[p.category]) !== share(s.uptake[p.category])) changes.push({ kind: 'table', table: 'tblUptake', row: i, col: j + 1, value: share(s.uptake[p.category]) });
    });
    const figures = [s.benefitPerAdopterPerYearGbp, s.ongoingCostPerAdopterPerYearGbp, s.oneOffCostPerAdopterGbp, s.startYear, s.appraisalYears];
    const previous = was ? [was.benefitPerAdopterPerYearGbp, was.ongoingCostPerAdopterPerYearGbp, was.oneOffCostPerAdopterGbp, was.startYear, was.appraisalYears] : [];
    figures.forEach((v, k) => {
      if (previous[k] !== v) changes.push({ kind: 'table', table: 'tblScenarioInputs', row: j, col: k + 1, value: v });
    });
  });
  return changes;
}

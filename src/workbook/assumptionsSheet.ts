import type { ModelAssumptions } from '../model/costModel';
import type { DiscountSchedule } from '../model/discounting';
import { name } from './formula';
import { choice, col, date, num, SheetCursor, text, type Cell, type CellFormat, type DefinedName, type Placement, type SheetPlan } from './plan';

export const ASSUMPTIONS_SHEET = 'Assumptions';

/** The words the rule cells hold; formulas compare against them and the reader maps them back. */
export const UNQUANTIFIED_RULE_TEXT = { excluded: 'excluded', 'category-mean': 'category mean' } as const;
export const EMPTY_CATEGORY_RULE_TEXT = { 'all-respondent-mean': 'all-respondent mean', 'per-party': 'per-party value', zero: 'zero' } as const;

/** Named assumption cells, as formulas refer to them. */
export const A = {
  openEndedCap: name('OpenEndedCap'),
  unquantifiedRule: name('UnquantifiedRule'),
  emptyCategoryRule: name('EmptyCategoryRule'),
  emptyCategoryValue: name('EmptyCategoryValue'),
  dccImplementation: name('DccImplementation'),
  dccOngoing: name('DccOngoingPerYear'),
  secasDays: name('SecasDays'),
  secasDayRate: name('SecasDayRate'),
  secasOther: name('SecasOther'),
  discountRate: name('DiscountRate'),
  discountRateLong: name('DiscountRateLong'),
  discountStepYear: name('DiscountStepYear'),
  decisionDate: name('DecisionDate'),
  dccLeadTime: name('DccLeadTime'),
  noticeMonths: name('NoticeMonths'),
  coverageShare: name('CoverageShare'),
  proposedRelease: name('ProposedRelease'),
} as const;

export interface AssumptionRefs {
  readonly populations: Placement;
  readonly uptake: Placement;
  readonly scenarios: Placement;
  readonly releases: Placement;
}

interface Row {
  readonly name: string;
  readonly label: string;
  readonly value: Cell;
  readonly unit: string;
  readonly source: string;
}

/** The Green Book shape the workbook formulas express: one rate to a step year, another after it. */
export function twoRateSchedule(schedule: DiscountSchedule): { rate: number; rateLong: number; stepYear: number } {
  const [first, second] = schedule.bands;
  if (!first || schedule.bands.length > 2) throw new Error('the workbook expresses discounting as at most two rates');
  return { rate: first.rate, rateLong: second?.rate ?? first.rate, stepYear: second ? first.toYear : 1000 };
}

/** Every assumption as a cell the panel can change: named single values, then populations, uptake, scenarios, releases. */
export function assumptionsSheet(a: ModelAssumptions): { sheet: SheetPlan; names: DefinedName[]; refs: AssumptionRefs } {
  const scenarios = a.scenarios;
  const discount = scenarios[0]?.discount;
  if (!discount || scenarios.some((s) => s.discount !== discount && JSON.stringify(s.discount) !== JSON.stringify(discount))) {
    throw new Error('the workbook needs at least one scenario, all discounted alike');
  }
  const { rate, rateLong, stepYear } = twoRateSchedule(discount);
  const coverage = a.timeline.coverage;
  if (coverage.kind === 'share-of-market') throw new Error('market-share coverage cannot be written as workbook formulas');
  const c = a.industry.central;
  const v = (value: number, fmt: CellFormat) => num(value, fmt);
  const rows: Row[] = [
    { name: 'OpenEndedCap', label: 'Cap on an open-ended band', value: v(a.costs.openEndedCapMultiple, 'ratio'), unit: '× its lower figure', source: 'modeller' },
    { name: 'UnquantifiedRule', label: 'Respondents with a cost but no figure', value: choice(UNQUANTIFIED_RULE_TEXT[a.industry.unquantified], Object.values(UNQUANTIFIED_RULE_TEXT)), unit: '"excluded" or "category mean"', source: 'modeller' },
    { name: 'EmptyCategoryRule', label: 'Categories with parties but no figures', value: choice(EMPTY_CATEGORY_RULE_TEXT[a.industry.emptyCategory.kind], Object.values(EMPTY_CATEGORY_RULE_TEXT)), unit: '"all-respondent mean", "per-party value" or "zero"', source: 'modeller' },
    { name: 'EmptyCategoryValue', label: 'Per-party value for such categories', value: v(a.industry.emptyCategory.kind === 'per-party' ? a.industry.emptyCategory.gbp : 0, 'gbp'), unit: '£ a party', source: 'modeller' },
    { name: 'DccImplementation', label: 'DCC implementation cost', value: v(c.dccImplementationGbp, 'gbp'), unit: '£', source: 'DCC impact assessment' },
    { name: 'DccOngoingPerYear', label: 'DCC ongoing cost', value: v(c.dccOngoingGbpPerYear, 'gbp'), unit: '£ a year', source: 'DCC impact assessment' },
    { name: 'SecasDays', label: 'SECAS effort', value: v(c.secasDays, 'decimal'), unit: 'days', source: 'SECAS' },
    { name: 'SecasDayRate', label: 'SECAS day rate', value: v(c.secasDayRateGbp, 'gbp'), unit: '£ a day', source: 'SECAS' },
    { name: 'SecasOther', label: 'Other SECAS cost', value: v(c.secasOtherGbp, 'gbp'), unit: '£', source: 'SECAS' },
    { name: 'DiscountRate', label: 'Discount rate', value: v(rate, 'percent'), unit: 'real, a year', source: `${discount.source}${discount.asOf ? ` (${discount.asOf})` : ''}` },
    { name: 'DiscountRateLong', label: 'Discount rate after the step year', value: v(rateLong, 'percent'), unit: 'real, a year', source: discount.source },
    { name: 'DiscountStepYear', label: 'Last year at the first rate', value: v(stepYear, 'integer'), unit: 'year', source: discount.source },
    { name: 'DecisionDate', label: 'Decision (approval) date', value: date(a.timeline.decisionDate), unit: 'date', source: 'modeller' },
    { name: 'DccLeadTime', label: 'DCC lead time', value: v(a.timeline.dccLeadTimeMonths, 'months'), unit: 'months from approval', source: 'DCC impact assessment' },
    { name: 'NoticeMonths', label: 'Minimum notice', value: v(a.timeline.minimumNoticeMonths, 'months'), unit: 'months from approval', source: 'modeller' },
    { name: 'CoverageShare', label: 'Lead times to cover', value: v(coverage.kind === 'longest' ? 1 : coverage.share, 'percent'), unit: 'of respondents who gave one (100% = the longest)', source: 'modeller' },
    { name: 'ProposedRelease', label: 'Proposed release', value: date(a.timeline.proposedRelease), unit: 'date; blank = the earliest feasible', source: 'modification report' },
  ];

  const cursor = new SheetCursor(ASSUMPTIONS_SHEET);
  const main = cursor.place(rows.length, 'Assumptions: change the shaded cells and the workbook recalculates');
  const populations = cursor.place(a.industry.populations.length, 'Parties in each category');
  const uptake = cursor.place(a.industry.populations.length, 'Uptake: share of each category’s parties that adopt, by scenario');
  const scenarioInputs = cursor.place(scenarios.length, 'Scenarios: figures per adopting party');
  const releases = cursor.place(a.timeline.releases.length, 'SEC release calendar (keep in date order)');

  const names: DefinedName[] = rows.map((r, i) => ({ name: r.name, sheet: ASSUMPTIONS_SHEET, row: main.headerRow + 1 + i, col: 2 }));
  const uptakeShare = (category: string, s: (typeof scenarios)[number]) => {
    const u = s.uptake[category];
    const parties = a.industry.populations.find((p) => p.category === category)?.parties ?? 0;
    if (!u) return 0;
    return u.kind === 'share' ? u.share : parties > 0 ? u.parties / parties : 0;
  };

  const sheet: SheetPlan = {
    name: ASSUMPTIONS_SHEET,
    tables: [
      main.table({
        name: 'tblAssumptions',
        columns: [col('Name', 'text', 20), col('Assumption', 'text', 36), col('Value', 'text', 22, true), col('Unit', 'text', 30), col('Source', 'text', 60, true)],
        rows: rows.map((r) => [text(r.name), text(r.label), r.value, text(r.unit), text(r.source)]),
      }),
      populations.table({
        name: 'tblPopulations',
        columns: [col('Category', 'text', 20), col('Parties', 'integer', 36, true), col('Source', 'text', 22, true)],
        rows: a.industry.populations.map((p) => [text(p.category), num(p.parties), text(p.source)]),
      }),
      uptake.table({
        name: 'tblUptake',
        columns: [col('Category', 'text', 20), ...scenarios.map((s) => col(s.name, 'percent', 12, true))],
        rows: a.industry.populations.map((p) => [text(p.category), ...scenarios.map((s) => num(uptakeShare(p.category, s)))]),
      }),
      scenarioInputs.table({
        name: 'tblScenarioInputs',
        columns: [
          col('Scenario', 'text', 20),
          col('Benefit a year £', 'gbp', 36, true),
          col('Ongoing cost a year £', 'gbp', 22, true),
          col('One-off cost £', 'gbp', 16, true),
          col('Start year', 'integer', 12, true),
          col('Appraisal years', 'integer', 12, true),
          col('Price base year', 'integer', 12, true),
          col('Source', 'text', 40, true),
        ],
        rows: scenarios.map((s) => [
          text(s.name),
          num(s.benefitPerAdopterPerYearGbp),
          num(s.ongoingCostPerAdopterPerYearGbp),
          num(s.oneOffCostPerAdopterGbp),
          num(s.startYear),
          num(s.appraisalYears),
          num(s.priceBaseYear),
          text(s.source),
        ]),
      }),
      releases.table({
        name: 'tblReleases',
        columns: [col('Release', 'date', 20, true)],
        rows: [...a.timeline.releases].sort().map((d) => [date(d)]),
      }),
    ],
  };
  return { sheet, names, refs: { populations, uptake, scenarios: scenarioInputs, releases } };
}

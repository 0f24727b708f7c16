import { isoDate, type IsoDate } from '../model/calendarDates';
import type { ModelAssumptions, ModelOverrides } from '../model/costModel';
import { GREEN_BOOK_DISCOUNTING, type DiscountSchedule } from '../model/discounting';
import type { CategoryPopulation, EmptyCategoryRule, UnquantifiedRule } from '../model/industryCost';
import type { Analysis } from '../model/responseAnalysis';
import type { CostOverride } from '../model/respondentTotals';
import type { Scenario } from '../model/uptake';
import { EMPTY_CATEGORY_RULE_TEXT, twoRateSchedule, UNQUANTIFIED_RULE_TEXT } from './assumptionsSheet';
import { COSTS, LEAD } from './costSheets';
import { isoFromSerial } from './plan';

/**
 * What a workbook the add-in wrote holds now, as read back by either reader (office-js or an
 * .xlsx file): each of its tables' body values by table name. Dates are Excel serial numbers.
 */
export interface WorkbookSnapshot {
  readonly tables: Readonly<Record<string, readonly (readonly unknown[])[]>>;
  /** The sheet each table is on, by table name: the model may sit under other names beside the user's sheets. */
  readonly sheets?: Readonly<Record<string, string>>;
}

/** The tables a re-import reads; the rest are rebuilt from the document and the engine. */
export const INPUT_TABLES = ['tblAssumptions', 'tblPopulations', 'tblUptake', 'tblScenarioInputs', 'tblReleases', 'tblCosts', 'tblLeadTimes'] as const;
/** With these too, the task pane can take up a workbook written earlier without the document (see reopen.ts). */
export const SNAPSHOT_TABLES = [...INPUT_TABLES, 'tblReadMe', 'tblResponses', 'tblFindings'] as const;
/** A table's header row is kept in the snapshot under this key (the uptake grid's names the scenarios). */
export const headerKey = (table: string) => `${table}#header`;

export interface Carried {
  readonly assumptions: ModelAssumptions;
  /** What was kept and what moved, in words for the modeller. */
  readonly report: readonly string[];
}

/**
 * Carries the modeller's work from an earlier workbook into a new import: every assumption cell,
 * population, scenario and release, and every override for a respondent still in the document.
 * What cannot be read is left at the new default and said in the report.
 */
export function carryForward(snapshot: WorkbookSnapshot, analysis: Analysis, defaults: ModelAssumptions): Carried {
  const report: string[] = [];
  const rows = (table: string) => snapshot.tables[table] ?? [];
  const values = new Map(rows('tblAssumptions').map((r) => [String(r[0]), r[2]]));
  const number = (key: string, fallback: number): number => {
    const v = values.get(key);
    if (v === undefined) return fallback;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (v === '' || v === null) return fallback;
    report.push(`${key} holds "${String(v)}", which is not a number: the default ${fallback} was used`);
    return fallback;
  };
  const choice = <K extends string>(key: string, words: Readonly<Record<K, string>>, fallback: K): K => {
    const v = values.get(key);
    const found = (Object.keys(words) as K[]).find((k) => words[k] === String(v ?? '').trim().toLowerCase());
    if (v !== undefined && found === undefined) report.push(`${key} holds "${String(v)}": expected ${Object.values(words).map((w) => `"${w}"`).join(' or ')}; "${words[fallback]}" was used`);
    return found ?? fallback;
  };
  const dateValue = (key: string, fallback: IsoDate | null): IsoDate | null => {
    const v = values.get(key);
    if (v === undefined || v === '' || v === null) return v === undefined ? fallback : null;
    const iso = typeof v === 'number' ? isoDate(isoFromSerial(v)) : null;
    if (!iso) report.push(`${key} holds "${String(v)}", which is not a date: ${fallback ?? 'blank'} was used`);
    return iso ?? fallback;
  };

  const d = defaults;
  const emptyKind = choice('EmptyCategoryRule', EMPTY_CATEGORY_RULE_TEXT, d.industry.emptyCategory.kind);
  const emptyCategory: EmptyCategoryRule = emptyKind === 'per-party' ? { kind: 'per-party', gbp: number('EmptyCategoryValue', 0) } : { kind: emptyKind };
  const unquantified: UnquantifiedRule = choice('UnquantifiedRule', UNQUANTIFIED_RULE_TEXT, d.industry.unquantified);
  const discount = readDiscount(number, d.scenarios[0]?.discount ?? GREEN_BOOK_DISCOUNTING);
  const coverageShare = number('CoverageShare', d.timeline.coverage.kind === 'share-of-respondents' ? d.timeline.coverage.share : 1);

  const populations = readPopulations(rows('tblPopulations'), d.industry.populations);
  const scenarios = readScenarios(rows('tblScenarioInputs'), snapshot.tables[headerKey('tblUptake')]?.[0] ?? [], rows('tblUptake'), populations, discount, d.scenarios);
  const releases = rows('tblReleases').flatMap((r) => (typeof r[0] === 'number' ? [isoDate(isoFromSerial(r[0]))!] : []));
  const { overrides, notes } = readOverrides(rows('tblCosts'), rows('tblLeadTimes'), analysis);
  report.push(...notes);

  const assumptions: ModelAssumptions = {
    ...d,
    costs: { openEndedCapMultiple: number('OpenEndedCap', d.costs.openEndedCapMultiple) },
    overrides,
    industry: {
      populations,
      unquantified,
      emptyCategory,
      central: {
        dccImplementationGbp: number('DccImplementation', d.industry.central.dccImplementationGbp),
        dccOngoingGbpPerYear: number('DccOngoingPerYear', d.industry.central.dccOngoingGbpPerYear),
        secasDays: number('SecasDays', d.industry.central.secasDays),
        secasDayRateGbp: number('SecasDayRate', d.industry.central.secasDayRateGbp),
        secasOtherGbp: number('SecasOther', d.industry.central.secasOtherGbp),
      },
    },
    scenarios,
    timeline: {
      ...d.timeline,
      decisionDate: dateValue('DecisionDate', d.timeline.decisionDate) ?? d.timeline.decisionDate,
      dccLeadTimeMonths: number('DccLeadTime', d.timeline.dccLeadTimeMonths),
      minimumNoticeMonths: number('NoticeMonths', d.timeline.minimumNoticeMonths),
      coverage: coverageShare >= 1 ? { kind: 'longest' } : { kind: 'share-of-respondents', share: coverageShare },
      proposedRelease: dateValue('ProposedRelease', d.timeline.proposedRelease),
      releases: releases.length ? releases : d.timeline.releases,
    },
  };
  const kept = Object.keys(overrides.costs).length + Object.keys(overrides.leadTimeMonths).length;
  report.unshift(`Kept the workbook's assumptions, ${populations.length} populations, ${scenarios.length} scenarios and ${kept} override${kept === 1 ? '' : 's'}.`);
  return { assumptions, report };
}

function readDiscount(number: (key: string, fallback: number) => number, fallback: DiscountSchedule): DiscountSchedule {
  const was = twoRateSchedule(fallback);
  const rate = number('DiscountRate', was.rate);
  const rateLong = number('DiscountRateLong', was.rateLong);
  const stepYear = number('DiscountStepYear', was.stepYear);
  if (rate === was.rate && rateLong === was.rateLong && stepYear === was.stepYear) return fallback;
  return {
    bands: [
      { fromYear: 0, toYear: stepYear, rate },
      { fromYear: stepYear + 1, toYear: Number.MAX_SAFE_INTEGER, rate: rateLong },
    ],
    source: 'entered in the workbook',
    asOf: '',
  };
}

/** The workbook's populations, then any category the new document brings that the workbook lacks. */
function readPopulations(rows: readonly (readonly unknown[])[], defaults: readonly CategoryPopulation[]): CategoryPopulation[] {
  const read = rows
    .filter((r) => typeof r[0] === 'string' && r[0] !== '')
    .map((r) => ({ category: r[0] as string, parties: typeof r[1] === 'number' ? r[1] : 0, source: typeof r[2] === 'string' ? r[2] : '' }));
  return [...read, ...defaults.filter((p) => !read.some((r) => r.category === p.category))];
}

function readScenarios(
  inputs: readonly (readonly unknown[])[],
  uptakeHeader: readonly unknown[],
  uptakeRows: readonly (readonly unknown[])[],
  populations: readonly CategoryPopulation[],
  discount: DiscountSchedule,
  defaults: readonly Scenario[],
): Scenario[] {
  const scenarios = inputs.filter((r) => typeof r[0] === 'string' && r[0] !== '');
  if (scenarios.length === 0) return [...defaults];
  const n = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
  return scenarios.map((r, i) => {
    const name = r[0] as string;
    const base = defaults.find((s) => s.name === name) ?? defaults[0]!;
    const column = uptakeHeader.findIndex((h) => h === name);
    const uptake = Object.fromEntries(
      uptakeRows
        .filter((u) => typeof u[0] === 'string' && populations.some((p) => p.category === u[0]))
        .map((u) => [u[0] as string, { kind: 'share' as const, share: n(u[column > 0 ? column : i + 1], 0) }]),
    );
    return {
      ...base,
      name,
      uptake,
      benefitPerAdopterPerYearGbp: n(r[1], base.benefitPerAdopterPerYearGbp),
      ongoingCostPerAdopterPerYearGbp: n(r[2], base.ongoingCostPerAdopterPerYearGbp),
      oneOffCostPerAdopterGbp: n(r[3], base.oneOffCostPerAdopterGbp),
      startYear: n(r[4], base.startYear),
      appraisalYears: n(r[5], base.appraisalYears),
      priceBaseYear: n(r[6], base.priceBaseYear),
      source: typeof r[7] === 'string' ? r[7] : base.source,
      discount,
    };
  });
}

function readOverrides(
  costs: readonly (readonly unknown[])[],
  leadTimes: readonly (readonly unknown[])[],
  analysis: Analysis,
): { overrides: ModelOverrides; notes: string[] } {
  const known = new Map(analysis.results.map((r) => [r.respondent.id, r.respondent.name]));
  const notes: string[] = [];
  const costOverrides: Record<string, CostOverride> = {};
  for (const r of costs) {
    const id = String(r[COSTS.rowId] ?? '');
    const low = typeof r[COSTS.overrideLow] === 'number' ? (r[COSTS.overrideLow] as number) : undefined;
    const high = typeof r[COSTS.overrideHigh] === 'number' ? (r[COSTS.overrideHigh] as number) : undefined;
    if (low === undefined && high === undefined) continue;
    if (!known.has(id)) {
      notes.push(`The cost override for "${id}" was dropped: that respondent is not in the new document.`);
      continue;
    }
    costOverrides[id] = { ...(low !== undefined ? { low } : {}), ...(high !== undefined ? { high } : {}) };
  }
  const leadOverrides: Record<string, number> = {};
  for (const r of leadTimes) {
    const id = String(r[LEAD.rowId] ?? '');
    const months = r[LEAD.overrideMonths];
    if (typeof months !== 'number') continue;
    if (!known.has(id)) {
      notes.push(`The lead-time override for "${id}" was dropped: that respondent is not in the new document.`);
      continue;
    }
    leadOverrides[id] = months;
  }
  return { overrides: { costs: costOverrides, leadTimeMonths: leadOverrides }, notes };
}

/** What moved between the earlier import and this one: respondents and parsed figures. */
export function changeReport(snapshot: WorkbookSnapshot, analysis: Analysis): string[] {
  const before = new Map((snapshot.tables.tblCosts ?? []).map((r) => [String(r[COSTS.rowId]), r]));
  const lines: string[] = [];
  const now = new Map(analysis.results.map((r) => [r.respondent.id, r]));
  const added = analysis.results.filter((r) => !before.has(r.respondent.id)).map((r) => r.respondent.name);
  const removed = [...before.keys()].filter((id) => id !== '' && !now.has(id));
  if (added.length) lines.push(`New respondents: ${added.join(', ')}.`);
  if (removed.length) lines.push(`No longer in the document: ${removed.join(', ')}.`);
  for (const r of analysis.results) {
    const old = before.get(r.respondent.id);
    if (old && String(old[3] ?? '') !== r.cost.text) lines.push(`${r.respondent.name}'s cost answer changed from "${String(old[3] ?? '')}" to "${r.cost.text}".`);
  }
  return lines.length ? lines : ['No respondent or cost answer changed.'];
}

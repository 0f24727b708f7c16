import { isoDate, type IsoDate } from '../model/calendarDates';
import type { ModelAssumptions, ModelOverrides } from '../model/costModel';
import type { DiscountSchedule } from '../model/discounting';
import type { CategoryPopulation, CentralCosts, EmptyCategoryRule, UnquantifiedRule } from '../model/industryCost';
import { DEFAULT_SOURCES, statusOf } from '../model/inputStatus';
import type { Analysis } from '../model/responseAnalysis';
import type { CostOverride } from '../model/respondentTotals';
import type { Scenario, Uptake } from '../model/uptake';
import { definedName, EMPTY_CATEGORY_RULE_TEXT, namedRows, twoRateSchedule, UNQUANTIFIED_RULE_TEXT, type NamedInput } from './assumptionsSheet';
import { COSTS } from './costSheets';
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
export const INPUT_TABLES = ['tblAssumptions', 'tblPopulations', 'tblUptake', 'tblScenarioInputs', 'tblScenarioPlaceholders', 'tblReleases', 'tblCosts', 'tblLeadTimes'] as const;
/** With these too, the task pane can take up a workbook written earlier without the document (see reopen.ts). */
export const SNAPSHOT_TABLES = [...INPUT_TABLES, 'tblReadMe', 'tblResponses', 'tblFindings'] as const;
/** A table's header row is kept in the snapshot under this key (the uptake grid's names the scenarios). */
export const headerKey = (table: string) => `${table}#header`;

export interface Carried {
  readonly assumptions: ModelAssumptions;
  /** What was kept and what moved, in words for the modeller. */
  readonly report: readonly string[];
}

/** A table's rows, each read by column heading, so a column added or moved by the modeller does not shift the rest. */
function tableRows(snapshot: WorkbookSnapshot, table: string): Array<(header: string) => unknown> {
  const header = (snapshot.tables[headerKey(table)]?.[0] ?? []).map(String);
  return (snapshot.tables[table] ?? []).map((row) => (h: string) => {
    const i = header.indexOf(h);
    return i < 0 ? undefined : row[i];
  });
}

/** The source given to an input moved from its default in the workbook without one. */
export const WORKBOOK_SOURCE = 'Entered in the workbook';

const withoutKey = (o: Readonly<Record<string, string>>, key: string): Record<string, string> => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

const numberOr = <T>(v: unknown, fallback: T): number | T => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const textOr = (v: unknown, fallback: string): string => (typeof v === 'string' && v.trim() !== '' ? v : fallback);
const serialDate = (v: unknown): IsoDate | null => (typeof v === 'number' ? isoDate(isoFromSerial(v)) : null);

/**
 * Carries the modeller's work from an earlier workbook into a new import: every assumption cell
 * with its source, population, scenario and release, and every override for a respondent still in
 * the document. An input still at its default takes the new default (populations follow new
 * respondents); what cannot be read is left at the new default and said in the report.
 */
export function carryForward(snapshot: WorkbookSnapshot, analysis: Analysis, defaults: ModelAssumptions): Carried {
  const report: string[] = [];
  const d = defaults;
  const named = new Map(tableRows(snapshot, 'tblAssumptions').map((r) => [String(r('Name') ?? ''), r]));
  const sources: Record<string, string> = {};
  const rows = new Map(namedRows(d).map((row) => [row.input, row]));

  /**
   * A named input's value as the workbook holds it. Its source is kept when the modeller gave one;
   * one moved from its default without a source is marked as entered in the workbook, so it stays
   * entered even where a later default happens to equal it.
   */
  const read = (input: NamedInput): { value: unknown; present: boolean } => {
    const r = named.get(definedName(input));
    if (!r) return { value: undefined, present: false };
    const source = textOr(r('Source'), '');
    const spec = rows.get(input)!;
    const value = r('Value');
    const moved = !spec.blankUntilProvided && r('Default') !== undefined && value !== r('Default') && !(value === '' && (r('Default') === '' || r('Default') === null));
    if (source !== '' && source !== spec.defaultSource) sources[definedName(input)] = source;
    else if (moved) sources[definedName(input)] = WORKBOOK_SOURCE;
    return { value, present: true };
  };
  const number = (input: NamedInput, fallback: number): number => {
    const { value, present } = read(input);
    if (!present || value === '' || value === null || value === undefined) return fallback;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    report.push(`${definedName(input)} holds "${String(value)}", which is not a number: the default ${fallback} was used`);
    return fallback;
  };
  /** A cost that stays blank until provided. */
  const provided = (input: NamedInput, fallback: number | null): number | null => {
    const { value, present } = read(input);
    if (!present) return fallback;
    if (value === '' || value === null || value === undefined) return null;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    report.push(`${definedName(input)} holds "${String(value)}", which is not a number: it was left as not yet provided`);
    return null;
  };
  const choice = <K extends string>(input: NamedInput, words: Readonly<Record<K, string>>, fallback: K): K => {
    const { value, present } = read(input);
    const found = (Object.keys(words) as K[]).find((k) => words[k] === String(value ?? '').trim().toLowerCase());
    if (present && found === undefined) report.push(`${definedName(input)} holds "${String(value)}": expected ${Object.values(words).map((w) => `"${w}"`).join(' or ')}; "${words[fallback]}" was used`);
    return found ?? fallback;
  };
  const dateValue = (input: NamedInput, fallback: IsoDate | null): IsoDate | null => {
    const { value, present } = read(input);
    if (!present) return fallback;
    if (value === undefined || value === '' || value === null) return null;
    const iso = serialDate(value);
    if (!iso) report.push(`${definedName(input)} holds "${String(value)}", which is not a date: ${fallback ?? 'blank'} was used`);
    return iso ?? fallback;
  };

  // A decision date still at its default takes today's default; an entered one is kept.
  const decisionRead = dateValue('decisionDate', d.timeline.decisionDate);
  const decisionEntered = decisionRead !== null && sources.DecisionDate !== undefined;

  const emptyKind = choice('emptyCategoryRule', EMPTY_CATEGORY_RULE_TEXT, d.industry.emptyCategory.kind);
  const emptyCategory: EmptyCategoryRule = emptyKind === 'per-party' ? { kind: 'per-party', gbp: number('emptyCategoryValue', 0) } : { kind: emptyKind };
  const unquantified: UnquantifiedRule = choice('unquantifiedRule', UNQUANTIFIED_RULE_TEXT, d.industry.unquantified);
  const discount = readDiscount(number, d.appraisal.discount);
  const coverageShare = number('coverageShare', d.timeline.coverage.kind === 'share-of-respondents' ? d.timeline.coverage.share : 1);
  const c = d.industry.central;
  const central: CentralCosts = {
    dccImplementationGbp: provided('dccImplementation', c.dccImplementationGbp),
    dccOngoingGbpPerYear: provided('dccOngoing', c.dccOngoingGbpPerYear),
    secasDays: provided('secasDays', c.secasDays),
    secasDayRateGbp: provided('secasDayRate', c.secasDayRateGbp),
    secasOtherGbp: provided('secasOther', c.secasOtherGbp),
  };

  const populations = readPopulations(snapshot, analysis, d.industry.populations);
  const scenarios = readScenarios(snapshot, populations, d.scenarios);
  const { releases, ruleReleases, releaseSources } = readReleases(snapshot, d);
  const { overrides, notes } = readOverrides(snapshot, analysis);
  report.push(...notes);
  const legacyYears = tableRows(snapshot, 'tblScenarioInputs')[0]?.('Appraisal years');

  const assumptions: ModelAssumptions = {
    ...d,
    costs: { openEndedCapMultiple: number('openEndedCap', d.costs.openEndedCapMultiple) },
    overrides,
    industry: { populations, unquantified, emptyCategory, central },
    scenarios,
    appraisal: {
      years: number('appraisalYears', numberOr(legacyYears, d.appraisal.years)),
      discount,
      benefitsStart: dateValue('benefitsStart', d.appraisal.benefitsStart),
    },
    sensitivity: {
      swing: number('sensitivitySwing', d.sensitivity.swing),
      discountLow: number('sensitivityRateLow', d.sensitivity.discountLow),
      discountHigh: number('sensitivityRateHigh', d.sensitivity.discountHigh),
    },
    timeline: {
      ...d.timeline,
      decisionDate: decisionEntered ? decisionRead : d.timeline.decisionDate,
      dccLeadTimeMonths: number('dccLeadTime', d.timeline.dccLeadTimeMonths),
      minimumNoticeMonths: number('noticeMonths', d.timeline.minimumNoticeMonths),
      coverage: coverageShare >= 1 ? { kind: 'longest' } : { kind: 'share-of-respondents', share: coverageShare },
      proposedRelease: dateValue('proposedRelease', d.timeline.proposedRelease),
      releases,
      ruleReleases,
      releaseSources,
    },
    sources: decisionEntered ? sources : withoutKey(sources, 'DecisionDate'),
  };
  const kept = Object.keys(overrides.costs).length + Object.keys(overrides.leadTimeMonths).length;
  report.unshift(`Kept the workbook's assumptions, ${populations.length} populations, ${scenarios.length} scenarios and ${kept} override${kept === 1 ? '' : 's'}.`);
  return { assumptions, report };
}

function readDiscount(number: (input: NamedInput, fallback: number) => number, fallback: DiscountSchedule): DiscountSchedule {
  const was = twoRateSchedule(fallback);
  const rate = number('discountRate', was.rate);
  const rateLong = number('discountRateLong', was.rateLong);
  const stepYear = number('discountStepYear', was.stepYear);
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

/**
 * The workbook's populations: one still at its default takes the new default (the respondents
 * seen now); an entered one is kept with its source. A category the new document brings is added.
 */
function readPopulations(snapshot: WorkbookSnapshot, analysis: Analysis, defaults: readonly CategoryPopulation[]): CategoryPopulation[] {
  const seen = (category: string) => analysis.results.filter((r) => r.respondent.category === category).length;
  const read = tableRows(snapshot, 'tblPopulations')
    .filter((r) => typeof r('Category') === 'string' && r('Category') !== '')
    .map((r): CategoryPopulation => {
      const category = r('Category') as string;
      const fresh = defaults.find((p) => p.category === category) ?? { category, parties: seen(category), source: DEFAULT_SOURCES.population, defaultParties: seen(category) };
      const parties = numberOr(r('Parties'), 0);
      const source = textOr(r('Source'), DEFAULT_SOURCES.population);
      const entered = statusOf(parties, numberOr(r('Default'), seen(category)), source, DEFAULT_SOURCES.population, 'default') === 'entered';
      return entered ? { category, parties, source: source === DEFAULT_SOURCES.population ? WORKBOOK_SOURCE : source, defaultParties: fresh.defaultParties } : fresh;
    });
  return [...read, ...defaults.filter((p) => !read.some((r) => r.category === p.category))];
}

/**
 * The scenarios, their uptake grid and the placeholders they started from: a part still at its
 * placeholder (values and source alike) stays a placeholder, and covers every category.
 */
function readScenarios(snapshot: WorkbookSnapshot, populations: readonly CategoryPopulation[], defaults: readonly Scenario[]): Scenario[] {
  const inputs = tableRows(snapshot, 'tblScenarioInputs').filter((r) => typeof r('Scenario') === 'string' && r('Scenario') !== '');
  if (inputs.length === 0) return [...defaults];
  const uptakeHeader = (snapshot.tables[headerKey('tblUptake')]?.[0] ?? []).map(String);
  const uptakeRows = snapshot.tables.tblUptake ?? [];
  const placeholderRows = new Map(tableRows(snapshot, 'tblScenarioPlaceholders').map((r) => [String(r('Scenario') ?? ''), r]));
  return inputs.map((r, i) => {
    const name = r('Scenario') as string;
    const base = defaults.find((s) => s.name === name) ?? defaults[0]!;
    const p = placeholderRows.get(name) ?? (() => undefined);
    const placeholder = {
      share: numberOr(p('Uptake'), base.placeholder.share),
      benefit: numberOr(p('Benefit a year £'), base.placeholder.benefit),
      ongoing: numberOr(p('Ongoing cost a year £'), base.placeholder.ongoing),
      oneOff: numberOr(p('One-off cost £'), base.placeholder.oneOff),
    };
    const benefit = numberOr(r('Benefit a year £'), base.benefitPerAdopterPerYearGbp);
    const ongoing = numberOr(r('Ongoing cost a year £'), base.ongoingCostPerAdopterPerYearGbp);
    const oneOff = numberOr(r('One-off cost £'), base.oneOffCostPerAdopterGbp);
    const figuresSource = textOr(r('Figures source') ?? r('Source'), DEFAULT_SOURCES.scenario);
    const uptakeSource = textOr(r('Uptake source'), DEFAULT_SOURCES.scenario);
    const column = uptakeHeader.indexOf(name);
    const shares = new Map(
      uptakeRows
        .filter((u) => typeof u[0] === 'string' && populations.some((p) => p.category === u[0]))
        .map((u) => [u[0] as string, numberOr(u[column > 0 ? column : i + 1], 0)]),
    );
    const figuresPlaceholder = benefit === placeholder.benefit && ongoing === placeholder.ongoing && oneOff === placeholder.oneOff && figuresSource === DEFAULT_SOURCES.scenario;
    const uptakePlaceholder = [...shares.values()].every((s) => s === placeholder.share) && uptakeSource === DEFAULT_SOURCES.scenario;
    // Placeholder uptake covers every category, new ones too; entered uptake is kept as typed.
    const uptake: Record<string, Uptake> = Object.fromEntries(
      populations.map((p) => [p.category, { kind: 'share' as const, share: uptakePlaceholder ? placeholder.share : (shares.get(p.category) ?? 0) }]),
    );
    const moved = (placeholderNow: boolean, source: string) => (placeholderNow || source !== DEFAULT_SOURCES.scenario ? source : WORKBOOK_SOURCE);
    return {
      name,
      uptake,
      benefitPerAdopterPerYearGbp: benefit,
      ongoingCostPerAdopterPerYearGbp: ongoing,
      oneOffCostPerAdopterGbp: oneOff,
      figuresSource: moved(figuresPlaceholder, figuresSource),
      uptakeSource: moved(uptakePlaceholder, uptakeSource),
      placeholder,
    };
  });
}

/** The calendar: a date still at the rule's (value and source) stays unconfirmed; others keep their source. */
function readReleases(snapshot: WorkbookSnapshot, d: ModelAssumptions): { releases: IsoDate[]; ruleReleases: IsoDate[]; releaseSources: Record<string, string> } {
  const rows = tableRows(snapshot, 'tblReleases').flatMap((r) => {
    const date = serialDate(r('Release'));
    if (!date) return [];
    const source = textOr(r('Source'), DEFAULT_SOURCES.release);
    // A calendar written before releases had a source: its rule dates are still unconfirmed.
    const rule = r('Default') === undefined ? (d.timeline.releases.includes(date) ? date : null) : serialDate(r('Default'));
    return [{ date, source, unconfirmed: statusOf(date, rule, source, DEFAULT_SOURCES.release, 'default') === 'default' }];
  });
  if (rows.length === 0) return { releases: [...d.timeline.releases], ruleReleases: [...d.timeline.ruleReleases], releaseSources: { ...d.timeline.releaseSources } };
  return {
    releases: rows.map((r) => r.date),
    ruleReleases: rows.filter((r) => r.unconfirmed).map((r) => r.date),
    releaseSources: Object.fromEntries(rows.filter((r) => !r.unconfirmed).map((r) => [r.date, r.source === DEFAULT_SOURCES.release ? WORKBOOK_SOURCE : r.source])),
  };
}

function readOverrides(snapshot: WorkbookSnapshot, analysis: Analysis): { overrides: ModelOverrides; notes: string[] } {
  const known = new Map(analysis.results.map((r) => [r.respondent.id, r.respondent.name]));
  const notes: string[] = [];
  const costOverrides: Record<string, CostOverride> = {};
  const figure = (v: unknown) => (typeof v === 'number' ? v : undefined);
  for (const r of tableRows(snapshot, 'tblCosts')) {
    const id = String(r('Row id') ?? '');
    const o: CostOverride = Object.fromEntries(
      (
        [
          ['low', r('Override low £')],
          ['high', r('Override high £')],
          ['ongoingLow', r('Override ongoing low £ a year')],
          ['ongoingHigh', r('Override ongoing high £ a year')],
        ] as const
      ).flatMap(([k, v]) => (figure(v) === undefined ? [] : [[k, figure(v)]])),
    );
    if (Object.keys(o).length === 0) continue;
    if (!known.has(id)) {
      notes.push(`The cost override for "${id}" was dropped: that respondent is not in the new document.`);
      continue;
    }
    costOverrides[id] = o;
  }
  const leadOverrides: Record<string, number> = {};
  for (const r of tableRows(snapshot, 'tblLeadTimes')) {
    const id = String(r('Row id') ?? '');
    const months = r('Override months');
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
    if (old && String(old[COSTS.answer] ?? '') !== r.cost.text) lines.push(`${r.respondent.name}'s cost answer changed from "${String(old[COSTS.answer] ?? '')}" to "${r.cost.text}".`);
  }
  return lines.length ? lines : ['No respondent or cost answer changed.'];
}

import { isoDate, type IsoDate } from '../model/calendarDates';
import type { ModelAssumptions, ModelOverrides } from '../model/costModel';
import type { DiscountSchedule } from '../model/discounting';
import type { CategoryPopulation, CentralCosts, EmptyCategoryRule, UnquantifiedRule } from '../model/industryCost';
import { DEFAULT_SOURCES, statusOf } from '../model/inputStatus';
import type { Analysis } from '../model/responseAnalysis';
import type { CostBand } from '../model/costBands';
import type { CostOverride } from '../model/respondentTotals';
import type { Scenario, Uptake } from '../model/uptake';
import { definedName, EMPTY_CATEGORY_RULE_TEXT, namedRows, twoRateSchedule, UNQUANTIFIED_RULE_TEXT, type NamedInput } from './assumptionsSheet';
import { COSTS } from './costSheets';
import { cell, formulaText } from './formula';
import { isoFromSerial } from './plan';
import { quoted, unusable, type FigureKind } from './readLimits';

/**
 * What a workbook the add-in wrote holds now, as read back by either reader (office-js or an
 * .xlsx file): each of its tables' body values by table name. Dates are Excel serial numbers.
 */
export interface WorkbookSnapshot {
  readonly tables: Readonly<Record<string, readonly (readonly unknown[])[]>>;
  /** The sheet each table is on, by table name: the model may sit under other names beside the user's sheets. */
  readonly sheets?: Readonly<Record<string, string>>;
  /** Each table's header cell (row and column from 0), where the reader knows it: messages then name cells as A1 addresses. */
  readonly origins?: Readonly<Record<string, { readonly row: number; readonly col: number }>>;
}

/** The tables a re-import reads; the rest are rebuilt from the document and the engine. */
export const INPUT_TABLES = ['tblAssumptions', 'tblPopulations', 'tblUptake', 'tblScenarioInputs', 'tblScenarioPlaceholders', 'tblReleases', 'tblCostBands', 'tblCosts', 'tblLeadTimes'] as const;
/** With these too, the task pane can take up a workbook written earlier without the document (see reopen.ts). */
export const SNAPSHOT_TABLES = [...INPUT_TABLES, 'tblReadMe', 'tblResponses', 'tblFindings'] as const;
/** A table's header row is kept in the snapshot under this key (the uptake grid's names the scenarios). */
export const headerKey = (table: string) => `${table}#header`;

export interface Carried {
  readonly assumptions: ModelAssumptions;
  /** What was kept and what moved, in words for the modeller. */
  readonly report: readonly string[];
}

/** One body row of a table, read by column heading; `at` names a cell of it for a message. */
type Row = ((header: string) => unknown) & { readonly at: (header: string, label: string) => string };

/** A table's rows, each read by column heading, so a column added or moved by the modeller does not shift the rest. */
function tableRows(snapshot: WorkbookSnapshot, table: string): Row[] {
  const header = (snapshot.tables[headerKey(table)]?.[0] ?? []).map(String);
  const origin = snapshot.origins?.[table];
  const sheet = snapshot.sheets?.[table];
  return (snapshot.tables[table] ?? []).map((row, r) => {
    const get = (h: string) => {
      const i = header.indexOf(h);
      return i < 0 ? undefined : row[i];
    };
    const at = (h: string, label: string) => {
      const i = header.indexOf(h);
      return origin && sheet && i >= 0 ? `${formulaText(cell(sheet, origin.row + 1 + r, origin.col + i), '').slice(1)} (${label})` : label;
    };
    return Object.assign(get, { at });
  });
}

const isBlank = (v: unknown) => v === undefined || v === null || v === '';

/**
 * A figure from a cell: a number the engine can use, or undefined. A blank cell is undefined
 * without a word; anything else that cannot be used is reported with the cell, what it holds,
 * why, and what was done `instead`.
 */
function figureReader(report: string[]) {
  return (r: Row, header: string, kind: FigureKind, label: string, instead: string): number | undefined => {
    const v = r(header);
    if (isBlank(v)) return undefined;
    const why = unusable(kind, v);
    if (why === null) return v as number;
    report.push(`${r.at(header, label)} holds ${quoted(v)}, ${why}: ${instead}.`);
    return undefined;
  };
}

/** The source given to an input moved from its default in the workbook without one. */
export const WORKBOOK_SOURCE = 'Entered in the workbook';

const withoutKey = (o: Readonly<Record<string, string>>, key: string): Record<string, string> => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

const numberOr = <T>(v: unknown, fallback: T): number | T => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const textOr = (v: unknown, fallback: string): string => (typeof v === 'string' && v.trim() !== '' ? v : fallback);
const serialDate = (v: unknown): IsoDate | null => (unusable('date', v) === null ? isoDate(isoFromSerial(v as number)) : null);

/** The kind of figure each named input holds (the two rules are words, read by choice). */
const NAMED_KINDS: Readonly<Record<Exclude<NamedInput, 'unquantifiedRule' | 'emptyCategoryRule'>, FigureKind>> = {
  decisionDate: 'date',
  dccLeadTime: 'months',
  noticeMonths: 'months',
  coverageShare: 'number',
  proposedRelease: 'date',
  openEndedCap: 'number',
  emptyCategoryValue: 'money',
  dccImplementation: 'money',
  dccOngoing: 'money',
  secasDays: 'number',
  secasDayRate: 'money',
  secasOther: 'money',
  discountRate: 'rate',
  discountRateLong: 'rate',
  discountStepYear: 'number',
  appraisalYears: 'number',
  benefitsStart: 'date',
  sensitivitySwing: 'number',
  sensitivityRateLow: 'rate',
  sensitivityRateHigh: 'rate',
};
type FigureInput = keyof typeof NAMED_KINDS;

/**
 * Carries the modeller's work from an earlier workbook into a new import: every assumption cell
 * with its source, population, scenario and release, and every override for a respondent still in
 * the document. An input still at its default takes the new default (populations follow new
 * respondents); what cannot be read is left at the new default and said in the report.
 */
export function carryForward(snapshot: WorkbookSnapshot, analysis: Analysis, defaults: ModelAssumptions): Carried {
  const report: string[] = [];
  const figure = figureReader(report);
  const d = defaults;
  const named = new Map(tableRows(snapshot, 'tblAssumptions').map((r) => [String(r('Name') ?? ''), r]));
  const sources: Record<string, string> = {};
  const rows = new Map(namedRows(d).map((row) => [row.input, row]));

  /**
   * A named input's row as the workbook holds it. Once its value is carried, its source is kept
   * when the modeller gave one; one moved from its default without a source is marked as entered
   * in the workbook, so it stays entered even where a later default happens to equal it.
   */
  const read = (input: NamedInput): { row: Row | undefined; value: unknown; carried: () => void } => {
    const r = named.get(definedName(input));
    const carried = () => {
      if (!r) return;
      const source = textOr(r('Source'), '');
      const spec = rows.get(input)!;
      const value = r('Value');
      const moved = !spec.blankUntilProvided && r('Default') !== undefined && value !== r('Default') && !(value === '' && (r('Default') === '' || r('Default') === null));
      if (source !== '' && source !== spec.defaultSource) sources[definedName(input)] = source;
      else if (moved) sources[definedName(input)] = WORKBOOK_SOURCE;
    };
    return { row: r, value: r?.('Value'), carried };
  };
  const number = (input: FigureInput, fallback: number): number => {
    const { row, value, carried } = read(input);
    if (!row) return fallback;
    const v = figure(row, 'Value', NAMED_KINDS[input], definedName(input), `the default ${fallback} was used`);
    // A blank cell takes the default and keeps its source, as it always has.
    if (v !== undefined || isBlank(value)) carried();
    return v ?? fallback;
  };
  /** A cost that stays blank until provided. */
  const provided = (input: FigureInput, fallback: number | null): number | null => {
    const { row, carried } = read(input);
    if (!row) return fallback;
    carried();
    return figure(row, 'Value', NAMED_KINDS[input], definedName(input), 'it was left as not yet provided') ?? null;
  };
  const choice = <K extends string>(input: NamedInput, words: Readonly<Record<K, string>>, fallback: K): K => {
    const { row, value, carried } = read(input);
    const found = (Object.keys(words) as K[]).find((k) => words[k] === String(value ?? '').trim().toLowerCase());
    if (row && found === undefined) report.push(`${row.at('Value', definedName(input))} holds ${quoted(value)}: expected ${Object.values(words).map((w) => `"${w}"`).join(' or ')}; "${words[fallback]}" was used.`);
    if (found !== undefined) carried();
    return found ?? fallback;
  };
  const dateValue = (input: FigureInput, fallback: IsoDate | null): IsoDate | null => {
    const { row, value, carried } = read(input);
    if (!row) return fallback;
    if (isBlank(value)) {
      carried();
      return null;
    }
    const serial = figure(row, 'Value', 'date', definedName(input), `${fallback ?? 'blank'} was used`);
    const iso = serial === undefined ? null : serialDate(serial);
    if (iso) carried();
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

  const populations = readPopulations(snapshot, analysis, d.industry.populations, figure);
  const scenarios = readScenarios(snapshot, populations, d.scenarios, figure);
  const { releases, ruleReleases, releaseSources } = readReleases(snapshot, d, figure);
  const overrides = readOverrides(snapshot, analysis, figure, report);
  const legacyYears = tableRows(snapshot, 'tblScenarioInputs')[0]?.('Appraisal years');

  const assumptions: ModelAssumptions = {
    ...d,
    costs: { openEndedCapMultiple: number('openEndedCap', d.costs.openEndedCapMultiple), bands: readBands(snapshot, d.costs.bands, figure) },
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
  report.unshift(...keptLine(snapshot, populations.length, scenarios.length, Object.keys(overrides.costs).length + Object.keys(overrides.leadTimeMonths).length));
  return { assumptions, report };
}

/** The input tables in words, for saying which a workbook lacked. */
const TABLE_WORDS: Readonly<Record<(typeof INPUT_TABLES)[number], string>> = {
  tblAssumptions: 'assumptions',
  tblPopulations: 'populations',
  tblUptake: 'uptake',
  tblScenarioInputs: 'scenario figures',
  tblScenarioPlaceholders: 'scenario placeholders',
  tblReleases: 'release calendar',
  tblCostBands: 'cost bands',
  tblCosts: 'cost overrides',
  tblLeadTimes: 'lead-time overrides',
};

/** What was kept, said only of what the workbook held. */
function keptLine(snapshot: WorkbookSnapshot, populations: number, scenarios: number, overrides: number): string[] {
  const missing = INPUT_TABLES.filter((t) => !(t in snapshot.tables));
  if (missing.length === INPUT_TABLES.length) return ["The workbook holds none of the model's input tables, so nothing was carried: every input is at its default."];
  const kept = `Kept the workbook's assumptions, ${populations} populations, ${scenarios} scenarios and ${overrides} override${overrides === 1 ? '' : 's'}.`;
  if (missing.length === 0) return [kept];
  const words = missing.map((t) => TABLE_WORDS[t]);
  const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
  return [`Kept what the workbook holds; it has no table of ${list}, so ${words.length === 1 ? 'that is' : 'those are'} at the defaults.`];
}

type Figure = ReturnType<typeof figureReader>;

function readDiscount(number: (input: FigureInput, fallback: number) => number, fallback: DiscountSchedule): DiscountSchedule {
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
function readPopulations(snapshot: WorkbookSnapshot, analysis: Analysis, defaults: readonly CategoryPopulation[], figure: Figure): CategoryPopulation[] {
  const seen = (category: string) => analysis.results.filter((r) => r.respondent.category === category).length;
  const read = tableRows(snapshot, 'tblPopulations')
    .filter((r) => typeof r('Category') === 'string' && r('Category') !== '')
    .map((r): CategoryPopulation => {
      const category = r('Category') as string;
      const fresh = defaults.find((p) => p.category === category) ?? { category, parties: seen(category), source: DEFAULT_SOURCES.population, defaultParties: seen(category) };
      // A blank cell counts as 0, as the workbook's formulas take it; what cannot be used keeps the default.
      const typed = figure(r, 'Parties', 'number', `parties in ${category}`, `the default ${fresh.parties} was used`);
      if (typed === undefined && !isBlank(r('Parties'))) return fresh;
      const parties = typed ?? 0;
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
function readScenarios(snapshot: WorkbookSnapshot, populations: readonly CategoryPopulation[], defaults: readonly Scenario[], figure: Figure): Scenario[] {
  const inputs = tableRows(snapshot, 'tblScenarioInputs').filter((r) => typeof r('Scenario') === 'string' && r('Scenario') !== '');
  if (inputs.length === 0) return [...defaults];
  const uptakeHeader = (snapshot.tables[headerKey('tblUptake')]?.[0] ?? []).map(String);
  const uptakeRows = tableRows(snapshot, 'tblUptake');
  const placeholderRows = new Map(tableRows(snapshot, 'tblScenarioPlaceholders').map((r) => [String(r('Scenario') ?? ''), r]));
  return inputs.map((r, i) => {
    const name = r('Scenario') as string;
    const base = defaults.find((s) => s.name === name) ?? defaults[0]!;
    const p = placeholderRows.get(name);
    const was = (header: string, kind: FigureKind, fallback: number) => (p && figure(p, header, kind, `${name} placeholder ${header}`, `the default ${fallback} was used`)) ?? fallback;
    const placeholder = {
      share: was('Uptake', 'number', base.placeholder.share),
      benefit: was('Benefit a year £', 'money', base.placeholder.benefit),
      ongoing: was('Ongoing cost a year £', 'money', base.placeholder.ongoing),
      oneOff: was('One-off cost £', 'money', base.placeholder.oneOff),
    };
    const money = (header: string, fallback: number) => figure(r, header, 'money', `${name} ${header}`, `the default ${fallback} was used`) ?? fallback;
    const benefit = money('Benefit a year £', base.benefitPerAdopterPerYearGbp);
    const ongoing = money('Ongoing cost a year £', base.ongoingCostPerAdopterPerYearGbp);
    const oneOff = money('One-off cost £', base.oneOffCostPerAdopterGbp);
    const figuresSource = textOr(r('Figures source') ?? r('Source'), DEFAULT_SOURCES.scenario);
    const uptakeSource = textOr(r('Uptake source'), DEFAULT_SOURCES.scenario);
    const column = uptakeHeader.indexOf(name);
    const heading = uptakeHeader[column > 0 ? column : i + 1] ?? name;
    // A blank share counts as 0, as the workbook's formulas take it; what cannot be used is the placeholder.
    const shares = new Map(
      uptakeRows
        .filter((u) => typeof u('Category') === 'string' && populations.some((p) => p.category === u('Category')))
        .map((u) => [u('Category') as string, figure(u, heading, 'number', `${name} uptake in ${String(u('Category'))}`, `the placeholder ${placeholder.share} was used`) ?? (isBlank(u(heading)) ? 0 : placeholder.share)]),
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
function readReleases(snapshot: WorkbookSnapshot, d: ModelAssumptions, figure: Figure): { releases: IsoDate[]; ruleReleases: IsoDate[]; releaseSources: Record<string, string> } {
  const rows = tableRows(snapshot, 'tblReleases').flatMap((r) => {
    const serial = figure(r, 'Release', 'date', 'a release date', 'that release was left out of the calendar');
    const date = serial === undefined ? null : serialDate(serial);
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

/**
 * The report's cost bands as the workbook lists them; the default list while it has none or a row
 * cannot be used (said in the report). A blank To leaves the band open.
 */
function readBands(snapshot: WorkbookSnapshot, defaults: readonly CostBand[], figure: Figure): readonly CostBand[] {
  const rows = tableRows(snapshot, 'tblCostBands').filter((r) => !isBlank(r('Band')) || !isBlank(r('From £')) || !isBlank(r('To £')));
  const instead = 'the default bands were used';
  const bands = rows.map((r) => {
    const from = figure(r, 'From £', 'money', 'where a cost band starts', instead);
    const to = figure(r, 'To £', 'money', 'where a cost band ends', instead);
    const unread = (from === undefined && !isBlank(r('From £'))) || (to === undefined && !isBlank(r('To £')));
    return unread ? null : { label: textOr(r('Band'), ''), from: from ?? 0, to: to ?? null };
  });
  return bands.length === 0 || bands.includes(null) ? defaults : (bands as CostBand[]);
}

/** Overrides for respondents still in the document; one for a respondent gone, or a cell that cannot be used, is said in the report. */
function readOverrides(snapshot: WorkbookSnapshot, analysis: Analysis, figure: Figure, report: string[]): ModelOverrides {
  const known = new Map(analysis.results.map((r) => [r.respondent.id, r.respondent.name]));
  const costOverrides: Record<string, CostOverride> = {};
  const columns = [
    ['low', 'Override low £'],
    ['high', 'Override high £'],
    ['ongoingLow', 'Override ongoing low £ a year'],
    ['ongoingHigh', 'Override ongoing high £ a year'],
  ] as const;
  for (const r of tableRows(snapshot, 'tblCosts')) {
    const id = String(r('Row id') ?? '');
    const o: CostOverride = Object.fromEntries(
      columns.flatMap(([k, header]) => {
        const v = figure(r, header, 'money', `${header} for ${id}`, 'that override was not carried');
        return v === undefined ? [] : [[k, v]];
      }),
    );
    if (Object.keys(o).length === 0) continue;
    if (!known.has(id)) {
      report.push(`The cost override for "${id}" was dropped: that respondent is not in the new document.`);
      continue;
    }
    costOverrides[id] = o;
  }
  const leadOverrides: Record<string, number> = {};
  for (const r of tableRows(snapshot, 'tblLeadTimes')) {
    const id = String(r('Row id') ?? '');
    const months = figure(r, 'Override months', 'months', `Override months for ${id}`, 'that override was not carried');
    if (months === undefined) continue;
    if (!known.has(id)) {
      report.push(`The lead-time override for "${id}" was dropped: that respondent is not in the new document.`);
      continue;
    }
    leadOverrides[id] = months;
  }
  return { costs: costOverrides, leadTimeMonths: leadOverrides };
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

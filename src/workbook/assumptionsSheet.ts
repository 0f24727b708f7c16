import { excelSerial } from '../model/calendarDates';
import { CHECK_RATE_LIMITS } from '../model/checks';
import type { ModelAssumptions } from '../model/costModel';
import { GREEN_BOOK_DISCOUNTING, type DiscountSchedule } from '../model/discounting';
import {
  DEFAULT_SOURCES,
  ENTERED_WITHOUT_SOURCE,
  figuresStatus,
  populationStatus,
  releaseStatus,
  STATUS_TEXT,
  statusOf,
  statusWords,
  uptakeStatus,
  type InputStatus,
} from '../model/inputStatus';
import { SIMULATION_TOLERANCE } from '../model/monteCarlo';
import { bandRowProblem } from '../model/costBands';
import { DEFAULT_COST_OPTIONS } from '../model/respondentTotals';
import { DEFAULT_APPRAISAL_YEARS, DEFAULT_SENSITIVITY, MAX_APPRAISAL_YEARS } from '../model/uptake';
import { COSTS } from './costSheets';
import { MILESTONE_MARK_MONTHS } from './timelineSheet';
import { call, concat, eq, iff, le, lt, name, num as n, str, type Expr } from './formula';
import { col, date, formula, input, num, SheetCursor, text, value, type Cell, type CellFormat, type DefinedName, type Placement, type SheetPlan, type Validation } from './plan';

export const ASSUMPTIONS_SHEET = 'Assumptions';

/** The words the rule cells hold; formulas compare against them and the reader maps them back. */
export const UNQUANTIFIED_RULE_TEXT = { excluded: 'excluded', 'category-mean': 'category mean' } as const;
export const EMPTY_CATEGORY_RULE_TEXT = { 'all-respondent-mean': 'all-respondent mean', 'per-party': 'per-party value', zero: 'zero' } as const;

/** Named assumption cells, as formulas refer to them. */
export const A = {
  decisionDate: name('DecisionDate'),
  dccLeadTime: name('DccLeadTime'),
  noticeMonths: name('NoticeMonths'),
  coverageShare: name('CoverageShare'),
  proposedRelease: name('ProposedRelease'),
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
  appraisalYears: name('AppraisalYears'),
  benefitsStart: name('BenefitsStart'),
  sensitivitySwing: name('SensitivitySwing'),
  sensitivityRateLow: name('SensitivityRateLow'),
  sensitivityRateHigh: name('SensitivityRateHigh'),
  daysPerMonth: name('DaysPerMonth'),
  monthsPerYear: name('MonthsPerYear'),
} as const;

export type NamedInput = Exclude<keyof typeof A, 'daysPerMonth' | 'monthsPerYear'>;

/** Column positions of the input tables that other sheets and the reader refer to. */
export const NAMED = { name: 0, value: 2, source: 4, default: 5, status: 6 } as const;
export const POPULATIONS = { category: 0, parties: 1, respondents: 2, source: 3, default: 4, status: 5, check: 6 } as const;
export const SCENARIO_INPUTS = {
  name: 0,
  benefit: 1,
  ongoing: 2,
  oneOff: 3,
  figuresSource: 4,
  uptakeSource: 5,
  figuresStatus: 6,
  uptakeStatus: 7,
} as const;
/** The illustrative figures each scenario started from, one row per scenario in the same order. */
export const PLACEHOLDERS = { name: 0, share: 1, benefit: 2, ongoing: 3, oneOff: 4 } as const;
export const RELEASES = { date: 0, source: 1, default: 2, status: 3 } as const;
export const BANDS = { label: 0, from: 1, to: 2, check: 3 } as const;

export interface AssumptionRefs {
  readonly named: Placement;
  readonly populations: Placement;
  readonly uptake: Placement;
  readonly scenarios: Placement;
  readonly releases: Placement;
  readonly bands: Placement;
  /** The Status cell of a named input. */
  status(input: NamedInput): Expr;
}

/** The Green Book shape the workbook formulas express: one rate to a step year, another after it. */
export function twoRateSchedule(schedule: DiscountSchedule): { rate: number; rateLong: number; stepYear: number } {
  const [first, second] = schedule.bands;
  if (!first || schedule.bands.length > 2) throw new Error('the workbook expresses discounting as at most two rates');
  return { rate: first.rate, rateLong: second?.rate ?? first.rate, stepYear: second ? first.toYear : 1000 };
}

const MONEY: Validation = { kind: 'decimal', min: 0, max: 1e10 };
const MONTHS: Validation = { kind: 'decimal', min: 0, max: 120 };
const RATE: Validation = { kind: 'decimal', min: CHECK_RATE_LIMITS.min, max: CHECK_RATE_LIMITS.max };
const SHARE: Validation = { kind: 'decimal', min: 0, max: 1 };
export const DATES: Validation = { kind: 'date', min: excelSerial('2000-01-01'), max: excelSerial('2100-12-31') };

/** One named input: how it is shown, what it accepts, and the default it started from. */
interface NamedRow {
  readonly input: NamedInput;
  readonly label: string;
  readonly value: number | string | null;
  readonly fmt: CellFormat;
  readonly unit: string;
  readonly valid: Validation;
  readonly defaultValue: number | string | null;
  readonly defaultSource: string;
  readonly defaultStatus: InputStatus;
  /** A cost that is blank until someone provides it: its status is "not yet provided" while blank. */
  readonly blankUntilProvided?: boolean;
}

/** The named inputs' defaults, which their Default column shows and the reader compares with. */
export function namedRows(a: ModelAssumptions): NamedRow[] {
  const { rate, rateLong, stepYear } = twoRateSchedule(a.appraisal.discount);
  const green = twoRateSchedule(GREEN_BOOK_DISCOUNTING);
  const coverage = a.timeline.coverage;
  if (coverage.kind === 'share-of-market') throw new Error('market-share coverage cannot be written as workbook formulas');
  const c = a.industry.central;
  const t = a.timeline;
  // A named input that starts from a default of the given kind.
  const starting =
    (defaultSource: string, defaultStatus: InputStatus) =>
    (input: NamedInput, label: string, value: number | string | null, defaultValue: number | string | null, fmt: CellFormat, unit: string, valid: Validation): NamedRow => ({
      input,
      label,
      value,
      fmt,
      unit,
      valid,
      defaultValue,
      defaultSource,
      defaultStatus,
    });
  const standard = starting(`Standard: ${GREEN_BOOK_DISCOUNTING.source} (${GREEN_BOOK_DISCOUNTING.asOf})`, 'standard');
  const method = starting(DEFAULT_SOURCES.method, 'default');
  const cost = (input: NamedInput, label: string, value: number | null, unit: string, source: string, valid: Validation = MONEY): NamedRow => ({
    input,
    label,
    value,
    fmt: 'gbp',
    unit,
    valid,
    defaultValue: null,
    defaultSource: source,
    defaultStatus: 'not-provided',
    blankUntilProvided: true,
  });
  return [
    starting(DEFAULT_SOURCES.decisionDate, 'default')('decisionDate', 'Decision (approval) date', t.decisionDate, t.defaultDecisionDate, 'date', 'date; lead times run from it', DATES),
    method('dccLeadTime', 'DCC lead time', t.dccLeadTimeMonths, 0, 'months', 'months from approval (DCC assessment)', MONTHS),
    method('noticeMonths', 'Minimum notice', t.minimumNoticeMonths, 0, 'months', 'months from approval', MONTHS),
    method('coverageShare', 'Lead times to cover', coverage.kind === 'longest' ? 1 : coverage.share, 1, 'percent', 'of respondents who gave one (100% = the longest)', { kind: 'decimal', min: 0.01, max: 1 }),
    method('proposedRelease', 'Proposed release', t.proposedRelease, null, 'date', 'date; blank = the earliest feasible', DATES),
    method('openEndedCap', 'Cap on an open-ended band', a.costs.openEndedCapMultiple, DEFAULT_COST_OPTIONS.openEndedCapMultiple, 'ratio', '× its lower figure', { kind: 'decimal', min: 1, max: 100 }),
    method('unquantifiedRule', 'Respondents with a cost but no figure', UNQUANTIFIED_RULE_TEXT[a.industry.unquantified], UNQUANTIFIED_RULE_TEXT.excluded, 'text', '"excluded" or "category mean"', {
      kind: 'list',
      choices: Object.values(UNQUANTIFIED_RULE_TEXT),
    }),
    method('emptyCategoryRule', 'Categories with parties but no figures', EMPTY_CATEGORY_RULE_TEXT[a.industry.emptyCategory.kind], EMPTY_CATEGORY_RULE_TEXT['all-respondent-mean'], 'text', '"all-respondent mean", "per-party value" or "zero"', {
      kind: 'list',
      choices: Object.values(EMPTY_CATEGORY_RULE_TEXT),
    }),
    method('emptyCategoryValue', 'Per-party value for such categories', a.industry.emptyCategory.kind === 'per-party' ? a.industry.emptyCategory.gbp : 0, 0, 'gbp', '£ a party', MONEY),
    cost('dccImplementation', 'DCC implementation cost', c.dccImplementationGbp, '£ one-off; blank = not yet provided', DEFAULT_SOURCES.dcc),
    cost('dccOngoing', 'DCC ongoing cost', c.dccOngoingGbpPerYear, '£ a year; blank = not yet provided', DEFAULT_SOURCES.dcc),
    { ...cost('secasDays', 'SECAS effort', c.secasDays, 'days', DEFAULT_SOURCES.secas, { kind: 'decimal', min: 0, max: 100_000 }), fmt: 'decimal' },
    cost('secasDayRate', 'SECAS day rate', c.secasDayRateGbp, '£ a day', DEFAULT_SOURCES.secas),
    cost('secasOther', 'Other SECAS cost', c.secasOtherGbp, '£ one-off', DEFAULT_SOURCES.secas),
    standard('discountRate', 'Discount rate', rate, green.rate, 'percent', 'real, a year, to the step year', RATE),
    standard('discountRateLong', 'Discount rate after the step year', rateLong, green.rateLong, 'percent', 'real, a year', RATE),
    standard('discountStepYear', 'Last year at the first rate', stepYear, green.stepYear, 'integer', 'appraisal year', { kind: 'whole', min: 0, max: 1000 }),
    starting(DEFAULT_SOURCES.appraisal, 'default')('appraisalYears', 'Appraisal period', a.appraisal.years, DEFAULT_APPRAISAL_YEARS, 'integer', 'years of benefits', {
      kind: 'whole',
      min: 1,
      max: MAX_APPRAISAL_YEARS,
    }),
    starting(DEFAULT_SOURCES.benefitsStart, 'default')('benefitsStart', 'Benefits start', a.appraisal.benefitsStart, null, 'date', 'date; blank = at the target release', DATES),
    method('sensitivitySwing', 'Sensitivity: change in each figure', a.sensitivity.swing, DEFAULT_SENSITIVITY.swing, 'percent', 'each figure tested at (1 − this) and (1 + this) times its value', SHARE),
    method('sensitivityRateLow', 'Sensitivity: low discount rate', a.sensitivity.discountLow, DEFAULT_SENSITIVITY.discountLow, 'percent', 'flat, a year', RATE),
    method('sensitivityRateHigh', 'Sensitivity: high discount rate', a.sensitivity.discountHigh, DEFAULT_SENSITIVITY.discountHigh, 'percent', 'flat, a year', RATE),
  ];
}

/** The status a named input's Status formula gives: the rule every input follows (model/inputStatus.ts). */
function namedStatus(row: NamedRow, source: string): InputStatus {
  if (row.blankUntilProvided) return row.value === null ? 'not-provided' : 'entered';
  return statusOf(row.value, row.defaultValue, source, row.defaultSource, row.defaultStatus);
}

/** "entered", or "entered, no source given" while the Source still reads as the default's. */
function enteredFormula(source: Expr, defaultSource: string): Expr {
  return iff(eq(source, str(defaultSource)), str(ENTERED_WITHOUT_SOURCE), str(STATUS_TEXT.entered));
}

/** Status = the default's word while the value and Source are the default's, else entered (statusWords). */
function statusFormula(value: Expr, defaultValue: Expr, source: Expr, defaultSource: string, defaultStatus: InputStatus): Expr {
  return iff(call('AND', eq(value, defaultValue), eq(source, str(defaultSource))), str(STATUS_TEXT[defaultStatus]), enteredFormula(source, defaultSource));
}

const DAYS_PER_MONTH = 365.25 / 12;

/** Every assumption as a cell the panel can change, each with its source, default and status. */
export function assumptionsSheet(
  a: ModelAssumptions,
  costs: Placement,
  respondentsIn: (category: string) => number,
): { sheet: SheetPlan; names: DefinedName[]; refs: AssumptionRefs } {
  const scenarios = a.scenarios;
  if (scenarios.length === 0) throw new Error('the workbook needs at least one scenario');
  const rows = namedRows(a);
  const populations = a.industry.populations;
  const releases = [...a.timeline.releases].sort();
  const cursor = new SheetCursor(ASSUMPTIONS_SHEET);

  const named = cursor.place(
    rows.length,
    'Assumptions: shaded cells are inputs. An input counts as entered once its value differs from its Default or its Source says where it comes from.',
    'tblAssumptions',
    [col('Name', 'text', 22), col('Assumption', 'text', 34), col('Value', 'text', 16, true), col('Unit', 'text', 36), col('Source', 'text', 48, true), col('Default', 'text', 14), col('Status', 'text', 14)],
  );
  const constants = cursor.place(6, 'Constants', 'tblConstants', [col('Name', 'text', 22), col('Constant', 'text', 34), col('Value', 'decimal', 16), col('Unit', 'text', 36), col('Source', 'text', 48)]);
  const pop = cursor.place(populations.length, 'Parties in each category', 'tblPopulations', [
    col('Category', 'text', 22),
    col('Parties', 'integer', 34, true, { kind: 'whole', min: 0, max: 100_000 }),
    col('Respondents', 'integer', 16),
    col('Source', 'text', 36, true),
    col('Default', 'integer', 48),
    col('Status', 'text', 14),
    col('Check', 'text', 24),
  ]);
  const uptake = cursor.place(populations.length, 'Uptake: share of each category’s parties that adopt, by scenario (type 25%, not 25)', 'tblUptake', [
    col('Category', 'text', 22),
    ...scenarios.map((s) => col(s.name, 'percent', 12, true, SHARE)),
  ]);
  const money = (header: string) => col(header, 'gbp', 16, true, MONEY);
  const scenarioInputs = cursor.place(scenarios.length, 'Scenarios: figures per adopting party (real terms, decision-year prices)', 'tblScenarioInputs', [
    col('Scenario', 'text', 22),
    money('Benefit a year £'),
    money('Ongoing cost a year £'),
    money('One-off cost £'),
    col('Figures source', 'text', 36, true),
    col('Uptake source', 'text', 36, true),
    col('Figures status', 'text', 14),
    col('Uptake status', 'text', 14),
  ]);
  const placeholders = cursor.place(scenarios.length, 'Placeholders the scenarios started from (illustrative; a scenario stays a placeholder until its figures or source change)', 'tblScenarioPlaceholders', [
    col('Scenario', 'text', 22),
    col('Uptake', 'percent', 16),
    col('Benefit a year £', 'gbp', 16),
    col('Ongoing cost a year £', 'gbp', 16),
    col('One-off cost £', 'gbp', 36),
  ]);
  const releaseAt = cursor.place(releases.length, 'SEC release calendar (keep in date order; a date is confirmed once its Source names the published calendar)', 'tblReleases', [
    col('Release', 'date', 22, true, DATES),
    col('Source', 'text', 34, true),
    col('Default', 'date', 16),
    col('Status', 'text', 14),
  ]);
  const bands = a.costs.bands;
  const bandAt = cursor.place(bands.length, 'Cost bands the report counts respondents in (in order, each starting where the one above ends; leave the last To blank for no upper figure)', 'tblCostBands', [
    col('Band', 'text', 22, true),
    col('From £', 'gbp', 34, true, MONEY),
    col('To £', 'gbp', 16, true, MONEY),
    col('Check', 'text', 36),
  ]);

  const v = (i: number) => named.cell(NAMED.value, i);
  const namedCells: Cell[][] = rows.map((r, i) => {
    const given = a.sources[definedName(r.input)];
    const source = given ?? r.defaultSource;
    const status = namedStatus(r, source);
    return [
      text(definedName(r.input)),
      text(r.label),
      input(r.value, r.fmt, r.valid),
      text(r.unit),
      text(source),
      value(r.defaultValue, r.fmt),
      formula(
        r.blankUntilProvided
          ? iff(call('ISNUMBER', v(i)), enteredFormula(named.cell(NAMED.source, i), r.defaultSource), str(STATUS_TEXT['not-provided']))
          : statusFormula(v(i), named.cell(NAMED.default, i), named.cell(NAMED.source, i), r.defaultSource, r.defaultStatus),
        statusWords(status, source === r.defaultSource),
      ),
    ];
  });

  const constantRows: Cell[][] = [
    [text('DaysPerMonth'), text('Days in a month'), num(DAYS_PER_MONTH), text('days (365.25 ÷ 12): fractions of a month in lead times'), text('Mean calendar month')],
    [text('MonthsPerYear'), text('Months in a year'), num(12, 'integer'), text('months: dates to appraisal years'), text('Calendar')],
    [text('MaxDiscountRate'), text('Highest discount rate the checks accept'), num(CHECK_RATE_LIMITS.max, 'percent'), text('a year'), text('Checks')],
    [text('MaxAppraisalYears'), text('Longest appraisal the checks accept'), num(MAX_APPRAISAL_YEARS, 'integer'), text('years of benefits (the Green Book rate table used ends at year 75)'), text('Checks')],
    [text('SimulationTolerance'), text('How far the totals a simulation ran on may differ from today’s'), num(SIMULATION_TOLERANCE, 'general'), text('relative: summing in another order, nothing more'), text('Checks')],
    [text('MilestoneMarkMonths'), text('Width of a milestone on the timeline chart'), num(MILESTONE_MARK_MONTHS, 'ratio'), text('months: a point in time still shows on the chart'), text('Presentation')],
  ];

  const popRows: Cell[][] = populations.map((p, i) => {
    const c = (k: number) => pop.cell(k, i);
    const respondents = call('COUNTIF', costs.column(COSTS.category), c(POPULATIONS.category));
    const seen = respondentsIn(p.category);
    const entered = populationStatus(p) === 'entered';
    const source = p.source;
    const whole = eq(c(POPULATIONS.parties), call('INT', c(POPULATIONS.parties)));
    return [
      text(p.category),
      num(p.parties),
      formula(respondents, seen),
      text(source),
      num(p.defaultParties),
      formula(
        statusFormula(c(POPULATIONS.parties), c(POPULATIONS.default), c(POPULATIONS.source), DEFAULT_SOURCES.population, 'default'),
        statusWords(entered ? 'entered' : 'default', source === DEFAULT_SOURCES.population),
      ),
      formula(
        iff(
          call('NOT', whole),
          str('not a whole number'),
          iff(call('AND', whole, eq(call('MAX', c(POPULATIONS.parties), c(POPULATIONS.respondents)), c(POPULATIONS.parties))), str('ok'), concat(concat(str('enter at least '), c(POPULATIONS.respondents)), str(' parties'))),
        ),
        !Number.isInteger(p.parties) ? 'not a whole number' : p.parties >= seen ? 'ok' : `enter at least ${seen} parties`,
      ),
    ];
  });

  const categories = populations.map((p) => p.category);
  const uptakeRows: Cell[][] = populations.map((p) => [text(p.category), ...scenarios.map((s) => num(shareOf(s.uptake[p.category], p.parties)))]);

  const scenarioRows: Cell[][] = scenarios.map((s, i) => {
    const c = (k: number) => scenarioInputs.cell(k, i);
    const I = SCENARIO_INPUTS;
    const [figures, uptakeNow] = [figuresStatus(s), uptakeStatus(s, categories)];
    const p = (k: number) => placeholders.cell(k, i);
    const placeholderFigures = call('AND', eq(c(I.benefit), p(PLACEHOLDERS.benefit)), eq(c(I.ongoing), p(PLACEHOLDERS.ongoing)), eq(c(I.oneOff), p(PLACEHOLDERS.oneOff)), eq(c(I.figuresSource), str(DEFAULT_SOURCES.scenario)));
    const placeholderUptake = call('AND', eq(call('COUNTIF', uptake.column(i + 1), concat(str('<>'), p(PLACEHOLDERS.share))), n(0)), eq(c(I.uptakeSource), str(DEFAULT_SOURCES.scenario)));
    return [
      text(s.name),
      num(s.benefitPerAdopterPerYearGbp),
      num(s.ongoingCostPerAdopterPerYearGbp),
      num(s.oneOffCostPerAdopterGbp),
      text(s.figuresSource),
      text(s.uptakeSource),
      formula(iff(placeholderFigures, str(STATUS_TEXT.placeholder), enteredFormula(c(I.figuresSource), DEFAULT_SOURCES.scenario)), statusWords(figures, s.figuresSource === DEFAULT_SOURCES.scenario)),
      formula(iff(placeholderUptake, str(STATUS_TEXT.placeholder), enteredFormula(c(I.uptakeSource), DEFAULT_SOURCES.scenario)), statusWords(uptakeNow, s.uptakeSource === DEFAULT_SOURCES.scenario)),
    ];
  });

  const releaseRows: Cell[][] = releases.map((d, i) => {
    const c = (k: number) => releaseAt.cell(k, i);
    const rule = a.timeline.ruleReleases.includes(d);
    const source = a.timeline.releaseSources[d] ?? DEFAULT_SOURCES.release;
    return [
      date(d),
      text(source),
      rule ? date(d) : date(null),
      formula(statusFormula(c(RELEASES.date), c(RELEASES.default), c(RELEASES.source), DEFAULT_SOURCES.release, 'default'), statusWords(releaseStatus(a.timeline, d), source === DEFAULT_SOURCES.release)),
    ];
  });

  const bandRows: Cell[][] = bands.map((b, i) => [text(b.label), num(b.from), num(b.to), formula(bandCheck(bandAt, i, bands.length), bandRowProblem(bands, i) ?? 'ok')]);

  const names: DefinedName[] = [
    ...rows.map((r, i) => ({ name: definedName(r.input), sheet: ASSUMPTIONS_SHEET, row: named.headerRow + 1 + i, col: NAMED.value, description: `Input: ${r.label} (${r.unit})` })),
    ...constantRows.map((r, i) => ({
      name: (r[0] as { v: string }).v,
      sheet: ASSUMPTIONS_SHEET,
      row: constants.headerRow + 1 + i,
      col: 2,
      description: `Constant: ${(r[1] as { v: string }).v}`,
    })),
  ];
  const rowOf = new Map(rows.map((r, i) => [r.input, i]));
  return {
    sheet: {
      name: ASSUMPTIONS_SHEET,
      tables: [
        named.table(namedCells),
        constants.table(constantRows),
        pop.table(popRows),
        uptake.table(uptakeRows),
        scenarioInputs.table(scenarioRows),
        placeholders.table(scenarios.map((s) => [text(s.name), num(s.placeholder.share), num(s.placeholder.benefit), num(s.placeholder.ongoing), num(s.placeholder.oneOff)])),
        releaseAt.table(releaseRows),
        bandAt.table(bandRows),
      ],
    },
    names,
    refs: {
      named,
      populations: pop,
      uptake,
      scenarios: scenarioInputs,
      releases: releaseAt,
      bands: bandAt,
      status: (inputName) => named.cell(NAMED.status, rowOf.get(inputName)!),
    },
  };
}

/** A band row's check, live: "ok", or what to mend, as bandRowProblem words it (the model refuses the same lists). */
function bandCheck(at: Placement, i: number, count: number): Expr {
  const c = (k: number) => at.cell(k, i);
  const [label, from, to] = [c(BANDS.label), c(BANDS.from), c(BANDS.to)];
  const open = call('NOT', call('ISNUMBER', to));
  const rules: [Expr, string][] = [
    [eq(call('TRIM', label), str('')), 'needs a name'],
    [call('OR', call('NOT', call('ISNUMBER', from)), lt(from, n(0))), 'needs a From figure of £0 or more'],
    [call('AND', call('NOT', open), le(to, from)), 'must end above its From'],
    ...(i < count - 1 ? [[open, 'only the last band can be left open'] as [Expr, string]] : []),
    ...(i > 0 ? [[call('NOT', eq(from, at.cell(BANDS.to, i - 1))), 'must start where the band above ends'] as [Expr, string]] : []),
  ];
  return rules.reduceRight<Expr>((rest, [test, words]) => iff(test, str(words), rest), str('ok'));
}

/** The defined name of a named input: DecisionDate, DccOngoingPerYear … */
export function definedName(input: NamedInput): string {
  return (A[input] as { name: string }).name;
}

function shareOf(u: ModelAssumptions['scenarios'][number]['uptake'][string] | undefined, parties: number): number {
  if (!u) return 0;
  return u.kind === 'share' ? u.share : parties > 0 ? u.parties / parties : 0;
}

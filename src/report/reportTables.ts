import type { ResultBasis } from '../model/basis';
import { answerKey, isNoAnswer } from '../model/answerText';
import { excelSerial } from '../model/calendarDates';
import { basisText, ENTERED_BASIS, NOT_VALID } from '../model/basis';
import type { Check } from '../model/checks';
import { CHECKS_FAIL, CHECKS_PASS } from '../model/checks';
import { populationStatus } from '../model/inputStatus';
import type { ModelAssumptions, ModelResult } from '../model/costModel';
import { RECURRING_WITHOUT_FIGURE } from '../model/costAnswer';
import { formatLeadTime, type LeadTimeAnswer } from '../model/leadTimeAnswer';
import { SIMULATION_CURRENT, SIMULATION_STALE, simulationCurrent, type MonteCarloResult } from '../model/monteCarlo';
import type { Analysis } from '../model/responseAnalysis';
import { respondentCosts } from '../model/respondentTotals';
import { GOVERNED_BY_TEXT, PAST_RELEASE } from '../model/timeline';
import { FEWER_THAN_ONE, NEVER, NO_COSTS, NOT_REACHED, partiesIn } from '../model/uptake';
import { capitalise, countWord, listing } from './format';
import {
  above,
  all,
  any,
  cat,
  count,
  dateOf,
  equals,
  evaluate,
  figured,
  isNumber,
  lookup,
  money,
  monthsOf,
  not,
  plainFigure,
  q,
  range,
  rounded,
  rowQ,
  roundedUp,
  same,
  shareOf,
  statedRange,
  textOf,
  when,
  type Live,
  type PlainFigure,
  type Quantity,
  type RangeKey,
  type ScenarioField,
} from './liveText';

/**
 * The tables SECAS puts in a Final Modification Report, as one model every renderer (Word, HTML,
 * Markdown, CSV) and the workbook's Report tables sheet draw from. Each cell, sentence and note
 * is live text (liveText.ts): evaluated here for the export, written as a formula in the workbook.
 */
export interface ReportTable {
  /** Stable across exports, so a later export can replace exactly this table in a document. */
  readonly id: string;
  readonly title: string;
  readonly columns: readonly { readonly header: string; readonly align: 'left' | 'right' }[];
  readonly rows: readonly (readonly string[])[];
  /** Each cell's figure as plain numbers, null where it is words: the CSV's columns of figures. */
  readonly figures: readonly (readonly (PlainFigure | null)[])[];
  readonly narrative: string;
  readonly notes: readonly string[];
  /** The same cells, sentence and notes as live text, for the workbook. */
  readonly live: { readonly rows: readonly (readonly Live[])[]; readonly narrative: Live; readonly notes: readonly Live[] };
}

/** A table's words and figures without the live text: what the Word report, Markdown and CSV are made from. */
export type TableWords = Omit<ReportTable, 'live'>;

export interface ReportInput {
  readonly analysis: Analysis;
  readonly assumptions: ModelAssumptions;
  readonly model: ModelResult;
  readonly uncertainty: MonteCarloResult;
  readonly basis: ResultBasis;
  readonly checks: readonly Check[];
}

/** A report ready to export: its tables, heading and file name stem ("MP207"). */
export interface ReportExport {
  readonly tables: readonly ReportTable[];
  readonly heading: string;
  readonly stem: string;
}

/** The report of a model run, headed and named for its modification. */
export function reportExport(analysis: Analysis, tables: readonly ReportTable[]): ReportExport {
  const { modification } = analysis.consultation;
  return { tables, heading: reportHeading(modification), stem: modification.id || 'consultation' };
}

/** The heading of the report's tables, e.g. "MP207 ‘Allowing …’: costs, benefits and implementation". */
export function reportHeading(modification: { readonly id: string; readonly title: string }): string {
  return `${modification.id} ${modification.title ? `‘${modification.title}’` : ''}: costs, benefits and implementation`.replace(/\s+/g, ' ').replace(/^ ?: /, '').trim();
}

const left = (header: string) => ({ header, align: 'left' as const });
const right = (header: string) => ({ header, align: 'right' as const });

type Spec = Omit<ReportTable, 'rows' | 'figures' | 'narrative' | 'notes' | 'live'> & { readonly rows: readonly (readonly Live[])[]; readonly narrative: Live; readonly notes: readonly Live[] };

function table(spec: Spec): ReportTable {
  const { rows, narrative, notes, ...rest } = spec;
  return {
    ...rest,
    rows: rows.map((r) => r.map(evaluate)),
    figures: rows.map((r) => r.map(plainFigure)),
    narrative: evaluate(narrative),
    // A note that does not apply evaluates to nothing and is left out of the export; the workbook keeps its (blank) cell.
    notes: notes.map(evaluate).filter((n) => n !== ''),
    live: { rows, narrative, notes },
  };
}

export function reportTables(input: ReportInput): ReportTable[] {
  const secas = secasResponses(input);
  return [costEstimates(input), bandDistribution(input), industryCost(input), uptakeScenarios(input), leadTimes(input), summaryOfViews(input), ...(secas ? [secas] : [])];
}

/** The model's checks, as the report states them under its tables. */
function checksNote({ checks }: ReportInput): Live {
  return cat('Model checks: ', textOf(q('checks.status', checks.every((c) => c.pass) ? CHECKS_PASS : CHECKS_FAIL)), '.');
}

/**
 * A reading flag as a note for the Panel: what was found, without the modeller's instruction that
 * follows it in the workbook ("…: enter the band to use"), starting with a capital.
 */
function panelNote(flag: string | undefined): string {
  const note = (flag ?? '')
    .split('; ')
    .map((part) => part.replace(/: (?:enter|check|read as|offered)\b.*$/, '').replace(/, so it counts up to OpenEndedCap times its lower figure$/, ', so it is capped (see below)'))
    .join('; ');
  return capitalise(note);
}

const KIND_WITHOUT_FIGURE: Readonly<Record<string, string>> = { unquantified: 'no figure given', none: 'no answer', unreadable: 'could not be read' };

function costEstimates(input: ReportInput): ReportTable {
  const { analysis, assumptions, model } = input;
  const { results } = analysis;
  const used = new Map(respondentCosts(results, assumptions.costs, assumptions.overrides.costs).map((c) => [c.respondentId, c]));
  const withFigure = q('count.withFigure', used.size);
  const respondents = results.length;
  const totals = model.totals;
  const cap = q('method.openEndedCap', assumptions.costs.openEndedCapMultiple);
  const unquantified = unquantifiedRule(assumptions);
  return table({
    id: 'cost-estimates',
    title: 'Consultation cost estimates',
    columns: [left('Respondent'), left('Category'), left('Cost (as written)'), right('Used in the model'), left('Notes')],
    rows: results.map(({ respondent, cost }, i) => {
      const u = used.get(respondent.id);
      const figure = rowQ('respondent', i, 'figure', u ? 1 : 0);
      const o = assumptions.overrides.costs[respondent.id] ?? {};
      const overridden = rowQ('respondent', i, 'costOverridden', [o.low, o.high, o.ongoingLow, o.ongoingHigh].some((v) => v !== undefined));
      const ongoingHigh = rowQ('respondent', i, 'ongoingHigh', u ? u.ongoing.high : null);
      const usedText = cat(
        statedRange(rowQ('respondent', i, 'low', u?.low ?? null), rowQ('respondent', i, 'high', u?.high ?? null)),
        when(above(ongoingHigh, 0), cat('; ', statedRange(rowQ('respondent', i, 'ongoingLow', u?.ongoing.low ?? null), ongoingHigh), ' a year')),
      );
      return [
        respondent.name,
        respondent.category,
        cost.text || '-',
        when(equals(figure, 1), usedText, lookup(rowQ('respondent', i, 'costKind', cost.kind), KIND_WITHOUT_FIGURE, '-')),
        when(equals(overridden, true), 'Figure entered by the modeller', panelNote(cost.flag)),
      ];
    }),
    narrative: when(
      equals(withFigure, 0),
      `None of the ${countWord(respondents)} respondents gave a cost figure the model can use.`,
      cat(
        count(withFigure, true),
        ` of ${countWord(respondents)} respondents ${respondents === 1 ? 'has' : 'have'} a cost figure in the model; together they come to `,
        range(q('industry.respondents.low', totals.low), q('industry.respondents.high', totals.high)),
        '.',
      ),
    ),
    notes: [
      ...(totals.capped.length ? [cat('An answer with no upper figure (such as More than £1m) is counted from its figure up to ', count(cap), ' times it; the cap is set on the Assumptions sheet.')] : []),
      when(
        equals(unquantified, 'excluded'),
        'A respondent who said they would incur a cost but gave no figure is shown as “no figure given” and adds nothing to the industry cost.',
        'A respondent who said they would incur a cost but gave no figure is shown as “no figure given” and counted in the industry cost at the mean figure of their category.',
      ),
    ],
  });
}

/**
 * Respondents by the bands SEC consultations use, with the total under them. The bands and the
 * rows for £0 and a range across bands are always shown, since an edit in the workbook can move a
 * figure into any of them; a row for answers without a figure only where a respondent is in it.
 */
function bandDistribution({ model, analysis }: ReportInput): ReportTable {
  const rows = model.bands.map((b, i) => ({ b, i })).filter(({ b }) => b.kind === 'band' || b.kind === 'zero' || b.kind === 'across' || b.count > 0);
  const bands = model.bands.filter((b) => b.kind === 'band');
  const most = Math.max(0, ...bands.map((b) => b.count));
  const top = bands.filter((b) => b.count === most);
  const [mostCount, ties, label] = [q('band.most.count', most), q('band.most.ties', top.length), q('band.most.label', top[0]?.label ?? '')];
  const respondents = (n: Quantity) => cat(count(n), when(equals(n, 1), ' respondent', ' respondents'));
  return table({
    id: 'band-distribution',
    title: 'Cost estimates by band',
    columns: [left('Cost band'), right('Respondents')],
    rows: [...rows.map(({ b, i }) => [b.kind === 'band' ? textOf(rowQ('band', i, 'label', b.label)) : b.label, rounded(rowQ('band', i, 'count', b.count), 0)]), ['Total', rounded(q('count.respondents', analysis.results.length), 0)]],
    narrative: when(
      equals(mostCount, 0),
      'No respondent gave a cost figure in any band.',
      when(
        equals(ties, 1),
        cat('The most common band was ', textOf(label), ' (', respondents(mostCount), ').'),
        cat('The most common bands, ', count(ties), ' of them, held ', respondents(mostCount), ' each.'),
      ),
    ),
    notes: [
      'Each respondent is counted once, by the one-off figure the model uses (the modeller’s where entered). A range counts in a band only when it lies within it, a single figure at a band’s upper edge counts in the band above, and an open-ended answer counts up to its cap.',
    ],
  });
}

const RANGE_KEYS: readonly RangeKey[] = ['low', 'central', 'high'];

/**
 * The costs in the order a Modification Report gives them: the DCC's, SECAS's (its days of effort
 * at its day rate), then the SEC parties' from the consultation, and the total.
 */
function industryCost(input: ReportInput): ReportTable {
  const { model, uncertainty, basis, assumptions } = input;
  const { industry, totals } = model;
  const c = industry.centralBodies;
  const three = (item: 'respondents' | 'parties' | 'oneOff' | 'partiesOngoing', values: { low: number; central: number; high: number }) =>
    Object.fromEntries(RANGE_KEYS.map((k) => [k, q(`industry.${item}.${k}`, values[k])])) as Record<RangeKey, Quantity>;
  const respondents = three('respondents', totals);
  const parties = three('parties', industry.parties);
  const oneOff = three('oneOff', industry.total);
  const ongoing = three('partiesOngoing', industry.partiesOngoing);
  const dcc = q('industry.dcc.central', c.dccImplementation);
  const secas = q('industry.secas.central', c.secas);
  const dccOngoing = q('industry.dccOngoing.central', c.dccOngoingPerYear);
  const central = assumptions.industry.central;
  const [days, rate, other] = [q('input.secasDays', central.secasDays), q('input.secasDayRate', central.secasDayRateGbp), q('input.secasOther', central.secasOtherGbp)];
  const status = q('simulation.status', simulationCurrent(uncertainty, industry.total) ? SIMULATION_CURRENT : SIMULATION_STALE);
  const current = equals(status, SIMULATION_CURRENT);
  const [p10, p50, p90] = (['p10', 'p50', 'p90'] as const).map((k) => q(`simulation.${k}`, uncertainty.industryTotal[k]));
  const orNotProvided = (x: Quantity): Live => when(isNumber(x), money(x), 'not yet provided');
  const defaulted = q('industry.defaultPopulations', countDefault(input));
  const industryBasis = q('industry.basis', basisText(basis.industry));
  // Until populations are entered the parties' figure is only the respondents': the label says so.
  const partiesLabel = when(above(defaulted, 0), 'SEC parties: all parties (populations not yet entered)', 'SEC parties: all parties');
  // A total that leaves out a central body's cost not yet provided says so where it is read.
  const totalLabel = when(
    all(isNumber(dcc), isNumber(secas)),
    'Total one-off cost',
    cat('Total one-off cost so far (', when(isNumber(dcc), 'SECAS', when(isNumber(secas), 'DCC', 'DCC and SECAS')), ' not yet provided)'),
  );
  // A yearly cost nobody stated is not a cost of £0; one a respondent speaks of without a figure is not quantified.
  const yearlyEntered = (id: string) => {
    const o = assumptions.overrides.costs[id];
    return o?.ongoingLow !== undefined || o?.ongoingHigh !== undefined;
  };
  const recurring = input.analysis.results.filter((r) => r.cost.flag?.includes(RECURRING_WITHOUT_FIGURE) && !yearlyEntered(r.respondent.id)).length;
  const ongoingCell = (x: Live): Live => when(above(ongoing.high, 0), x, recurring ? 'not quantified' : 'none stated');
  const secasLabel = cat('SECAS', when(all(isNumber(days), isNumber(rate)), cat(': ', rounded(days, 1), ' days at ', money(rate), ' a day', when(above(other, 0), cat(' and ', money(other), ' more')))));
  const rows: Live[][] = [
    ['DCC: design, build and test', orNotProvided(dcc), orNotProvided(dcc)],
    ['DCC: ongoing cost a year', orNotProvided(dccOngoing), orNotProvided(dccOngoing)],
    [secasLabel, orNotProvided(secas), orNotProvided(secas)],
    ['SEC parties: respondents’ stated costs', range(respondents.low, respondents.high), money(respondents.central)],
    [partiesLabel, range(parties.low, parties.high), money(parties.central)],
    ['SEC parties: ongoing cost a year', ongoingCell(range(ongoing.low, ongoing.high)), ongoingCell(money(ongoing.central))],
    [totalLabel, range(oneOff.low, oneOff.high), money(oneOff.central)],
    ['Simulated total, P10 to P90 (P50)', when(current, range(p10!, p90!), 'out of date: run the simulation again'), when(current, money(p50!), '')],
  ];
  const missing = when(
    all(not(isNumber(dcc)), not(isNumber(secas))),
    ' The DCC’s and SECAS’s costs are not yet provided and are not included.',
    when(not(isNumber(dcc)), ' The DCC’s costs are not yet provided and are not included.', when(not(isNumber(secas)), ' SECAS’s costs are not yet provided and are not included.')),
  );
  const silent = industry.categories.filter((k) => k.respondents === 0).map((k) => k.category);
  return table({
    id: 'industry-cost',
    title: 'Implementation costs',
    columns: [left('Item'), right('Range'), right('Central')],
    rows,
    narrative: cat(
      when(equals(industryBasis, NOT_VALID), `${NOT_VALID}. `),
      'Implementation would cost ',
      range(oneOff.low, oneOff.high),
      ' (central estimate ',
      money(oneOff.central),
      ')',
      when(current, cat(', and the simulation puts it between ', money(p10!), ' and ', money(p90!), ' (P10 to P90).'), '; the simulation is out of date and must be run again.'),
      when(
        above(defaulted, 0),
        cat(
          ' This is not the whole industry’s cost: ',
          count(defaulted),
          when(equals(defaulted, 1), ' category has', ' categories have'),
          ' no number of parties entered, so only ',
          when(equals(defaulted, 1), 'its', 'their'),
          ' respondents are counted.',
        ),
      ),
      missing,
    ),
    notes: [
      ...methodNotes(input),
      ...(silent.length ? [`No respondent was in the ${listing(silent, 'or')} ${silent.length === 1 ? 'category' : 'categories'}.`] : []),
      ...(recurring ? [`${capitalise(countWord(recurring))} ${recurring === 1 ? 'respondent speaks' : 'respondents speak'} of a recurring cost without a yearly figure: the ongoing cost and the scenarios leave it out until the modeller enters one.`] : []),
      cat(textOf(industryBasis), '.'),
      `Simulation: ${uncertainty.iterations.toLocaleString('en-GB')} Latin hypercube draws of the one-off costs, seed ${uncertainty.seed}; each respondent's figure is drawn on its own (no two are assumed to move together).`,
      checksNote(input),
    ],
  });
}

/** How many categories still have their population at the default. */
function countDefault({ assumptions }: ReportInput): number {
  return assumptions.industry.populations.filter((p) => populationStatus(p) !== 'entered').length;
}

/** How a cost without a figure counts, as the workbook's rule cell sets it. */
function unquantifiedRule(a: ModelAssumptions): Quantity {
  return q('method.unquantified', a.industry.unquantified === 'excluded' ? 'excluded' : 'category mean');
}

/** The method as live sentences: each rule as the workbook's rule cells set it, and only where it applies. */
function methodNotes(input: ReportInput): Live[] {
  const { assumptions: a, model } = input;
  const unquantified = unquantifiedRule(a);
  const rule = a.industry.emptyCategory;
  const emptyRule = q('method.emptyCategory', rule.kind === 'all-respondent-mean' ? 'all-respondent mean' : rule.kind === 'per-party' ? 'per-party value' : 'zero');
  const emptyValue = q('method.emptyCategoryValue', rule.kind === 'per-party' ? rule.gbp : 0);
  const empty = q('industry.emptyCategories', model.industry.categories.filter((c) => c.extrapolated > 0 && c.quantified === 0).length);
  const ongoing = model.industry.partiesOngoing.high > 0;
  return [
    "Each category's cost is the sum of its respondents' figures plus, for every other party in it, the mean of those figures.",
    when(
      equals(unquantified, 'excluded'),
      'Respondents who said they would incur a cost but gave no figure add nothing.',
      "Respondents who said they would incur a cost but gave no figure are counted at their category's mean.",
    ),
    when(
      above(empty, 0),
      cat(
        count(empty, true),
        when(equals(empty, 1), ' category has', ' categories have'),
        ' parties but no respondent figure; their parties take ',
        when(equals(emptyRule, 'all-respondent mean'), "the mean of all respondents' figures", when(equals(emptyRule, 'per-party value'), cat(money(emptyValue), ' each, as entered'), 'nothing')),
        '.',
      ),
    ),
    ...(ongoing ? ['Yearly ongoing costs that respondents stated are scaled up the same way; a per-party value adds nothing a year.'] : []),
  ];
}

function uptakeScenarios(input: ReportInput): ReportTable {
  const { assumptions, model, basis } = input;
  const scenarios = model.scenarios;
  const totalParties = partiesIn(assumptions.industry.populations);
  const parties = q('count.totalParties', totalParties);
  const field = (i: number, f: ScenarioField, value: number | string | null) => rowQ('scenario', i, f, value);
  const rows = scenarios.map(({ scenario, result: r }, i): Live[] => {
    const b = r.breakEven;
    const adopters = field(i, 'adopters', r.adopters);
    const bcr = field(i, 'bcr', r.bcr ?? NO_COSTS);
    const perAdopter = field(i, 'costPerAdopter', r.costPerAdopter ?? FEWER_THAN_ONE);
    const breakEven = field(i, 'breakEven', b.kind === 'adopters' ? b.adopters : b.kind === 'not-reached' ? NOT_REACHED : NEVER);
    const breakEvenShare = field(i, 'breakEvenShare', b.kind === 'adopters' ? b.share : b.kind === 'not-reached' ? NOT_REACHED : NEVER);
    const share = field(i, 'adopterShare', totalParties > 0 ? r.adopters / totalParties : null);
    return [
      scenario.name,
      // Uptake as a share of the parties, never a fraction of a party.
      when(isNumber(share), cat(shareOf(share), ' of ', rounded(parties, 0)), cat(rounded(adopters, 1), ' parties')),
      money(field(i, 'pvCosts', r.pvCosts)),
      money(field(i, 'pvBenefits', r.pvBenefits)),
      money(field(i, 'npv', r.npv)),
      cat(money(field(i, 'npvHighCost', r.npvAtCost.high)), ' to ', money(field(i, 'npvLowCost', r.npvAtCost.low))),
      when(isNumber(bcr), rounded(bcr, 2), textOf(bcr)),
      when(isNumber(perAdopter), money(perAdopter), textOf(perAdopter)),
      // The share, with the whole parties that reach it: 85.4% of 5 parties is 4.27, which takes 5.
      when(isNumber(breakEven), cat(shareOf(breakEvenShare), ' (', roundedUp(breakEven), ' of ', rounded(parties, 0), ' parties)'), textOf(breakEven)),
    ];
  });
  const centralIndex = Math.max(0, scenarios.findIndex((s) => s.result.name === 'Central'));
  const central = scenarios[centralIndex];
  const centralBasis = central ? field(centralIndex, 'basis', basisText(basis.scenarios[central.scenario.name] ?? [])) : null;
  const centralBreakEven = central ? field(centralIndex, 'breakEven', central.result.breakEven.kind === 'adopters' ? central.result.breakEven.adopters : central.result.breakEven.kind === 'not-reached' ? NOT_REACHED : NEVER) : null;
  const centralBreakEvenShare = central ? field(centralIndex, 'breakEvenShare', central.result.breakEven.kind === 'adopters' ? central.result.breakEven.share : central.result.breakEven.kind === 'not-reached' ? NOT_REACHED : NEVER) : null;
  const npvParts: Live[] = scenarios.flatMap(({ result }, i) => [
    i === 0 ? '' : i === scenarios.length - 1 ? ' and ' : ', ',
    money(field(i, 'npv', result.npv)),
    ` (${result.name})`,
  ]);
  return table({
    id: 'uptake-scenarios',
    title: 'Uptake scenarios',
    columns: [
      left('Scenario'),
      right('Uptake, share of parties'),
      right('PV costs'),
      right('PV benefits'),
      right('NPV'),
      right('NPV, high to low cost'),
      right('BCR'),
      right('Cost per adopter'),
      right('Break-even uptake'),
    ],
    rows,
    narrative:
      central && centralBasis && centralBreakEven
        ? cat(
            when(equals(centralBasis, NOT_VALID), `${NOT_VALID}. `, when(not(equals(centralBasis, ENTERED_BASIS)), 'Illustrative: the basis is under the table. ')),
            'NPV at the central industry cost is ',
            ...npvParts,
            '; ',
            when(
              isNumber(centralBreakEven),
              cat(`the ${central.result.name} scenario breaks even at `, shareOf(centralBreakEvenShare!), ' uptake, which takes ', roundedUp(centralBreakEven), ' of the ', rounded(parties, 0), ' parties'),
              when(
                equals(centralBreakEven, NOT_REACHED),
                `in the ${central.result.name} scenario no uptake breaks even: it would take more adopters than there are parties`,
                `in the ${central.result.name} scenario no uptake breaks even: each adopter costs at least as much as it gains`,
              ),
            ),
            '.',
          )
        : 'No scenario was modelled.',
    notes: [
      'Present values at the decision date in real terms, discounted as the Green Book prescribes. Every party’s implementation cost and the central bodies’ costs fall whether or not a party adopts; one-off costs fall when the change goes live and benefits run from then.',
      ...scenarioBasisNotes(scenarios.map(({ scenario }, i) => ({ name: scenario.name, basis: field(i, 'basis', basisText(basis.scenarios[scenario.name] ?? [])) }))),
    ],
  });
}

/**
 * Each scenario's basis, or one line while they are all the same (as they are until the modeller
 * enters one scenario's own figures).
 */
function scenarioBasisNotes(bases: ReadonlyArray<{ name: string; basis: Quantity }>): Live[] {
  const each = bases.map(({ name, basis }) => cat(`${name}: `, textOf(basis), '.'));
  if (bases.length < 2) return each;
  const alike = all(...bases.slice(1).map(({ basis }) => same(bases[0]!.basis, basis)));
  return each.map((line, i) => when(alike, i === 0 ? cat('Basis, every scenario: ', textOf(bases[0]!.basis), '.') : '', line));
}

const serial = (date: string | null) => (date === null ? null : excelSerial(date));

/** A lead time in months, for the plain columns: the modeller's figure, or the answer's range; none for words. */
function leadTimeFigure(answer: LeadTimeAnswer, override: number | undefined): PlainFigure | null {
  if (override !== undefined) return { unit: 'months', low: override, high: override };
  if (answer.kind === 'months') return { unit: 'months', low: answer.minMonths, high: answer.maxMonths };
  return answer.kind === 'immediate' ? { unit: 'months', low: 0, high: 0 } : null;
}

/** A respondent's note by how their answer reads, where it gives no months; readiness, overrides and a past release are live. */
const KIND_NOTE: Readonly<Record<string, string>> = {
  release: 'Named a release',
  'not-implementing': 'Not counted in the lead time',
  'as-proposed': 'Accepts the proposed date',
  'no-view': 'No answer',
  unreadable: 'Answer not read',
};
const PAST_RELEASE_NOTE = 'Named a past release';
const GOVERNED = GOVERNED_BY_TEXT;

function leadTimes(input: ReportInput): ReportTable {
  const { analysis, assumptions, model, basis } = input;
  const t = model.timeline;
  const byId = new Map(analysis.results.map((r, i) => [r.respondent.id, { r, i }]));
  const rows: Live[][] = t.respondents.map((readiness) => {
    const { r: result, i } = byId.get(readiness.respondentId)!;
    const readyBy = rowQ('respondent', i, 'readyBy', serial(readiness.readyBy));
    const override = rowQ('respondent', i, 'leadOverride', assumptions.overrides.leadTimeMonths[readiness.respondentId] ?? null);
    const target = t.targetRelease;
    const ready = rowQ('respondent', i, 'ready', readiness.readyBy !== null ? (target === null || readiness.readyBy <= target ? 'yes' : 'no') : readiness.status === 'past-release' ? PAST_RELEASE : null);
    return [
      result.respondent.name,
      result.respondent.category,
      figured(when(isNumber(override), cat(monthsOf(override), ' (entered)'), formatLeadTime(result.leadTime)), leadTimeFigure(result.leadTime, assumptions.overrides.leadTimeMonths[readiness.respondentId])),
      when(isNumber(readyBy), dateOf(readyBy), '-'),
      when(
        equals(ready, 'no'),
        'Not ready for the target release',
        when(
          isNumber(override),
          'Lead time entered by the modeller',
          when(equals(ready, PAST_RELEASE), PAST_RELEASE_NOTE, lookup(rowQ('respondent', i, 'leadKind', result.leadTime.kind), KIND_NOTE, '')),
        ),
      ),
    ];
  });
  const required = q('timeline.requiredMonths', t.requiredMonths);
  const readyDate = q('timeline.readyDate', serial(t.readyDate));
  const governed = q('timeline.governedBy', GOVERNED[t.governedBy]);
  const earliest = q('timeline.earliestRelease', serial(t.earliestRelease));
  const target = q('timeline.targetRelease', serial(t.targetRelease));
  const decision = q('timeline.decisionDate', serial(assumptions.timeline.decisionDate));
  const decisionBy = q('timeline.decisionBy', serial(t.decisionBy));
  const fallback = q('timeline.fallbackRelease', serial(t.fallbackRelease));
  const notReady = q('timeline.notReady', t.notReady.length);
  const setBy = when(
    equals(governed, GOVERNED.respondents),
    'set by respondents’ lead times',
    when(equals(governed, GOVERNED.dcc), 'set by the DCC lead time', when(equals(governed, GOVERNED.notice), 'set by the notice period', '')),
  );
  const orNone = (x: Quantity) => when(isNumber(x), dateOf(x), 'none in the calendar');
  rows.push(['Required lead time', '', monthsOf(required), dateOf(readyDate), setBy]);
  rows.push(['Earliest feasible release', '', '', orNone(earliest), '']);
  rows.push(['Target release', '', '', orNone(target), '']);
  rows.push(['Decision needed by', '', '', when(isNumber(decisionBy), dateOf(decisionBy), 'no target release'), 'for the target release']);
  rows.push(['Fallback release', '', '', orNone(fallback), 'if the decision comes later']);
  rows.push(['Not ready for the target release', '', '', '', when(equals(notReady, 0), 'none', cat(count(notReady, true), when(equals(notReady, 1), ' respondent', ' respondents')))]);
  const timelineBasis = q('timeline.basis', basisText(basis.timeline));
  return table({
    id: 'lead-times',
    title: 'Lead times and implementation approach',
    columns: [left('Respondent'), left('Category'), left('Lead time'), right('Ready by'), left('Notes')],
    rows,
    narrative: cat(
      'The required lead time is ',
      monthsOf(required),
      when(any(equals(governed, GOVERNED.respondents), equals(governed, GOVERNED.dcc), equals(governed, GOVERNED.notice)), cat(' (', setBy, ')')),
      '; from a decision on ',
      dateOf(decision),
      ', the earliest feasible release is ',
      when(isNumber(earliest), dateOf(earliest), 'beyond the release calendar'),
      '.',
      when(
        all(isNumber(target), isNumber(decisionBy)),
        cat(
          ' The target release, ',
          dateOf(target),
          ', needs a decision by ',
          dateOf(decisionBy),
          '; ',
          when(isNumber(fallback), cat('a later decision moves the change to ', dateOf(fallback)), 'the calendar has no release after it'),
          '.',
          when(equals(notReady, 0), ' Every respondent who gave a lead time would be ready for it.', cat(' ', count(notReady, true), when(equals(notReady, 1), ' respondent', ' respondents'), ' would not be ready for it.')),
        ),
      ),
    ),
    notes: [
      'Lead times run from the decision date; the release is the first in the SEC release calendar on or after the ready-by date and any later release a respondent named.',
      cat(textOf(timelineBasis), '.'),
    ],
  });
}

const VIEWS = ['Yes', 'No', 'Neutral', 'Other', 'No answer'] as const;
type View = (typeof VIEWS)[number];

/** A response's view from its first word, as a Modification Report counts them. */
function viewOf(response: string): View {
  const key = answerKey(response);
  if (isNoAnswer(key)) return 'No answer';
  if (/^yes\b/.test(key)) return 'Yes';
  if (/^no\b/.test(key)) return 'No';
  if (/^neutral\b/.test(key)) return 'Neutral';
  return 'Other';
}

/**
 * One row per question with its wording and the count of each view. The cost and lead-time
 * questions have tables of their own; a question nobody answered (a request for comments) is left out.
 */
function summaryOfViews({ analysis }: ReportInput): ReportTable {
  const { consultation, roles } = analysis;
  const own = new Set([roles.costQuestion, roles.leadTimeQuestion]);
  const rows: string[][] = [];
  // Questions by how respondents who answered them leaned: everyone, or most, Yes or No.
  const leaning = { everyYes: [] as number[], mostYes: [] as number[], everyNo: [] as number[], mostNo: [] as number[] };
  for (const question of consultation.questions) {
    if (own.has(question.number)) continue;
    const views = consultation.answers.filter((a) => a.question === question.number).map((a) => viewOf(a.response));
    if (!views.some((v) => v !== 'No answer')) continue;
    const tally = VIEWS.map((v) => views.filter((x) => x === v).length);
    rows.push([String(question.number), question.text, ...tally.map(String), String(views.length)]);
    const [yes, no] = tally as [number, number];
    const answered = views.length - tally[4]!;
    if (yes === answered) leaning.everyYes.push(question.number);
    else if (yes > answered / 2) leaning.mostYes.push(question.number);
    if (no === answered) leaning.everyNo.push(question.number);
    else if (no > answered / 2) leaning.mostNo.push(question.number);
  }
  const questionList = (qs: number[]) => `question${qs.length === 1 ? '' : 's'} ${listing(qs.map(String))}`;
  const parts = [
    leaning.everyYes.length ? `every respondent who answered said Yes to ${questionList(leaning.everyYes)}` : '',
    leaning.mostYes.length ? `most respondents said Yes to ${questionList(leaning.mostYes)}` : '',
    leaning.everyNo.length ? `every respondent who answered said No to ${questionList(leaning.everyNo)}` : '',
    leaning.mostNo.length ? `most respondents said No to ${questionList(leaning.mostNo)}` : '',
  ].filter(Boolean);
  return table({
    id: 'summary-of-views',
    title: 'Summary of views',
    columns: [left('Question'), left('Wording'), right('Yes'), right('No'), right('Neutral'), right('Other'), right('No answer'), right('Total')],
    rows,
    narrative: parts.length ? `${capitalise(parts.join('; '))}.` : rows.length ? 'No question had a majority answering Yes or No.' : 'No question beyond the cost and lead-time questions was answered.',
    notes: ['Each response is counted by its first word (Yes, No or Neutral); the cost and lead-time questions are reported in their own tables, and questions asking only for comments are left out.'],
  });
}

const SECAS_COLUMN = 'SECAS Response';

/**
 * The points respondents raised that SECAS answered, with its answer, where the document has a
 * SECAS Response column; a cell left as "-" is no answer. Null when the document has no such column.
 */
function secasResponses({ analysis }: ReportInput): ReportTable | null {
  const { consultation } = analysis;
  // Read from the answers, which a workbook taken up without its document also holds.
  if (!consultation.answers.some((a) => a.extra[SECAS_COLUMN] !== undefined)) return null;
  const names = new Map(consultation.respondents.map((r) => [r.id, r.name]));
  const answered = consultation.answers.filter((a) => !isNoAnswer(answerKey(a.extra[SECAS_COLUMN] ?? '')));
  const questions = [...new Set(answered.map((a) => a.question))];
  return table({
    id: 'secas-responses',
    title: 'Points raised and SECAS’s responses',
    columns: [left('Question'), left('Respondent'), left('Response'), left('Point raised'), left(SECAS_COLUMN)],
    rows: answered.map((a) => [String(a.question), names.get(a.respondentId) ?? a.respondentId, a.response, a.rationale, a.extra[SECAS_COLUMN]!]),
    narrative: answered.length
      ? `SECAS responded to ${countWord(answered.length)} point${answered.length === 1 ? '' : 's'} raised on ${questions.length === 1 ? 'question' : 'questions'} ${listing(questions.map(String))}.`
      : 'SECAS did not respond to any point raised in the consultation.',
    notes: ['As the consultation responses give them; points SECAS did not respond to are in the collated responses.'],
  });
}

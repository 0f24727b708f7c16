import { DEFAULT_SOURCES, populationStatus } from './inputStatus';
import { formatGbpStated, gbp, type Gbp } from './money';
import type { RespondentCost } from './respondentTotals';
import type { RespondentResult } from './responseAnalysis';

/** The SEC party categories every extrapolation table starts with; categories found in a document are added. */
export const STANDARD_CATEGORIES = [
  'Large Supplier',
  'Small Supplier',
  'Electricity Network Party',
  'Gas Network Party',
  'Other SEC Party',
  'DCC',
] as const;

/** The DCC as a party category: its implementation cost also comes from its own assessment. */
export const DCC_CATEGORY = 'DCC';

export interface CategoryPopulation {
  readonly category: string;
  /** How many parties the category has in the whole industry. */
  readonly parties: number;
  /** Where the number comes from, shown beside it. */
  readonly source: string;
  /** The number the tool started from (the respondents seen), kept beside it so a change from it shows. */
  readonly defaultParties: number;
}

/** How respondents who said they incur a cost but gave no figure count. */
export type UnquantifiedRule = 'excluded' | 'category-mean';

/** What a category with parties but no respondent figure gets per party. */
export type EmptyCategoryRule =
  | { readonly kind: 'all-respondent-mean' }
  | { readonly kind: 'per-party'; readonly gbp: number }
  | { readonly kind: 'zero' };

/**
 * Costs the central bodies bear, entered by the modeller; null until provided. SECAS's cost is
 * days × day rate plus any other sum, provided once both days and rate (or the other sum) are.
 */
export interface CentralCosts {
  readonly dccImplementationGbp: number | null;
  readonly dccOngoingGbpPerYear: number | null;
  readonly secasDays: number | null;
  readonly secasDayRateGbp: number | null;
  readonly secasOtherGbp: number | null;
}

export interface IndustryOptions {
  readonly populations: readonly CategoryPopulation[];
  readonly unquantified: UnquantifiedRule;
  readonly emptyCategory: EmptyCategoryRule;
  readonly central: CentralCosts;
}

export const NO_CENTRAL_COSTS: CentralCosts = { dccImplementationGbp: null, dccOngoingGbpPerYear: null, secasDays: null, secasDayRateGbp: null, secasOtherGbp: null };

export interface Range3 {
  readonly low: Gbp;
  readonly central: Gbp;
  readonly high: Gbp;
}

export interface CategoryEstimate {
  readonly category: string;
  readonly parties: number;
  readonly respondents: number;
  readonly quantified: number;
  readonly unquantified: number;
  /** Parties given the per-party value: non-respondents, respondents without a usable answer, and (by rule) unquantified respondents. */
  readonly extrapolated: number;
  /** The per-party value the extrapolated parties get, and where it comes from. */
  readonly perParty: Range3;
  readonly perPartySource: 'category-mean' | 'all-respondent-mean' | 'per-party-value' | 'zero' | 'not-needed';
  readonly cost: Range3;
  /** Yearly ongoing cost: the stated figures plus the per-party ongoing value for the extrapolated parties. */
  readonly perPartyOngoing: Range3;
  readonly ongoing: Range3;
}

/**
 * The industry total as a linear function of the respondents' figures: total = Σ weight·figure +
 * constant. The deterministic estimate and every Monte Carlo draw use the same weights, and so do
 * the workbook's formulas.
 */
export interface IndustryLinear {
  readonly weights: ReadonlyMap<string, number>;
  /** Per-party values and central-body one-off costs, which do not depend on respondents' figures. */
  readonly constant: number;
}

/** The central bodies' costs as entered; null where not yet provided (and counted as nothing). */
export interface CentralBodyCosts {
  readonly dccImplementation: Gbp | null;
  readonly secas: Gbp | null;
  readonly dccOngoingPerYear: Gbp | null;
  /** The one-off costs provided. */
  readonly total: Gbp;
}

export interface IndustryEstimate {
  readonly categories: readonly CategoryEstimate[];
  /** All SEC parties' implementation cost. */
  readonly parties: Range3;
  /** All SEC parties' yearly ongoing cost. */
  readonly partiesOngoing: Range3;
  readonly centralBodies: CentralBodyCosts;
  /** Parties plus central bodies' one-off costs. */
  readonly total: Range3;
  /** True when every category with respondents has its population entered: only then is this the whole industry. */
  readonly wholeIndustry: boolean;
  readonly linear: IndustryLinear;
  /** The method in plain sentences, so the choices made are visible wherever the numbers go. */
  readonly method: readonly string[];
}

export type IndustryResult = { readonly ok: true; readonly estimate: IndustryEstimate } | { readonly ok: false; readonly problems: readonly string[] };

/** The standard categories plus any in the document; parties default to the respondents seen, flagged as a default. */
export function defaultPopulations(results: readonly RespondentResult[]): CategoryPopulation[] {
  const found = results.map((r) => r.respondent.category).filter((c) => c !== '');
  const categories = [...new Set<string>([...STANDARD_CATEGORIES, ...found])];
  return categories.map((category) => {
    const parties = found.filter((c) => c === category).length;
    return { category, parties, source: DEFAULT_SOURCES.population, defaultParties: parties };
  });
}

/** SECAS's cost, or null until its days and day rate (or another sum) are provided. */
export function secasCost(c: CentralCosts): Gbp | null {
  const provided = (c.secasDays !== null && c.secasDayRateGbp !== null) || c.secasOtherGbp !== null;
  return provided ? gbp((c.secasDays ?? 0) * (c.secasDayRateGbp ?? 0) + (c.secasOtherGbp ?? 0)) : null;
}

/**
 * The categories whose parties rest on the default (the respondents seen): a category nobody
 * answered for defaults to none, which is a default to confirm like any other.
 */
export function defaultPopulationCategories(populations: readonly CategoryPopulation[]): string[] {
  return populations.filter((p) => populationStatus(p) !== 'entered').map((p) => p.category);
}

/**
 * Scales each category's respondent costs to its population: the category's stated costs, plus
 * the category mean for every other party (or the fallback when no respondent gave a figure).
 */
export function extrapolateIndustry(results: readonly RespondentResult[], costs: readonly RespondentCost[], options: IndustryOptions): IndustryResult {
  const problems = validate(results, options);
  if (problems.length) return { ok: false, problems };

  const quantifiedIds = new Set(costs.map((c) => c.respondentId));
  const weights = new Map<string, number>(costs.map((c) => [c.respondentId, 0]));
  let constant = 0;
  const allMean = mean3(costs);
  const allOngoingMean = mean3(costs.map((c) => c.ongoing));
  const categories = options.populations.map((population): CategoryEstimate => {
    const inCategory = results.filter((r) => r.respondent.category === population.category);
    const quantified = costs.filter((c) => c.category === population.category);
    const unquantified = inCategory.filter((r) => r.cost.kind === 'unquantified' && !quantifiedIds.has(r.respondent.id)).length;
    const extrapolated = population.parties - quantified.length - (options.unquantified === 'excluded' ? unquantified : 0);
    const stated = sum3(quantified);
    let perParty: Range3 = zero3();
    let perPartySource: CategoryEstimate['perPartySource'] = 'not-needed';
    if (extrapolated > 0 && quantified.length > 0) {
      perParty = mean3(quantified)!;
      perPartySource = 'category-mean';
      for (const c of quantified) weights.set(c.respondentId, weights.get(c.respondentId)! + extrapolated / quantified.length);
    } else if (extrapolated > 0) {
      const rule = options.emptyCategory;
      if (rule.kind === 'all-respondent-mean' && allMean) {
        perParty = allMean;
        perPartySource = 'all-respondent-mean';
        for (const c of costs) weights.set(c.respondentId, weights.get(c.respondentId)! + extrapolated / costs.length);
      } else if (rule.kind === 'per-party') {
        perParty = { low: gbp(rule.gbp), central: gbp(rule.gbp), high: gbp(rule.gbp) };
        perPartySource = 'per-party-value';
        constant += extrapolated * rule.gbp;
      } else {
        perPartySource = 'zero';
      }
    }
    for (const c of quantified) weights.set(c.respondentId, weights.get(c.respondentId)! + 1);
    const scaled = (k: keyof Range3) => gbp(stated[k] + Math.max(0, extrapolated) * perParty[k]);
    // Ongoing costs follow the same rule, except that a per-party value is a one-off figure only.
    const perPartyOngoing =
      perPartySource === 'category-mean' ? mean3(quantified.map((c) => c.ongoing))! : perPartySource === 'all-respondent-mean' ? allOngoingMean! : zero3();
    const statedOngoing = sum3(quantified.map((c) => c.ongoing));
    const scaledOngoing = (k: keyof Range3) => gbp(statedOngoing[k] + Math.max(0, extrapolated) * perPartyOngoing[k]);
    return {
      category: population.category,
      parties: population.parties,
      respondents: inCategory.length,
      quantified: quantified.length,
      unquantified,
      extrapolated: Math.max(0, extrapolated),
      perParty,
      perPartySource,
      cost: { low: scaled('low'), central: scaled('central'), high: scaled('high') },
      perPartyOngoing,
      ongoing: { low: scaledOngoing('low'), central: scaledOngoing('central'), high: scaledOngoing('high') },
    };
  });

  const parties = sum3(categories.map((c) => c.cost));
  const c = options.central;
  const dccImplementation = c.dccImplementationGbp === null ? null : gbp(c.dccImplementationGbp);
  const secas = secasCost(c);
  const centralTotal = gbp((dccImplementation ?? 0) + (secas ?? 0));
  const total: Range3 = { low: gbp(parties.low + centralTotal), central: gbp(parties.central + centralTotal), high: gbp(parties.high + centralTotal) };
  const defaulted = defaultPopulationCategories(options.populations);
  return {
    ok: true,
    estimate: {
      categories,
      parties,
      partiesOngoing: sum3(categories.map((x) => x.ongoing)),
      centralBodies: { dccImplementation, secas, dccOngoingPerYear: c.dccOngoingGbpPerYear === null ? null : gbp(c.dccOngoingGbpPerYear), total: centralTotal },
      total,
      wholeIndustry: defaulted.length === 0,
      linear: { weights, constant: constant + centralTotal },
      method: methodSentences(options, categories, defaulted, costs.some((x) => x.ongoing.high > 0)),
    },
  };
}

function validate(results: readonly RespondentResult[], options: IndustryOptions): string[] {
  const problems: string[] = [];
  const listed = new Set(options.populations.map((p) => p.category));
  for (const p of options.populations) {
    if (!Number.isInteger(p.parties) || p.parties < 0) problems.push(`${p.category}: the number of parties must be a whole number of 0 or more (got ${p.parties})`);
    const respondents = results.filter((r) => r.respondent.category === p.category).length;
    if (p.parties < respondents) {
      problems.push(`${p.category}: ${p.parties} ${p.parties === 1 ? 'party is' : 'parties are'} entered but ${respondents} respondents are in this category; enter at least ${respondents}`);
    }
  }
  for (const category of new Set(results.map((r) => r.respondent.category))) {
    if (!listed.has(category)) problems.push(`${category || '(no category)'}: respondents are in this category but it has no population; add it`);
  }
  if (options.emptyCategory.kind === 'per-party' && !(options.emptyCategory.gbp >= 0)) problems.push('the per-party value for categories without figures must be £0 or more');
  const c = options.central;
  const money = [c.dccImplementationGbp, c.dccOngoingGbpPerYear, c.secasDays, c.secasDayRateGbp, c.secasOtherGbp];
  if (money.some((m) => m !== null && !(Number.isFinite(m) && m >= 0))) problems.push('central-body costs must be £0 or more (or left blank until provided)');
  return problems;
}

/**
 * The method in sentences for the report and the workbook: the rules that applied and what rests
 * on defaults, with no figures that could go stale beside live cells.
 */
function methodSentences(options: IndustryOptions, categories: readonly CategoryEstimate[], defaulted: readonly string[], ongoing: boolean): string[] {
  const sentences = [
    "Each category's cost is the sum of its respondents' figures plus, for every other party in it, the mean of those figures.",
    options.unquantified === 'excluded'
      ? 'Respondents who said they would incur a cost but gave no figure add nothing.'
      : "Respondents who said they would incur a cost but gave no figure are counted at their category's mean.",
  ];
  const empty = categories.filter((c) => c.perPartySource !== 'category-mean' && c.perPartySource !== 'not-needed' && c.extrapolated > 0).map((c) => c.category);
  const rule = options.emptyCategory;
  if (empty.length) {
    const which = `${listOf(empty)} ${empty.length === 1 ? 'has' : 'have'} parties but no respondent figure, so ${empty.length === 1 ? 'its parties take' : 'their parties take'}`;
    sentences.push(
      rule.kind === 'all-respondent-mean'
        ? `${which} the mean of all respondents' figures.`
        : rule.kind === 'per-party'
          ? `${which} ${formatGbpStated(rule.gbp)} each, as entered.`
          : `${which} nothing.`,
    );
  }
  if (ongoing) sentences.push('Yearly ongoing costs that respondents stated are scaled up the same way.');
  if (defaulted.length) {
    sentences.push(
      `The number of parties in ${listOf(defaulted)} is not yet entered: ${defaulted.length === 1 ? 'that category is' : 'those categories are'} taken to have only ${defaulted.length === 1 ? 'its' : 'their'} respondents, so the total is not the whole industry's.`,
    );
  }
  const c = options.central;
  const dcc = c.dccImplementationGbp === null ? 'not yet provided' : formatGbpStated(c.dccImplementationGbp);
  const secas = secasCost(c);
  const secasText =
    secas === null
      ? 'not yet provided'
      : `${formatGbpStated(secas)}${c.secasDays !== null && c.secasDayRateGbp !== null ? ` (${c.secasDays} days at ${formatGbpStated(c.secasDayRateGbp)} a day${c.secasOtherGbp ? ` and ${formatGbpStated(c.secasOtherGbp)} more` : ''})` : ''}`;
  sentences.push(`Central bodies' one-off costs: DCC ${dcc}; SECAS ${secasText}.`);
  return sentences;
}

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function zero3(): Range3 {
  return { low: gbp(0), central: gbp(0), high: gbp(0) };
}

function sum3(items: readonly { low: number; central: number; high: number }[]): Range3 {
  return items.reduce<Range3>((s, c) => ({ low: gbp(s.low + c.low), central: gbp(s.central + c.central), high: gbp(s.high + c.high) }), zero3());
}

function mean3(items: readonly { low: number; central: number; high: number }[]): Range3 | null {
  if (items.length === 0) return null;
  const s = sum3(items);
  return { low: gbp(s.low / items.length), central: gbp(s.central / items.length), high: gbp(s.high / items.length) };
}

/** Evaluates the linear form for one set of respondent figures (low, central, high or a draw). */
export function industryTotalFor(linear: IndustryLinear, figure: (respondentId: string) => number): number {
  let total = linear.constant;
  for (const [id, w] of linear.weights) total += w * figure(id);
  return total;
}

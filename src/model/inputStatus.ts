import type { ModelAssumptions } from './costModel';
import type { CategoryPopulation } from './industryCost';
import { DEFAULT_COST_OPTIONS } from './respondentTotals';
import type { TimelineInputs } from './timeline';
import { DEFAULT_APPRAISAL_YEARS, type Scenario } from './uptake';

/**
 * Whether an input is the panel's own figure or something the tool put there to start from. A
 * result is only as good as what it rests on, so every result states the inputs it rests on that
 * nobody has entered yet.
 */
export type InputStatus =
  /** Typed or confirmed by the modeller or panel. */
  | 'entered'
  /** A published standard (the Green Book discount rates): fine to rest on, still dated and sourced. */
  | 'standard'
  /** A stand-in the tool chose (populations = respondents, the release rule, today's date). */
  | 'default'
  /** An illustrative figure for the panel to replace (uptake, benefits, per-adopter costs). */
  | 'placeholder'
  /** A cost nobody has entered yet: counted as nothing, and said so. */
  | 'not-provided';

/** The words a Status cell shows; the workbook's formulas write the same. */
export const STATUS_TEXT: Readonly<Record<InputStatus, string>> = {
  entered: 'entered',
  standard: 'standard',
  default: 'default',
  placeholder: 'placeholder',
  'not-provided': 'not yet provided',
};

/** What a Status cell says of a figure moved from its default while its Source still reads as the default's. */
export const ENTERED_WITHOUT_SOURCE = 'entered, no source given';

/** The words a Status cell shows: an entered figure whose Source is still the default's asks for one. */
export function statusWords(status: InputStatus, sourceIsDefault: boolean): string {
  return status === 'entered' && sourceIsDefault ? ENTERED_WITHOUT_SOURCE : STATUS_TEXT[status];
}

/**
 * The Source a default carries when the tool writes it. An input counts as entered once its value
 * differs from the default written beside it, or its Source no longer reads as below: so a panel
 * can also confirm a default by giving it a source of its own.
 */
export const DEFAULT_SOURCES = {
  population: 'Default: the number of respondents in this category',
  scenario: 'Placeholder: illustrative figures until the panel enters its own',
  release: 'Default: SEC release rule; confirm against the published calendar',
  decisionDate: 'Default: the day the model was run',
  dcc: 'Not yet provided: enter from the DCC Preliminary or Impact Assessment',
  secas: 'Not yet provided: enter SECAS effort and day rate',
  appraisal: 'Default: ten years of benefits from the release',
  benefitsStart: 'Default: benefits start at the target release',
  method: 'Default method choice',
} as const;

/** The status of an input: entered once its value or its source moved from the default's. */
export function statusOf<T>(value: T, defaultValue: T, source: string, defaultSource: string, defaultStatus: InputStatus): InputStatus {
  return value === defaultValue && source === defaultSource ? defaultStatus : 'entered';
}

// Each input's status follows from its value and source (never stored beside them), exactly as the
// workbook's Status formulas compute it.

export function populationStatus(p: CategoryPopulation): InputStatus {
  return statusOf(p.parties, p.defaultParties, p.source, DEFAULT_SOURCES.population, 'default');
}

/** A scenario's uptake is a placeholder while every category is at the placeholder share and its source is the default's. */
export function uptakeStatus(s: Scenario, categories: readonly string[]): InputStatus {
  const same = categories.every((c) => {
    const u = s.uptake[c];
    return u?.kind === 'share' && u.share === s.placeholder.share;
  });
  return same && s.uptakeSource === DEFAULT_SOURCES.scenario ? 'placeholder' : 'entered';
}

export function figuresStatus(s: Scenario): InputStatus {
  const p = s.placeholder;
  const same = s.benefitPerAdopterPerYearGbp === p.benefit && s.ongoingCostPerAdopterPerYearGbp === p.ongoing && s.oneOffCostPerAdopterGbp === p.oneOff;
  return same && s.figuresSource === DEFAULT_SOURCES.scenario ? 'placeholder' : 'entered';
}

export function decisionDateStatus(t: TimelineInputs, sources: Readonly<Record<string, string>>): InputStatus {
  return statusOf(t.decisionDate, t.defaultDecisionDate, sources.DecisionDate ?? DEFAULT_SOURCES.decisionDate, DEFAULT_SOURCES.decisionDate, 'default');
}

/** The named inputs a result's basis looks at beyond those above, with the defaults they start from. */
export type NamedStatusInput = 'OpenEndedCap' | 'DccLeadTime' | 'NoticeMonths' | 'AppraisalYears';

export function namedStatus(a: ModelAssumptions, input: NamedStatusInput): InputStatus {
  const [value, defaultValue] = {
    OpenEndedCap: [a.costs.openEndedCapMultiple, DEFAULT_COST_OPTIONS.openEndedCapMultiple],
    DccLeadTime: [a.timeline.dccLeadTimeMonths, 0],
    NoticeMonths: [a.timeline.minimumNoticeMonths, 0],
    AppraisalYears: [a.appraisal.years, DEFAULT_APPRAISAL_YEARS],
  }[input];
  // `sources` holds only sources other than the default's.
  return value === defaultValue && a.sources[input] === undefined ? 'default' : 'entered';
}

/** A release is unconfirmed while it is one of the rule's dates and has no source of its own. */
export function releaseStatus(t: TimelineInputs, date: string): InputStatus {
  return t.ruleReleases.includes(date as TimelineInputs['releases'][number]) && !(date in t.releaseSources) ? 'default' : 'entered';
}

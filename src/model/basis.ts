import type { ModelAssumptions, ModelResult } from './costModel';
import { defaultPopulationCategories } from './industryCost';
import { decisionDateStatus, figuresStatus, namedStatus, releaseStatus, uptakeStatus, type NamedStatusInput } from './inputStatus';
import type { Analysis } from './responseAnalysis';

/**
 * What each result rests on that nobody has entered yet, in the words the workbook's live "Basis"
 * cells build from the Status cells, in this order.
 */
export const BASIS_ITEMS = {
  populations: 'populations not entered',
  openEndedCap: 'the default cap on open-ended bands',
  dccImplementation: 'DCC implementation cost not yet provided',
  secas: 'SECAS cost not yet provided',
  dccOngoing: 'DCC ongoing cost not yet provided',
  uptake: 'placeholder uptake',
  figures: 'placeholder benefits and per-adopter costs',
  appraisalYears: 'the default appraisal period',
  decisionDate: 'default decision date',
  dccLeadTime: 'DCC lead time not entered',
  notice: 'minimum notice not entered',
  release: 'a release date from the default rule',
} as const;

export interface ResultBasis {
  readonly industry: readonly string[];
  /** By scenario name. */
  readonly scenarios: Readonly<Record<string, readonly string[]>>;
  readonly timeline: readonly string[];
}

export function resultBasis(analysis: Analysis, a: ModelAssumptions, model: ModelResult): ResultBasis {
  const c = model.industry.centralBodies;
  const named = (input: NamedStatusInput) => namedStatus(a, input);
  const industry = [
    ...(defaultPopulationCategories(a.industry.populations).length ? [BASIS_ITEMS.populations] : []),
    // The cap matters only where a band is open-ended.
    ...(model.totals.capped.length && named('OpenEndedCap') !== 'entered' ? [BASIS_ITEMS.openEndedCap] : []),
    ...(c.dccImplementation === null ? [BASIS_ITEMS.dccImplementation] : []),
    ...(c.secas === null ? [BASIS_ITEMS.secas] : []),
  ];
  const target = model.timeline.targetRelease;
  const categories = a.industry.populations.map((p) => p.category);
  const timeline = [
    ...(decisionDateStatus(a.timeline, a.sources) !== 'entered' ? [BASIS_ITEMS.decisionDate] : []),
    ...(named('DccLeadTime') !== 'entered' ? [BASIS_ITEMS.dccLeadTime] : []),
    ...(named('NoticeMonths') !== 'entered' ? [BASIS_ITEMS.notice] : []),
    ...(target !== null && releaseStatus(a.timeline, target) !== 'entered' ? [BASIS_ITEMS.release] : []),
  ];
  const scenarios = Object.fromEntries(
    a.scenarios.map((s) => [
      s.name,
      [
        ...industry,
        ...(c.dccOngoingPerYear === null ? [BASIS_ITEMS.dccOngoing] : []),
        ...(uptakeStatus(s, categories) !== 'entered' ? [BASIS_ITEMS.uptake] : []),
        ...(figuresStatus(s) !== 'entered' ? [BASIS_ITEMS.figures] : []),
        ...(named('AppraisalYears') !== 'entered' ? [BASIS_ITEMS.appraisalYears] : []),
        ...timeline,
      ],
    ]),
  );
  return { industry, scenarios, timeline };
}

export const ENTERED_BASIS = 'Rests on entered inputs';
/** What the workbook says in place of a basis while an input fails its check (the engine refuses such inputs). */
export const NOT_VALID = 'Not valid: an input fails its check (see the Checks sheet)';

/** A result's basis as one sentence: "Rests on entered inputs" or "Illustrative: rests on …". */
export function basisText(restsOn: readonly string[]): string {
  return restsOn.length ? `Illustrative: rests on ${restsOn.join('; ')}` : ENTERED_BASIS;
}

/** The items joined as the workbook's "Rests on" cells hold them: each after "; ". */
export function restsOnText(restsOn: readonly string[]): string {
  return restsOn.map((item) => `; ${item}`).join('');
}

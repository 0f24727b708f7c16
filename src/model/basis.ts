import type { ModelAssumptions, ModelResult } from './costModel';
import { defaultPopulationCategories } from './industryCost';
import { decisionDateStatus, figuresStatus, releaseStatus, uptakeStatus } from './inputStatus';
import type { Analysis } from './responseAnalysis';

/**
 * What each result rests on that nobody has entered yet, in the words the workbook's live "Basis"
 * cells build from the Status cells, in this order.
 */
export const BASIS_ITEMS = {
  populations: 'populations not entered',
  dccImplementation: 'DCC implementation cost not yet provided',
  secas: 'SECAS cost not yet provided',
  dccOngoing: 'DCC ongoing cost not yet provided',
  uptake: 'placeholder uptake',
  figures: 'placeholder benefits and per-adopter costs',
  decisionDate: 'default decision date',
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
  const industry = [
    ...(defaultPopulationCategories(a.industry.populations, analysis.results).length ? [BASIS_ITEMS.populations] : []),
    ...(c.dccImplementation === null ? [BASIS_ITEMS.dccImplementation] : []),
    ...(c.secas === null ? [BASIS_ITEMS.secas] : []),
  ];
  const target = model.timeline.targetRelease;
  const categories = a.industry.populations.map((p) => p.category);
  const timeline = [
    ...(decisionDateStatus(a.timeline, a.sources) !== 'entered' ? [BASIS_ITEMS.decisionDate] : []),
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
        ...timeline,
      ],
    ]),
  );
  return { industry, scenarios, timeline };
}

/** A result's basis as one sentence: "Rests on entered inputs" or "Illustrative: rests on …". */
export function basisText(restsOn: readonly string[]): string {
  return restsOn.length ? `Illustrative: rests on ${restsOn.join('; ')}` : 'Rests on entered inputs';
}

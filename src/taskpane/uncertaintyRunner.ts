import type { ModelAssumptions } from '../model/costModel';
import type { IndustryEstimate } from '../model/industryCost';
import type { MonteCarloResult } from '../model/monteCarlo';
import type { Analysis } from '../model/responseAnalysis';

export interface UncertaintyJob {
  readonly analysis: Analysis;
  readonly assumptions: ModelAssumptions;
  readonly industry: IndustryEstimate;
}

/** A running simulation: its result, and a way to stop it. */
export interface UncertaintyRun {
  readonly result: Promise<MonteCarloResult>;
  cancel(): void;
}

/** Starts a simulation, reporting progress (respondents done of total). */
export type UncertaintyRunner = (job: UncertaintyJob, onProgress: (done: number, total: number) => void) => UncertaintyRun;

export class Cancelled extends Error {
  override readonly name = 'Cancelled';
}

/** Runs in this thread: for tests and where workers are unavailable. The engine loads with the first run. */
export const runInPage: UncertaintyRunner = (job, onProgress) => {
  let cancelled = false;
  const engine = import(/* webpackChunkName: "review" */ '../model/costModel');
  const result = new Promise<MonteCarloResult>((resolve, reject) =>
    setTimeout(() => {
      engine.then(({ runUncertainty }) => {
        if (cancelled) return reject(new Cancelled('cancelled'));
        try {
          resolve(runUncertainty(job.analysis, job.assumptions, job.industry, onProgress));
        } catch (e) {
          reject(e);
        }
      }, reject);
    }, 0),
  );
  return { result, cancel: () => (cancelled = true) };
};

/** Messages between the page and the simulation worker. The industry's weights travel as entries (a Map does not clone into JSON-like messages everywhere). */
export type ToWorker = { readonly job: Omit<UncertaintyJob, 'industry'> & { readonly industry: Omit<IndustryEstimate, 'linear'> & { readonly linear: { readonly weights: [string, number][]; readonly constant: number } } } };
export type FromWorker = { readonly type: 'progress'; readonly done: number; readonly total: number } | { readonly type: 'result'; readonly result: MonteCarloResult } | { readonly type: 'error'; readonly message: string };

export function toWorkerMessage(job: UncertaintyJob): ToWorker {
  return { job: { ...job, industry: { ...job.industry, linear: { weights: [...job.industry.linear.weights], constant: job.industry.linear.constant } } } };
}

export function fromWorkerMessage(message: ToWorker): UncertaintyJob {
  const { industry } = message.job;
  return { ...message.job, industry: { ...industry, linear: { weights: new Map(industry.linear.weights), constant: industry.linear.constant } } };
}

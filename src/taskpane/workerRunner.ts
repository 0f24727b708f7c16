import type { MonteCarloResult } from '../model/monteCarlo';
import { Cancelled, toWorkerMessage, type FromWorker, type UncertaintyRunner } from './uncertaintyRunner';

/** Runs the simulation in a Web Worker built from uncertainty.worker.ts; cancelling ends the worker. */
export const runInWorker: UncertaintyRunner = (job, onProgress) => {
  const worker = new Worker(new URL('./uncertainty.worker.ts', import.meta.url));
  let reject: (e: Error) => void = () => undefined;
  const result = new Promise<MonteCarloResult>((resolve, fail) => {
    reject = fail;
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      if (m.type === 'progress') onProgress(m.done, m.total);
      else {
        worker.terminate();
        if (m.type === 'result') resolve(m.result);
        else fail(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      fail(new Error(e.message));
    };
  });
  worker.postMessage(toWorkerMessage(job));
  return {
    result,
    cancel: () => {
      worker.terminate();
      reject(new Cancelled('cancelled'));
    },
  };
};

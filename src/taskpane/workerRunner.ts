import type { MonteCarloResult } from '../model/monteCarlo';
import type { TextRead, TextReader } from './textReader';
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

/**
 * Reads pasted text in a Web Worker built from read.worker.ts. The worker starts once `startAfter`
 * settles (the pane's first step on screen), so its code is loaded before the first read without
 * holding up the first text; reads are answered in the order they were asked.
 */
export function workerReader(startAfter: Promise<unknown> = Promise.resolve()): TextReader {
  let worker: Worker | null = null;
  const waiting: Array<{ resolve: (r: TextRead) => void; reject: (e: Error) => void }> = [];
  const start = () => {
    const w = new Worker(new URL('./read.worker.ts', import.meta.url));
    w.onmessage = (event: MessageEvent<{ ok: true; value: TextRead } | { ok: false; message: string }>) => {
      const next = waiting.shift();
      if (event.data.ok) next?.resolve(event.data.value);
      else next?.reject(new Error(event.data.message));
    };
    w.onerror = (e) => {
      // A worker that failed is replaced; whoever was waiting is told.
      for (const w2 of waiting.splice(0)) w2.reject(new Error(e.message));
      worker = null;
    };
    return w;
  };
  void startAfter.finally(() => (worker ??= start()));
  return (text) =>
    new Promise<TextRead>((resolve, reject) => {
      worker ??= start();
      waiting.push({ resolve, reject });
      worker.postMessage(text);
    });
}

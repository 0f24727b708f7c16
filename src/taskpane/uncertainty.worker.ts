import { runUncertainty } from '../model/costModel';
import { fromWorkerMessage, type FromWorker, type ToWorker } from './uncertaintyRunner';

/** The simulation off the page's thread, so the pane stays responsive and can be cancelled (the page ends the worker). */
const post = (message: FromWorker) => (self as unknown as { postMessage(m: FromWorker): void }).postMessage(message);

self.onmessage = (event: MessageEvent<ToWorker>) => {
  try {
    const job = fromWorkerMessage(event.data);
    const result = runUncertainty(job.analysis, job.assumptions, job.industry, (done, total) => post({ type: 'progress', done, total }));
    post({ type: 'result', result });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};

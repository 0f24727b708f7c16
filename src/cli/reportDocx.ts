import { Worker, workerData, parentPort } from 'node:worker_threads';
import type { TableWords } from '../report/reportTables';

/** Makes the Word report's bytes; `stop` says the run has failed and the report is no longer wanted. */
export type DocxRenderer = (tables: readonly TableWords[], heading: string, date: Date, stop?: AbortSignal) => Promise<Uint8Array>;

/**
 * The Word report, packed by Node's zlib as the workbook is (many times quicker than deflating in
 * JavaScript), at the smaller level throughout: on a large run it is packed beside the workbook's writing, not in its way.
 */
export const renderDocxHere: DocxRenderer = async (tables, heading, date) => {
  const [{ reportDocxParts }, { packParts }] = await Promise.all([import('../report/renderDocx'), import('./xlsxPackage')]);
  return packParts(await reportDocxParts(tables, heading), date);
};

/** What a worker started by `renderDocxOnWorker` is given. */
interface DocxJob {
  readonly job: 'report-docx';
  readonly tables: readonly TableWords[];
  readonly heading: string;
  readonly date: Date;
}

/**
 * The Word report made on a worker thread running `script` (the built command line, which serves
 * the job when it starts as a worker) while the main thread writes the workbook: a large run's
 * report then takes the second core's time, not the run's.
 */
export function renderDocxOnWorker(script: string): DocxRenderer {
  return (tables, heading, date, stop) => {
    // Starting a worker costs about a tenth of a second: a small report is quicker made in line.
    if (tables.reduce((n, t) => n + t.rows.length, 0) < WORKER_ROWS) return renderDocxHere(tables, heading, date);
    return new Promise((resolve, reject) => {
      // Only the words travel: the live cells are the workbook's.
      const words = tables.map(({ id, title, columns, rows, narrative, notes }) => ({ id, title, columns, rows, narrative, notes }));
      const job: DocxJob = { job: 'report-docx', tables: words, heading, date };
      const worker = new Worker(script, { workerData: job });
      let answered = false;
      worker.once('message', (bytes: Uint8Array) => {
        answered = true;
        resolve(bytes);
      });
      // A worker that stops before it answers (its code replaced by a build meanwhile, say): the report is made here instead.
      const inLine = () => {
        if (answered) return;
        answered = true;
        void worker.terminate();
        renderDocxHere(tables, heading, date).then(resolve, reject);
      };
      worker.once('error', inLine);
      worker.once('exit', inLine);
      stop?.addEventListener('abort', () => {
        answered = true;
        void worker.terminate();
        reject(new Error('the run stopped before the Word report was made'));
      });
    });
  };
}

/** Rows of report from which the Word report is made on a worker thread. */
export const WORKER_ROWS = 2_000;

/** True in a worker started to make the Word report. */
export function isDocxWorker(): boolean {
  return parentPort !== null && (workerData as Partial<DocxJob> | null)?.job === 'report-docx';
}

/** The worker's side: makes the report it was given and sends the bytes back, moved rather than copied. */
export async function serveDocxJob(): Promise<void> {
  const { tables, heading, date } = workerData as DocxJob;
  const bytes = await renderDocxHere(tables, heading, date);
  // Bytes with memory of their own can be moved; a view into a shared pool would be copied.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  parentPort!.postMessage(own, [own.buffer as ArrayBuffer]);
}

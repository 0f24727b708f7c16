import { Worker, workerData, parentPort } from 'node:worker_threads';
import type { TableWords } from '../report/reportTables';

/** The report's files: the Word report, the Markdown and one CSV for each table, in the tables' order. */
export interface ReportFiles {
  readonly docx: Uint8Array;
  readonly markdown: Uint8Array;
  readonly csv: readonly Uint8Array[];
}

/** Makes the report's files; `stop` says the run has failed and the report is no longer wanted. */
export type ReportRenderer = (tables: readonly TableWords[], heading: string, date: Date, stop?: AbortSignal) => Promise<ReportFiles>;

/**
 * The report's files made on this thread. The Word report is packed by Node's zlib as the
 * workbook is (many times quicker than deflating in JavaScript), at the smaller level throughout;
 * the text files are made while it deflates.
 */
export const renderReportHere: ReportRenderer = async (tables, heading, date) => {
  const [{ reportDocxParts }, { packParts }, { renderCsv, renderMarkdown }] = await Promise.all([import('../report/renderDocx'), import('./xlsxPackage'), import('../report/renderText')]);
  const docx = packParts(await reportDocxParts(tables, heading), date);
  // Awaited below; a failure meanwhile must not go unseen as an unhandled rejection.
  docx.catch(() => undefined);
  const text = (t: string) => new TextEncoder().encode(t);
  const markdown = text(renderMarkdown(tables, heading));
  const csv = tables.map((t) => text(renderCsv(t)));
  return { docx: await docx, markdown, csv };
};

/** What a worker started by `renderReportOnWorker` is given. */
interface ReportJob {
  readonly job: 'report-files';
  readonly tables: readonly TableWords[];
  readonly heading: string;
  readonly date: Date;
}

/**
 * The report's files made on a worker thread running `script` (the built command line, which
 * serves the job when it starts as a worker) while the main thread writes the workbook: a large
 * run's report then takes the second core's time, not the run's.
 */
export function renderReportOnWorker(script: string): ReportRenderer {
  return (tables, heading, date, stop) => {
    // Starting a worker costs about a tenth of a second: a small report is quicker made in line.
    if (tables.reduce((n, t) => n + t.rows.length, 0) < WORKER_ROWS) return renderReportHere(tables, heading, date);
    return new Promise((resolve, reject) => {
      // Only the words and figures travel: the live cells are the workbook's.
      const words = tables.map(({ id, title, columns, rows, figures, narrative, notes }) => ({ id, title, columns, rows, figures, narrative, notes }));
      const job: ReportJob = { job: 'report-files', tables: words, heading, date };
      const worker = new Worker(script, { workerData: job });
      let answered = false;
      worker.once('message', (files: ReportFiles) => {
        answered = true;
        resolve(files);
      });
      // A worker that stops before it answers (its code replaced by a build meanwhile, say): the report is made here instead.
      const inLine = () => {
        if (answered) return;
        answered = true;
        void worker.terminate();
        renderReportHere(tables, heading, date).then(resolve, reject);
      };
      worker.once('error', inLine);
      worker.once('exit', inLine);
      stop?.addEventListener(
        'abort',
        () => {
          answered = true;
          void worker.terminate();
          reject(new Error('the run stopped before the report was made'));
        },
        { once: true },
      );
    });
  };
}

/** Rows of report from which the report's files are made on a worker thread. */
export const WORKER_ROWS = 2_000;

/** True in a worker started to make the report's files. */
export function isReportWorker(): boolean {
  return parentPort !== null && (workerData as Partial<ReportJob> | null)?.job === 'report-files';
}

/** The worker's side: makes the files it was asked for and sends them back, moved rather than copied. */
export async function serveReportJob(): Promise<void> {
  const { tables, heading, date } = workerData as ReportJob;
  const made = await renderReportHere(tables, heading, date);
  // Bytes with memory of their own can be moved; a view into a shared pool would be copied.
  const own = (bytes: Uint8Array) => (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice());
  const files: ReportFiles = { docx: own(made.docx), markdown: own(made.markdown), csv: made.csv.map(own) };
  parentPort!.postMessage(files, [files.docx, files.markdown, ...files.csv].map((b) => b.buffer as ArrayBuffer));
}

import type { WorkbookHost } from '../workbook/host';
import { readSnapshot } from './readSnapshot';
import { writePlan } from './writePlan';

/** How long a host call may take before the task pane gives up waiting and says so. */
const TIMEOUT_MS = 120_000;

/** The workbook host inside Excel: every action is one Excel.run, waiting while a cell is being edited. */
export function createOfficeHost(): WorkbookHost {
  const supports = (apiSet: string, version: string) => Office.context.requirements.isSetSupported(apiSet, version);
  return {
    kind: 'excel',
    readSnapshot: () => withTimeout(Excel.run({ delayForCellEdit: true }, (context) => readSnapshot(context)), 'reading the workbook'),
    writePlan: (plan) => withTimeout(Excel.run({ delayForCellEdit: true }, (context) => writePlan(context, plan, supports)), 'writing the workbook'),
  };
}

/** A call Excel never answers would leave the pane spinning; after the timeout the modeller is told what to do. */
export function withTimeout<T>(work: Promise<T>, what: string, ms = TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Excel did not answer within ${ms / 1000} seconds while ${what}. Close any open dialog or cell edit, then try again.`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

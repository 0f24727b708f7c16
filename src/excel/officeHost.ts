import type { WorkbookHost } from '../workbook/host';
import { readSnapshot } from './readSnapshot';
import { watchInputs } from './watchInputs';
import { writeInputs } from './writeInputs';
import { writePlan } from './writePlan';

/** How long a host call may take before the task pane gives up waiting and says so. */
const TIMEOUT_MS = 120_000;

/** The workbook host inside Excel: every action is one Excel.run, waiting while a cell is being edited. */
export function createOfficeHost(): WorkbookHost {
  const supports = (apiSet: string, version: string) => Office.context.requirements.isSetSupported(apiSet, version);
  return {
    kind: 'excel',
    readSnapshot: (tables) => withTimeout(Excel.run({ delayForCellEdit: true }, (context) => readSnapshot(context, tables)), 'reading the workbook'),
    readSelection: () =>
      withTimeout(
        Excel.run(async (context) => {
          const range = context.workbook.getSelectedRange().load('values');
          await context.sync();
          return range.values;
        }),
        'reading the selection',
      ),
    select: (sheet, address) =>
      withTimeout(
        Excel.run(async (context) => {
          const worksheet = context.workbook.worksheets.getItem(sheet);
          worksheet.activate();
          worksheet.getRange(address).select();
          await context.sync();
        }),
        'selecting a range',
      ),
    writeInputs: (changes) => withTimeout(Excel.run({ delayForCellEdit: true }, (context) => writeInputs(context, changes)), 'writing the assumptions'),
    async watchInputs(onChange) {
      const handlers = await withTimeout(Excel.run((context) => watchInputs(context, onChange)), 'watching the assumptions');
      return async () => {
        const first = handlers[0];
        if (!first) return;
        try {
          await Excel.run(first.context, async (context) => {
            handlers.forEach((h) => h.remove());
            await context.sync();
          });
        } catch {
          // The tables were replaced by a later write, and their handlers went with them.
        }
      };
    },
    writePlan: (plan) => withTimeout(writeAsOneUndoStep((context) => writePlan(context, plan, supports), supports), 'writing the workbook'),
  };
}

/**
 * Where Excel can (ExcelApi 1.20), the whole import is one undo step. Some calls cannot be undone;
 * Excel then refuses the group with UndoNotSupported, and the write runs again ungrouped.
 */
async function writeAsOneUndoStep<T>(work: (context: Excel.RequestContext) => Promise<T>, supports: (apiSet: string, version: string) => boolean): Promise<T> {
  if (supports('ExcelApi', '1.20')) {
    try {
      return await Excel.run({ delayForCellEdit: true, mergeUndoGroup: true }, work);
    } catch (e) {
      const reason = (e as { cause?: unknown }).cause ?? e;
      if ((reason as { code?: string }).code !== 'UndoNotSupported') throw e;
    }
  }
  return Excel.run({ delayForCellEdit: true }, work);
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

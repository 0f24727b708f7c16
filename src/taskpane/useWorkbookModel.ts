import { useEffect, type Dispatch } from 'react';
import type { WorkbookHost } from '../workbook/host';
import type { ImportAction } from './importState';
import type { ModelState } from './modelState';
import { loadTools, tools } from './lazyTools';

/**
 * Keeps the pane's record of the model with the workbook: takes up a model the workbook already
 * holds when the pane opens, and reads the model's cells again whenever they change. Opening the
 * pane starts loading the tools (lazyTools.ts), whether or not the workbook holds a model.
 */
export function useWorkbookModel(host: WorkbookHost, modelled: ModelState | null, dispatch: Dispatch<ImportAction>): void {
  // A workbook with a model in it (written earlier, here or by the CLI) opens with its panels.
  useEffect(() => {
    let open = true;
    loadTools()
      .then((t) => t.takeUpWorkbook(host))
      .then(
        (model) => {
          if (!open || model === null) return;
          if ('problems' in model) dispatch({ type: 'takeUpFailed', message: `${model.problems.join('; ')}. Correct the cell on the Assumptions sheet and reopen the pane, or import the document again.` });
          else dispatch({ type: 'takenUp', model });
        },
        (e: unknown) => open && dispatch({ type: 'takeUpFailed', message: `The workbook could not be read (${e instanceof Error ? e.message : String(e)}). Import the document again to rebuild the model.` }),
      );
    return () => {
      open = false;
    };
  }, [host, dispatch]);

  // Cells edited in the sheet (or written by the panels) flow back into the panels and the report.
  useEffect(() => {
    if (!modelled) return;
    let live = true;
    let stop: (() => Promise<void>) | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () =>
      tools().readModelNow(host, modelled.source, modelled.written).then(
        (now) => {
          if (!live || now === null) return;
          if ('problems' in now) dispatch({ type: 'workbookUnreadable', message: `The workbook's cells stop the model: ${now.problems.join('; ')}.` });
          else dispatch({ type: 'workbookChanged', now });
        },
        (e: unknown) => live && dispatch({ type: 'workbookUnreadable', message: `The workbook could not be read (${e instanceof Error ? e.message : String(e)}).` }),
      );
    host.watchInputs(() => {
      // A paste or a fill changes many cells at once: read them once they have settled.
      clearTimeout(timer);
      timer = setTimeout(refresh, 300);
    }).then(
      (unwatch) => (live ? (stop = unwatch) : void unwatch()),
      // Without change events the pane still works; it shows what it last wrote or read.
      () => undefined,
    );
    return () => {
      live = false;
      clearTimeout(timer);
      void stop?.();
    };
    // Watch again when the model's tables are written anew; not on every change of its figures.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host, dispatch, modelled?.generation, modelled?.writes]);
}

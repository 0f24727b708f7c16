import { useMemo, useState, type Dispatch } from 'react';
import { runModel, type ModelAssumptions, type ModelRun } from '../model/costModel';
import type { Analysis } from '../model/responseAnalysis';
import type { WorkbookHost } from '../workbook/host';
import type { ImportAction } from './importState';
import { pendingCells, type ModelState, type Part } from './modelState';
import type { Status } from './StatusMessage';

let lastRun: { analysis: Analysis; draft: ModelAssumptions; run: ModelRun } | null = null;

/** Both panels show results for the same draft: the engine runs once for it. */
function sharedRun(analysis: Analysis, draft: ModelAssumptions): ModelRun {
  if (lastRun?.analysis !== analysis || lastRun.draft !== draft) lastRun = { analysis, draft, run: runModel(analysis, draft) };
  return lastRun.run;
}

/**
 * A panel's view of the pane's one record of the assumptions: the draft and the engine's results
 * for it, the cells its part would write, and writing them. The outcome of the panel's last
 * write is the panel's own.
 */
export function usePartDraft(model: ModelState, part: Part, dispatch: Dispatch<ImportAction>, host: WorkbookHost, what: string) {
  const [status, setStatus] = useState<Status | null>(null);
  const { draft, written } = model;
  const { analysis } = model.source;
  const run = useMemo(() => sharedRun(analysis, draft), [analysis, draft]);
  const pending = pendingCells(model, part);
  const setDraft = (next: ModelAssumptions) => dispatch({ type: 'draftChanged', draft: next });
  /** Runs a write of the part as it stands; on success it counts as written, and `work`'s words are shown. */
  const commit = async (work: () => Promise<string>) => {
    const writing = draft;
    try {
      const done = await work();
      dispatch({ type: 'partWritten', part, draft: writing });
      setStatus({ intent: 'success', text: done });
    } catch (e) {
      setStatus({ intent: 'error', text: `The workbook did not take the change (${e instanceof Error ? e.message : String(e)}). Nothing else was changed.` });
    }
  };
  const write = () =>
    commit(async () => {
      await host.writeInputs(pending);
      const figures = pending.filter((c) => !(c.kind === 'table' && c.source)).length;
      const sources = pending.length - figures;
      return `Wrote ${figures} cell${figures === 1 ? '' : 's'}${sources ? ', marked as entered in the task pane' : ''}; ${what} recalculate${what.endsWith('s') ? '' : 's'}.`;
    });
  const kept: Status | null = model.kept.includes(part)
    ? { intent: 'warning', text: 'The workbook changed while edits here were not yet written: writing sets only the cells changed here.' }
    : null;
  return { draft, written, setDraft, run, pending, write, commit, status: status ?? kept, setStatus, revision: model.revision[part] };
}

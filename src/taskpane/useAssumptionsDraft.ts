import { useMemo, useState } from 'react';
import { runModel, type ModelAssumptions } from '../model/costModel';
import type { Analysis } from '../model/responseAnalysis';
import type { WorkbookHost } from '../workbook/host';
import { inputChanges } from '../workbook/inputCells';
import type { Status } from './StatusMessage';

/**
 * A panel's edits of the assumptions: the draft, the engine's results for it, the cells that
 * differ from what the workbook holds, and writing them.
 */
export function useAssumptionsDraft(analysis: Analysis, assumptions: ModelAssumptions, host: WorkbookHost, what: string) {
  const [written, setWritten] = useState(assumptions);
  const [draft, setDraft] = useState(assumptions);
  const [status, setStatus] = useState<Status | null>(null);
  const run = useMemo(() => runModel(analysis, draft), [analysis, draft]);
  const pending = inputChanges(
    written,
    draft,
    analysis.results.map((r) => r.respondent.id),
  );
  /** Runs a write of the draft; on success the draft is what the workbook holds, and `work`'s words are shown. */
  const commit = async (work: () => Promise<string>) => {
    try {
      const done = await work();
      setWritten(draft);
      setStatus({ intent: 'success', text: done });
    } catch (e) {
      setStatus({ intent: 'error', text: `The workbook did not take the change (${e instanceof Error ? e.message : String(e)}). Nothing else was changed.` });
    }
  };
  const write = () =>
    commit(async () => {
      await host.writeInputs(pending);
      return `Wrote ${pending.length} cell${pending.length === 1 ? '' : 's'}; ${what} recalculate${what.endsWith('s') ? '' : 's'}.`;
    });
  return { draft, setDraft, written, run, pending, write, commit, status, setStatus };
}

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
  const [seen, setSeen] = useState(assumptions);
  const [revision, setRevision] = useState(0);
  // The workbook's cells changed (edited in the sheet, or written by a panel). With nothing typed
  // here and unwritten, the panel shows them; otherwise it keeps the modeller's edits, and writing
  // sets only the cells they changed.
  if (assumptions !== seen) {
    setSeen(assumptions);
    if (JSON.stringify(draft) === JSON.stringify(written)) {
      setWritten(assumptions);
      setDraft(assumptions);
      setRevision((r) => r + 1);
    } else {
      setStatus({ intent: 'warning', text: 'The workbook changed while edits here were not yet written: writing sets only the cells changed here.' });
    }
  }
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
  return { draft, setDraft, written, run, pending, write, commit, status, setStatus, revision };
}

import type { ModelAssumptions } from '../model/costModel';
import { timelineSources } from './assumptionEdits';
import { inputChanges, type InputChange } from '../workbook/inputCells';
import type { ReportExport } from '../report/reportTables';
import type { ModelSource } from '../workbook/takeUp';

/** The panels' shares of the assumptions: the Timeline panel edits the timeline, the Assumptions panel the rest. */
export type Part = 'assumptions' | 'timeline';

/** The model the workbook holds and the panels' edits of it: the pane's one record of the assumptions. */
export interface ModelState {
  readonly source: ModelSource;
  /** What the workbook's cells hold, as last written or read back. */
  readonly written: ModelAssumptions;
  /** `written` with the panels' edits; where the two differ, an edit is not yet written. */
  readonly draft: ModelAssumptions;
  /** The report tables of what the workbook holds, for the Export panel. */
  readonly report: ReportExport;
  /** Goes up when a part's boxes must show new values (the workbook changed under them). */
  readonly revision: Readonly<Record<Part, number>>;
  /** Parts whose unwritten edits were kept when the workbook changed under them. */
  readonly kept: readonly Part[];
  /** Goes up with each import: the panels start again. */
  readonly generation: number;
  /** Goes up with each write of the model's tables, which then need watching again. */
  readonly writes: number;
}

const PARTS: readonly Part[] = ['assumptions', 'timeline'];

/** `base` with one part taken from `from`: the timeline part is the timeline and its inputs' sources. */
function withPart(part: Part, base: ModelAssumptions, from: ModelAssumptions): ModelAssumptions {
  return part === 'timeline'
    ? { ...base, timeline: from.timeline, sources: { ...timelineSources(base.sources, false), ...timelineSources(from.sources) } }
    : { ...from, timeline: base.timeline, sources: { ...timelineSources(from.sources, false), ...timelineSources(base.sources) } };
}

export function modelState(source: ModelSource, assumptions: ModelAssumptions, report: ReportExport, previous: ModelState | null): ModelState {
  return { source, written: assumptions, draft: assumptions, report, revision: { assumptions: 0, timeline: 0 }, kept: [], generation: (previous?.generation ?? 0) + 1, writes: (previous?.writes ?? 0) + 1 };
}

/** True when the part holds edits not yet written. */
export function unwritten(m: ModelState, part: Part): boolean {
  return JSON.stringify(withPart(part, m.written, m.draft)) !== JSON.stringify(m.written);
}

/** The cells to write for one part's edits. */
export function pendingCells(m: ModelState, part: Part): InputChange[] {
  return inputChanges(
    m.written,
    withPart(part, m.written, m.draft),
    m.source.analysis.results.map((r) => r.respondent.id),
  );
}

/** The part's edits, as they stood in `draft` when written, are in the workbook now. */
export function partWritten(m: ModelState, part: Part, draft: ModelAssumptions = m.draft): ModelState {
  return { ...m, written: withPart(part, m.written, draft), kept: m.kept.filter((p) => p !== part) };
}

/**
 * The workbook's cells changed (edited in the sheet, or written by a panel). A part without
 * unwritten edits shows the new values; a part with them keeps them over the values it had, so
 * writing sets only the cells edited in the pane.
 */
export function rebased(m: ModelState, fresh: ModelAssumptions): ModelState {
  let written = fresh;
  let draft = fresh;
  const waiting = PARTS.filter((part) => unwritten(m, part));
  for (const part of waiting) {
    written = withPart(part, written, m.written);
    draft = withPart(part, draft, m.draft);
  }
  // Said only where the workbook's own values for the part moved (not, say, after the other panel wrote).
  const underneath = waiting.filter((part) => JSON.stringify(withPart(part, m.written, fresh)) !== JSON.stringify(m.written));
  const kept = [...new Set([...m.kept.filter((p) => waiting.includes(p)), ...underneath])];
  const moved = (part: Part) => JSON.stringify(withPart(part, m.draft, draft)) !== JSON.stringify(m.draft);
  return { ...m, written, draft, kept, revision: { assumptions: m.revision.assumptions + (moved('assumptions') ? 1 : 0), timeline: m.revision.timeline + (moved('timeline') ? 1 : 0) } };
}

import type { WorkbookPlan } from './plan';
import type { InputChange } from './inputCells';
import type { WorkbookSnapshot } from './readBack';

/** What a write did, for the task pane to report. */
export interface WriteReport {
  readonly created: readonly string[];
  readonly replaced: readonly string[];
  readonly cells: number;
}

/**
 * The task pane's only way to the workbook. Two implementations: office-js inside Excel
 * (src/excel/officeHost.ts) and an in-memory workbook for a browser preview and tests.
 */
export interface WorkbookHost {
  /** "excel" inside Excel; "preview" when the page runs in a plain browser. */
  readonly kind: 'excel' | 'preview';
  /**
   * These tables (by default every table a snapshot can hold) of a workbook the add-in wrote
   * before; null when it has none of them.
   */
  readSnapshot(tables?: readonly string[]): Promise<WorkbookSnapshot | null>;
  /** Writes the plan, or throws a WorkbookRefusal (nothing written) with a message for the modeller. */
  writePlan(plan: WorkbookPlan): Promise<WriteReport>;
  /** The values of the range the user has selected (a pasted table of answers). */
  readSelection(): Promise<unknown[][]>;
  /** Selects a range, bringing its sheet to the front (to show the modeller a finding's row). */
  select(sheet: string, address: string): Promise<void>;
  /** Sets input cells of a workbook the add-in wrote; its formulas then recalculate. */
  writeInputs(changes: readonly InputChange[]): Promise<void>;
  /**
   * Calls `onChange` whenever a cell of the model's input tables changes, typed in the sheet or
   * written by the pane, until the returned function is called. Tables written later (a new
   * import) need watching again.
   */
  watchInputs(onChange: () => void): Promise<() => Promise<void>>;
}

/**
 * A write the add-in refused before touching the workbook; the message is for the modeller.
 * When the only trouble is sheets of the same names, `renames` offers free names to write under;
 * `renamesAreOurs` when those are the add-in's own sheets already (an earlier import beside the user's).
 */
export class WorkbookRefusal extends Error {
  override readonly name = 'WorkbookRefusal';
  constructor(
    message: string,
    readonly renames: Readonly<Record<string, string>> | null = null,
    readonly renamesAreOurs = false,
  ) {
    super(message);
  }
}

/** A write Excel stopped part way; the message says what was undone and what to do. */
export class WorkbookWriteFailed extends Error {
  override readonly name = 'WorkbookWriteFailed';
}

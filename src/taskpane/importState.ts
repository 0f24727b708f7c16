import type { ReadResult } from '../import/annexText';
import type { DocumentFile, ImportResult } from '../import/importText';
import type { ModelAssumptions, ModelOverrides } from '../model/costModel';
import type { RoleOverrides } from '../model/questionRoles';
import type { ModelNow, ModelSource, ModelTakenUp } from '../workbook/takeUp';
import type { ModelWritten } from './modelWrite';
import type { ModelState, Part } from './modelState';
// The reducer's actions on a read or a model come after the tools have loaded (see lazyTools.ts).
import { tools } from './lazyTools';

/** Everything the import flow shows, in one place; components only select from it and dispatch. */
export interface ImportState {
  /** Pasted text, when the document was pasted. */
  readonly text: string;
  /** The text as it was when last read ('' after reading files): the preview is of that text. */
  readonly readText: string;
  /** Where the document came from: "pasted text", or the files read (for the workbook's source hash). */
  readonly source: { readonly name: string; readonly files: readonly DocumentFile[] };
  /** What was read: one document, or several consultations earliest first. */
  readonly reads: readonly ReadResult[];
  readonly overrides: RoleOverrides;
  /** Figures the modeller typed in the preview, in place of parsed answers; written as overrides. */
  readonly valueOverrides: ModelOverrides;
  /** Counts the documents read, so the preview's boxes start empty for each new one. */
  readonly readNumber: number;
  /** The read last imported: its typed figures are in the workbook now, edited in the Assumptions panel. */
  readonly importedRead: number | null;
  /** With several consultations: whether a later answer replaces an earlier one. */
  readonly laterSupersedes: boolean;
  /** The analysis of `read` with `overrides`; null until a document is read. */
  readonly result: ImportResult | null;
  readonly busy: boolean;
  /** The model the workbook holds and the panels' edits of it; null until an import or a workbook that holds one. */
  readonly modelled: ModelState | null;
  readonly outcome: {
    readonly intent: 'success' | 'info' | 'warning' | 'error';
    readonly title: string;
    readonly text: string;
    readonly notes?: readonly string[];
    /** Free names to import under, when sheets of the same names are in the way. */
    readonly renames?: Readonly<Record<string, string>>;
  } | null;
}

export type ImportAction =
  | { readonly type: 'textChanged'; readonly text: string }
  | { readonly type: 'textRead'; readonly text: string; readonly read: ReadResult; readonly result: ImportResult }
  | { readonly type: 'fileRead'; readonly files: readonly DocumentFile[]; readonly result: ImportResult; readonly reads: readonly ReadResult[] }
  | { readonly type: 'supersedeChanged'; readonly laterSupersedes: boolean }
  | { readonly type: 'overrideChanged'; readonly role: keyof RoleOverrides; readonly question: number | undefined }
  | { readonly type: 'valueOverridesChanged'; readonly overrides: ModelOverrides }
  | { readonly type: 'writeStarted' }
  | { readonly type: 'writeDone'; readonly written: ModelWritten; readonly source: ModelSource; readonly notes: readonly string[] }
  | { readonly type: 'modelRewritten'; readonly written: ModelWritten }
  | { readonly type: 'takenUp'; readonly model: ModelTakenUp }
  | { readonly type: 'takeUpFailed'; readonly message: string }
  | { readonly type: 'workbookChanged'; readonly now: ModelNow }
  | { readonly type: 'draftChanged'; readonly draft: ModelAssumptions }
  | { readonly type: 'draftOverridesChanged'; readonly overrides: ModelOverrides }
  | { readonly type: 'partWritten'; readonly part: Part; readonly draft: ModelAssumptions }
  | { readonly type: 'overridesWritten'; readonly apply: (o: ModelOverrides) => ModelOverrides }
  | { readonly type: 'workbookUnreadable'; readonly message: string }
  | { readonly type: 'writeFailed'; readonly message: string; readonly renames?: Readonly<Record<string, string>> }
  | { readonly type: 'showFailed'; readonly message: string }
  | { readonly type: 'readFailed'; readonly message: string };

export const SOURCE_NAME = 'pasted text';
const NO_OVERRIDES: ModelOverrides = { costs: {}, leadTimeMonths: {} };

export const initialImportState: ImportState = {
  text: '',
  readText: '',
  source: { name: SOURCE_NAME, files: [] },
  reads: [],
  overrides: {},
  valueOverrides: NO_OVERRIDES,
  readNumber: 0,
  importedRead: null,
  laterSupersedes: false,
  result: null,
  busy: false,
  outcome: null,
  modelled: null,
};

/** The pasted text no longer matches the preview: it must be read again before an import. */
export function textChangedSinceRead(state: ImportState): boolean {
  return state.result !== null && state.text !== state.readText;
}

/**
 * Figures typed in the preview follow their respondent into a new read of the document; a
 * respondent the new read does not hold takes theirs out, and the outcome names them.
 */
function carriedOverrides(state: ImportState, next: ImportResult): Pick<ImportState, 'valueOverrides' | 'outcome'> {
  const present = new Set(next.analysis.results.map((r) => r.respondent.id));
  const keep = <T>(byId: Readonly<Record<string, T>>) => Object.fromEntries(Object.entries(byId).filter(([id]) => present.has(id)));
  const typed = [...new Set([...Object.keys(state.valueOverrides.costs), ...Object.keys(state.valueOverrides.leadTimeMonths)])];
  const gone = typed.filter((id) => !present.has(id));
  const kept = typed.length - gone.length;
  const nameOf = new Map(state.result?.analysis.results.map((r) => [r.respondent.id, r.respondent.name]) ?? []);
  const notes = [
    ...(kept ? [`Kept the figures typed for ${kept} respondent${kept === 1 ? '' : 's'}.`] : []),
    ...(gone.length ? [`Set aside the figures typed for ${gone.map((id) => nameOf.get(id) ?? id).join(', ')}: not in this document.`] : []),
  ];
  return {
    valueOverrides: { costs: keep(state.valueOverrides.costs), leadTimeMonths: keep(state.valueOverrides.leadTimeMonths) },
    outcome: notes.length ? { intent: gone.length ? 'warning' : 'info', title: 'Figures typed in the preview', text: notes.join(' ') } : null,
  };
}

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case 'textChanged':
      // The preview and the figures typed in it stay until the text is read again.
      return { ...state, text: action.text, outcome: null };
    case 'textRead':
      return { ...state, readText: action.text, source: { name: SOURCE_NAME, files: [] }, reads: [action.read], overrides: {}, readNumber: state.readNumber + 1, result: action.result, ...carriedOverrides(state, action.result) };
    case 'fileRead':
      return {
        ...state,
        text: '',
        readText: '',
        source: { name: action.files.map((f) => f.name).join(', '), files: action.files },
        reads: action.reads,
        overrides: {},
        readNumber: state.readNumber + 1,
        laterSupersedes: false,
        result: action.result,
        ...carriedOverrides(state, action.result),
      };
    case 'overrideChanged': {
      if (state.reads.length === 0) return state;
      const { [action.role]: _previous, ...others } = state.overrides;
      const overrides: RoleOverrides = action.question === undefined ? others : { ...others, [action.role]: action.question };
      return { ...state, overrides, result: tools().analyseRead(state.reads, { ...overrides, laterSupersedes: state.laterSupersedes }), outcome: null };
    }
    case 'valueOverridesChanged':
      return { ...state, valueOverrides: action.overrides, outcome: null };
    case 'supersedeChanged':
      if (state.reads.length === 0) return state;
      return { ...state, laterSupersedes: action.laterSupersedes, result: tools().analyseRead(state.reads, { ...state.overrides, laterSupersedes: action.laterSupersedes }), outcome: null };
    case 'writeStarted':
      return { ...state, busy: true, outcome: null };
    case 'writeDone': {
      const { created, replaced, cells } = action.written.report;
      const parts = [created.length ? `created ${created.join(', ')}` : '', replaced.length ? `updated ${replaced.join(', ')}` : ''].filter(Boolean);
      return {
        ...state,
        busy: false,
        valueOverrides: NO_OVERRIDES,
        importedRead: state.readNumber,
        modelled: tools().modelState({ ...action.source, renames: action.written.renames }, action.written.assumptions, action.written.export, state.modelled),
        outcome: { intent: 'success', title: 'Imported', text: `${parts.join('; ')} (${cells.toLocaleString('en-GB')} cells).`, notes: action.notes },
      };
    }
    case 'modelRewritten':
      // The timeline's edits went in with the rewrite, over what the workbook held; the
      // Assumptions panel's unwritten edits stay waiting.
      if (!state.modelled) return state;
      return {
        ...state,
        modelled: {
          ...tools().rebased(tools().partWritten(state.modelled, 'timeline'), action.written.assumptions),
          source: { ...state.modelled.source, renames: action.written.renames },
          report: action.written.export,
          writes: state.modelled.writes + 1,
        },
      };
    case 'workbookChanged':
      // The report follows the cells; the panels follow them where nothing typed is waiting.
      return state.modelled ? { ...state, modelled: { ...tools().rebased(state.modelled, action.now.assumptions), report: action.now.export } } : state;
    case 'draftChanged':
      return state.modelled ? { ...state, modelled: { ...state.modelled, draft: action.draft } } : state;
    case 'draftOverridesChanged':
      return state.modelled ? { ...state, modelled: { ...state.modelled, draft: { ...state.modelled.draft, overrides: action.overrides } } } : state;
    case 'partWritten':
      return state.modelled ? { ...state, modelled: tools().partWritten(state.modelled, action.part, action.draft) } : state;
    case 'overridesWritten': {
      // A fix written straight to the workbook: in what it holds, and in the panels' draft beside
      // their other edits. The finding itself then says it is in place.
      if (!state.modelled) return state;
      const { written, draft, revision } = state.modelled;
      return {
        ...state,
        modelled: {
          ...state.modelled,
          written: { ...written, overrides: action.apply(written.overrides) },
          draft: { ...draft, overrides: action.apply(draft.overrides) },
          revision: { ...revision, assumptions: revision.assumptions + 1 },
        },
      };
    }
    case 'workbookUnreadable':
      return { ...state, outcome: { intent: 'warning', title: 'The pane shows the figures it last read', text: action.message } };
    case 'takenUp': {
      // Only on a pane with nothing of its own yet: an import under way wins.
      if (state.modelled || state.result) return state;
      const { source, assumptions, written } = action.model;
      const { id, title } = source.analysis.consultation.modification;
      const n = source.analysis.results.length;
      return {
        ...state,
        modelled: tools().modelState(source, assumptions, action.model.export, null),
        outcome: {
          intent: 'info',
          title: 'This workbook holds a model',
          text: `${`${id} ${title}`.trim()}: ${n} respondent${n === 1 ? '' : 's'}, from ${source.sourceName}${written ? `, written ${tools().formatReportDate(written)}` : ''}. Its assumptions, timeline and report are below; read a document to import it again.`,
        },
      };
    }
    case 'takeUpFailed':
      return state.modelled || state.result ? state : { ...state, outcome: { intent: 'warning', title: 'The model in this workbook cannot be shown', text: action.message } };
    case 'writeFailed':
      return { ...state, busy: false, outcome: { intent: 'error', title: 'Nothing was imported', text: action.message, ...(action.renames ? { renames: action.renames } : {}) } };
    case 'readFailed':
      return { ...state, outcome: { intent: 'error', title: 'The text could not be read', text: action.message } };
    case 'showFailed':
      return { ...state, outcome: { intent: 'error', title: 'That could not be shown in the workbook', text: action.message } };
    default: {
      const never: never = action;
      return never;
    }
  }
}

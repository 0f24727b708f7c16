import { importText, type ImportResult } from '../import/importText';
import type { RoleOverrides } from '../model/questionRoles';
import type { WriteReport } from '../workbook/host';
import type { ReportExport } from './ExportPanel';

/** Everything the import flow shows, in one place; components only select from it and dispatch. */
export interface ImportState {
  readonly text: string;
  readonly overrides: RoleOverrides;
  /** The parse of `text` with `overrides`; null until the modeller reads a document. */
  readonly result: ImportResult | null;
  readonly busy: boolean;
  /** The report tables of the last successful import, for the Export panel. */
  readonly report: ReportExport | null;
  readonly outcome: { readonly intent: 'success' | 'error'; readonly title: string; readonly text: string; readonly notes?: readonly string[] } | null;
}

export type ImportAction =
  | { readonly type: 'textChanged'; readonly text: string }
  | { readonly type: 'read' }
  | { readonly type: 'overrideChanged'; readonly role: keyof RoleOverrides; readonly question: number | undefined }
  | { readonly type: 'writeStarted' }
  | { readonly type: 'writeDone'; readonly report: WriteReport; readonly notes: readonly string[]; readonly export: ReportExport }
  | { readonly type: 'writeFailed'; readonly message: string };

export const initialImportState: ImportState = { text: '', overrides: {}, result: null, busy: false, outcome: null, report: null };

export const SOURCE_NAME = 'pasted text';

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case 'textChanged':
      return { ...state, text: action.text, result: null, outcome: null };
    case 'read':
      return { ...state, overrides: {}, result: importText(state.text, SOURCE_NAME), outcome: null };
    case 'overrideChanged': {
      const { [action.role]: _previous, ...others } = state.overrides;
      const overrides: RoleOverrides = action.question === undefined ? others : { ...others, [action.role]: action.question };
      return { ...state, overrides, result: importText(state.text, SOURCE_NAME, overrides), outcome: null };
    }
    case 'writeStarted':
      return { ...state, busy: true, outcome: null };
    case 'writeDone': {
      const { created, replaced, cells } = action.report;
      const parts = [created.length ? `created ${created.join(', ')}` : '', replaced.length ? `updated ${replaced.join(', ')}` : ''].filter(Boolean);
      return {
        ...state,
        busy: false,
        report: action.export,
        outcome: { intent: 'success', title: 'Imported', text: `${parts.join('; ')} (${cells.toLocaleString('en-GB')} cells).`, notes: action.notes },
      };
    }
    case 'writeFailed':
      return { ...state, busy: false, outcome: { intent: 'error', title: 'Nothing was imported', text: action.message } };
    default: {
      const never: never = action;
      return never;
    }
  }
}

import type { ReportPieces } from './reportPieces';

/** What a refresh did to the document: table ids replaced, controls of ours the report does not make (kept), report tables with no place in it. */
export interface TablesRefreshed {
  readonly replaced: readonly string[];
  readonly unknown: readonly string[];
  readonly missing: readonly string[];
}

/**
 * The Word pane's only way to the document, as WorkbookHost is the Excel pane's. Two
 * implementations: Word's API (src/word/officeDocumentHost.ts) and an in-memory document for a
 * browser preview and tests (memoryDocument.ts).
 */
export interface DocumentHost {
  /** "word" inside Word; "preview" when the page runs in a plain browser. */
  readonly kind: 'word' | 'preview';
  /** The ids of the report tables the document holds in tagged controls, in document order. */
  taggedTables(): Promise<string[]>;
  /** Replaces the content of every tagged control the report makes; everything else is left as it was. */
  refreshTables(pieces: ReportPieces): Promise<TablesRefreshed>;
  /** Puts one table, its caption and its tagged control, at the cursor. */
  insertTable(pieces: ReportPieces, id: string): Promise<void>;
}

import type { DocumentHost } from '../report/documentHost';
import { insertTable, refreshTables, taggedTables } from './tables';

/** The document host inside Word: every action is one Word.run. */
export function createOfficeDocumentHost(): DocumentHost {
  return {
    kind: 'word',
    taggedTables: () => Word.run((context) => taggedTables(context)),
    refreshTables: (pieces) => Word.run((context) => refreshTables(context, pieces)),
    insertTable: (pieces, id) => Word.run((context) => insertTable(context, pieces, id)),
  };
}

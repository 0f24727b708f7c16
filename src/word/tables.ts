import type { TablesRefreshed } from '../report/documentHost';
import { tableId, tableTag, TAG_PREFIX } from '../report/renderDocx';
import { flatPackage, sortedTags, type ReportPieces } from '../report/reportPieces';

/**
 * The report's tables in the open Word document, through Word's API (WordApi 1.1). Each call
 * costs a fixed number of syncs, however many tables the document holds.
 */

/** The ids of the tagged tables in the document. One sync. */
export async function taggedTables(context: Word.RequestContext): Promise<string[]> {
  const controls = context.document.contentControls.load('items/tag');
  await context.sync();
  return controls.items.filter((c) => c.tag.startsWith(TAG_PREFIX)).map((c) => tableId(c.tag));
}

/** Replaces the content of every tagged control the report makes; other controls and text are not touched. Two syncs. */
export async function refreshTables(context: Word.RequestContext, pieces: ReportPieces): Promise<TablesRefreshed> {
  const controls = context.document.contentControls.load('items/tag');
  await context.sync();
  const ours = controls.items.filter((c) => c.tag.startsWith(TAG_PREFIX));
  for (const c of ours) if (pieces.content.has(c.tag)) c.insertOoxml(flatPackage(pieces.content.get(c.tag)!, pieces.styles), 'Replace');
  await context.sync();
  return sortedTags(
    ours.map((c) => c.tag),
    pieces.content,
  );
}

/** Puts one table (caption and tagged control) after the selection, so selected text is never overwritten. One sync. */
export async function insertTable(context: Word.RequestContext, pieces: ReportPieces, id: string): Promise<void> {
  const block = pieces.block.get(tableTag({ id }));
  if (!block) throw new Error(`The report has no table “${id}”.`);
  context.document.getSelection().insertOoxml(flatPackage(block, pieces.styles), 'After');
  await context.sync();
}

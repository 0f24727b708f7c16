import type { TablesRefreshed } from '../report/documentHost';
import { TAG_PREFIX } from '../report/renderDocx';
import { flatPackage, type ReportPieces } from '../report/reportPieces';

/**
 * The report's tables in the open Word document, through Word's API (WordApi 1.1). Each call
 * costs a fixed number of syncs, however many tables the document holds.
 */

const idOf = (tag: string) => tag.slice(TAG_PREFIX.length);

/** The ids of the tagged tables in the document. One sync. */
export async function taggedTables(context: Word.RequestContext): Promise<string[]> {
  const controls = context.document.contentControls.load('items/tag');
  await context.sync();
  return controls.items.filter((c) => c.tag.startsWith(TAG_PREFIX)).map((c) => idOf(c.tag));
}

/** Replaces the content of every tagged control the report makes; other controls and text are not touched. Two syncs. */
export async function refreshTables(context: Word.RequestContext, pieces: ReportPieces): Promise<TablesRefreshed> {
  const controls = context.document.contentControls.load('items/tag');
  await context.sync();
  const ours = controls.items.filter((c) => c.tag.startsWith(TAG_PREFIX));
  const known = ours.filter((c) => pieces.content.has(c.tag));
  for (const c of known) c.insertOoxml(flatPackage(pieces.content.get(c.tag)!, pieces.styles), 'Replace');
  await context.sync();
  const present = new Set(ours.map((c) => c.tag));
  return {
    replaced: known.map((c) => idOf(c.tag)),
    unknown: ours.filter((c) => !pieces.content.has(c.tag)).map((c) => idOf(c.tag)),
    missing: [...pieces.content.keys()].filter((tag) => !present.has(tag)).map(idOf),
  };
}

/** Puts one table (caption and tagged control) after the selection, so selected text is never overwritten. One sync. */
export async function insertTable(context: Word.RequestContext, pieces: ReportPieces, id: string): Promise<void> {
  const block = pieces.block.get(`${TAG_PREFIX}${id}`);
  if (!block) throw new Error(`The report has no table “${id}”.`);
  context.document.getSelection().insertOoxml(flatPackage(block, pieces.styles), 'After');
  await context.sync();
}

import JSZip from 'jszip';
import { tableTag } from './renderDocx';
import { reportPieces, spliceTaggedContent, stylesUsed } from './reportPieces';

/** What a refresh did: the tables it replaced, tags it did not know (kept as they were), tables the document lacks. */
export interface RefreshResult {
  readonly bytes: Uint8Array;
  readonly replaced: readonly string[];
  readonly unknown: readonly string[];
  readonly missing: readonly string[];
  /** Styles the new tables use that the document did not define, copied in so they look as exported. */
  readonly stylesAdded: readonly string[];
}

const DOCUMENT = 'word/document.xml';
const STYLES = 'word/styles.xml';

/**
 * Replaces the content of every content control tagged `secmod:<table id>` in a Word document with
 * that table's content from a freshly rendered report. Everything outside those controls is left
 * byte for byte: the rest of document.xml is spliced, not re-serialised, and other parts are
 * copied as they are (styles.xml gains only styles the new tables need and the document lacks).
 */
export async function refreshTaggedTables(document: Uint8Array, fresh: Uint8Array): Promise<RefreshResult | { readonly error: string }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(document, { checkCRC32: true });
  } catch {
    return { error: 'it is not a Word document (.docx), or it is damaged' };
  }
  const xml = await zip.file(DOCUMENT)?.async('string');
  if (xml === undefined) return { error: 'it is not a Word document (.docx): it has no document body' };
  const pieces = await reportPieces(fresh);
  const splice = spliceTaggedContent(xml, pieces.content);
  const changed = splice.replaced.length > 0;
  const stylesAdded = changed ? await addMissingStyles(zip, pieces.styles, splice.replaced.map((id) => pieces.content.get(tableTag({ id }))!).join('')) : [];
  if (changed) zip.file(DOCUMENT, splice.xml);
  return {
    bytes: changed ? await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) : document,
    replaced: splice.replaced,
    unknown: splice.unknown,
    missing: splice.missing,
    stylesAdded,
  };
}

/** Copies into the document the styles the new content names and the document does not define. */
async function addMissingStyles(zip: JSZip, reportStyles: ReadonlyMap<string, string>, content: string): Promise<string[]> {
  const styles = await zip.file(STYLES)?.async('string');
  if (styles === undefined) return [];
  const defined = new Set([...styles.matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1]!));
  const missing = stylesUsed(content).filter((id) => !defined.has(id) && reportStyles.has(id)).map((id) => reportStyles.get(id)!);
  if (missing.length) zip.file(STYLES, styles.replace('</w:styles>', `${missing.join('')}</w:styles>`));
  return missing.map((style) => /<w:name w:val="([^"]+)"/.exec(style)?.[1] ?? '');
}

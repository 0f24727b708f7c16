import JSZip from 'jszip';
import { TAG_PREFIX } from './renderDocx';

/** What a refresh did: the tables it replaced, tags it did not know (kept as they were), tables the document lacks. */
export interface RefreshResult {
  readonly bytes: Uint8Array;
  readonly replaced: readonly string[];
  readonly unknown: readonly string[];
  readonly missing: readonly string[];
  /** Styles the new tables use that the document did not define, copied in so they look as exported. */
  readonly stylesAdded: readonly string[];
}

interface Control {
  readonly tag: string;
  /** Where the control's content (inside w:sdtContent) starts and ends in document.xml. */
  readonly contentStart: number;
  readonly contentEnd: number;
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
  const source = await JSZip.loadAsync(fresh);
  const freshXml = await source.file(DOCUMENT)!.async('string');
  const freshContent = new Map(contentControls(freshXml).map((c) => [c.tag, freshXml.slice(c.contentStart, c.contentEnd)]));

  const controls = contentControls(xml);
  const known = controls.filter((c) => freshContent.has(c.tag));
  let out = xml;
  for (const c of [...known].sort((a, b) => b.contentStart - a.contentStart)) {
    out = out.slice(0, c.contentStart) + freshContent.get(c.tag)! + out.slice(c.contentEnd);
  }
  const stylesAdded = known.length ? await addMissingStyles(zip, source, known.map((c) => freshContent.get(c.tag)!).join('')) : [];
  if (known.length) zip.file(DOCUMENT, out);
  const present = new Set(controls.map((c) => c.tag));
  return {
    bytes: known.length ? await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) : document,
    replaced: known.map((c) => idOf(c.tag)),
    unknown: controls.filter((c) => !freshContent.has(c.tag)).map((c) => idOf(c.tag)),
    missing: [...freshContent.keys()].filter((tag) => !present.has(tag)).map(idOf),
    stylesAdded,
  };
}

function idOf(tag: string): string {
  return tag.slice(TAG_PREFIX.length);
}

/**
 * The tagged content controls in document order, found by matching w:sdt starts and ends in one
 * pass; a control inside another of ours goes with its parent.
 */
function contentControls(xml: string): Control[] {
  const found: Control[] = [];
  const open: number[] = [];
  for (const m of xml.matchAll(/<w:sdt[\s>]|<\/w:sdt>/g)) {
    if (m[0] !== '</w:sdt>') {
      open.push(m.index);
      continue;
    }
    const start = open.pop();
    if (start === undefined) continue;
    const element = xml.slice(start, m.index);
    const propertiesEnd = element.indexOf('</w:sdtPr>');
    const tag = /<w:tag w:val="([^"]*)"\s*\/>/.exec(element.slice(0, Math.max(0, propertiesEnd)))?.[1];
    const contentOpen = element.indexOf('<w:sdtContent>', propertiesEnd);
    const contentClose = element.lastIndexOf('</w:sdtContent>');
    if (tag === undefined || !unescapeXml(tag).startsWith(TAG_PREFIX) || propertiesEnd < 0 || contentOpen < 0 || contentClose < contentOpen) continue;
    found.push({ tag: unescapeXml(tag), contentStart: start + contentOpen + '<w:sdtContent>'.length, contentEnd: start + contentClose });
  }
  // Controls close inner first: keep those not inside another found control, in document order.
  const sorted = found.sort((a, b) => a.contentStart - b.contentStart);
  return sorted.filter((c) => !sorted.some((outer) => outer !== c && outer.contentStart < c.contentStart && c.contentEnd <= outer.contentEnd));
}

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Copies into the document the styles the new content names and the document does not define. */
async function addMissingStyles(zip: JSZip, source: JSZip, content: string): Promise<string[]> {
  const styles = await zip.file(STYLES)?.async('string');
  const freshStyles = await source.file(STYLES)!.async('string');
  if (styles === undefined) return [];
  const used = new Set([...content.matchAll(/<w:(?:pStyle|tblStyle|rStyle) w:val="([^"]+)"/g)].map((m) => m[1]!));
  const defined = new Set([...styles.matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1]!));
  const added: string[] = [];
  let extra = '';
  for (const id of used) {
    if (defined.has(id)) continue;
    const style = [...freshStyles.matchAll(/<w:style\b[^>]*>[\s\S]*?<\/w:style>/g)].find((m) => m[0].includes(`w:styleId="${id}"`))?.[0];
    if (!style) continue;
    extra += style;
    added.push(/<w:name w:val="([^"]+)"/.exec(style)?.[1] ?? id);
  }
  if (extra) zip.file(STYLES, styles.replace('</w:styles>', `${extra}</w:styles>`));
  return added;
}

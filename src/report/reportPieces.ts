import JSZip from 'jszip';
import type { TablesRefreshed } from './documentHost';
import { tableId, TAG_PREFIX } from './renderDocx';

/**
 * The Word report taken apart for refreshing a document in place: per table (by control tag) the
 * control's content, and the caption with the control for inserting it; and the styles they use.
 * Both the .docx refresh (CLI) and Word's API (the Word pane) put these pieces in.
 */
export interface ReportPieces {
  /** Sentence, table and notes: what replaces a tagged control's content. */
  readonly content: ReadonlyMap<string, string>;
  /** Caption and tagged control: what goes in at the cursor. */
  readonly block: ReadonlyMap<string, string>;
  /** The w:style elements of the report, by style id. */
  readonly styles: ReadonlyMap<string, string>;
}

interface Control {
  readonly tag: string;
  readonly start: number;
  readonly end: number;
  /** Where the control's content (inside w:sdtContent) starts and ends. */
  readonly contentStart: number;
  readonly contentEnd: number;
}

export async function reportPieces(docx: Uint8Array): Promise<ReportPieces> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  const content = new Map<string, string>();
  const block = new Map<string, string>();
  for (const c of taggedControls(xml)) {
    content.set(c.tag, xml.slice(c.contentStart, c.contentEnd));
    // The report writes each caption as the paragraph just before its control.
    block.set(c.tag, xml.slice(xml.lastIndexOf('<w:p>', c.start), c.end));
  }
  return { content, block, styles: new Map([...styles.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g)].map((m) => [m[1]!, m[0]])) };
}

/** The style ids a piece of body XML uses. */
export function stylesUsed(body: string): string[] {
  return [...new Set([...body.matchAll(/<w:(?:pStyle|tblStyle|rStyle) w:val="([^"]+)"/g)].map((m) => m[1]!))];
}

/** Replaces the content of each tagged control in document.xml text; every other character is kept as it was. */
export function spliceTaggedContent(xml: string, content: ReadonlyMap<string, string>): TablesRefreshed & { readonly xml: string } {
  const controls = taggedControls(xml);
  let out = xml;
  for (const c of [...controls].reverse()) if (content.has(c.tag)) out = out.slice(0, c.contentStart) + content.get(c.tag)! + out.slice(c.contentEnd);
  return { xml: out, ...sortedTags(controls.map((c) => c.tag), content) };
}

/** The tags a document holds, sorted by what a refresh does with them, as table ids. */
export function sortedTags(present: readonly string[], content: ReadonlyMap<string, string>): TablesRefreshed {
  const held = new Set(present);
  return {
    replaced: present.filter((tag) => content.has(tag)).map(tableId),
    unknown: present.filter((tag) => !content.has(tag)).map(tableId),
    missing: [...content.keys()].filter((tag) => !held.has(tag)).map(tableId),
  };
}

/**
 * The content controls tagged `secmod:…`, in document order, found by matching w:sdt starts and
 * ends in one pass; a control inside another of ours goes with its parent.
 */
export function taggedControls(xml: string): Control[] {
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
    const tag = unescapeXml(/<w:tag w:val="([^"]*)"\s*\/>/.exec(element.slice(0, Math.max(0, propertiesEnd)))?.[1] ?? '');
    const contentOpen = element.indexOf('<w:sdtContent>', propertiesEnd);
    const contentClose = element.lastIndexOf('</w:sdtContent>');
    if (!tag.startsWith(TAG_PREFIX) || propertiesEnd < 0 || contentOpen < 0 || contentClose < contentOpen) continue;
    found.push({ tag, start, end: m.index + '</w:sdt>'.length, contentStart: start + contentOpen + '<w:sdtContent>'.length, contentEnd: start + contentClose });
  }
  // Controls close inner first: keep those not inside another found control, in document order.
  const sorted = found.sort((a, b) => a.start - b.start);
  return sorted.filter((c) => !sorted.some((outer) => outer !== c && outer.start < c.start && c.end <= outer.end));
}

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * Body XML as the flat package Word's insertOoxml takes, with the styles it uses, so the table
 * looks as exported in a document that lacks them (Word adds a style only where it is missing).
 */
export function flatPackage(body: string, styles: ReadonlyMap<string, string>): string {
  const used = stylesUsed(body).flatMap((id) => (styles.has(id) ? [styles.get(id)!] : []));
  const part = (name: string, type: string, xml: string) => `<pkg:part pkg:name="${name}" pkg:contentType="${type}"><pkg:xmlData>${xml}</pkg:xmlData></pkg:part>`;
  return (
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
    part('/_rels/.rels', 'application/vnd.openxmlformats-package.relationships+xml', `<Relationships xmlns="${RELATIONSHIPS}"><Relationship Id="rId1" Type="${OFFICE_DOCUMENT}/officeDocument" Target="word/document.xml"/></Relationships>`) +
    part('/word/_rels/document.xml.rels', 'application/vnd.openxmlformats-package.relationships+xml', `<Relationships xmlns="${RELATIONSHIPS}"><Relationship Id="rId1" Type="${OFFICE_DOCUMENT}/styles" Target="styles.xml"/></Relationships>`) +
    part('/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', `<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`) +
    part('/word/styles.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml', `<w:styles xmlns:w="${W}">${used.join('')}</w:styles>`) +
    '</pkg:package>'
  );
}

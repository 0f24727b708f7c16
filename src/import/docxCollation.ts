import type { Finding } from '../model/consultation';
import { openDocx, type XmlNode } from './docxPackage';
import { LayoutFindings } from './docxFindings';

/**
 * Lays a Word document (.docx) out from its XML in the collated text form: headings, paragraphs
 * and tables in document order, each table row with its cells, merged cells and multi-paragraph
 * text (headings as "#", rows as tab-separated cells, paragraphs as <p>, bold as <b>, other text
 * escaped), so a Word collation or form is read by the same readers as a text one. Content
 * controls and custom XML are read through; what is not read (text boxes, embedded content,
 * tables inside cells...) is a finding at the line where it would have been.
 */

export type DocxText = { readonly ok: true; readonly text: string; readonly findings: readonly Finding[] } | { readonly ok: false; readonly reason: string };

/** The most columns a table is read with: Word's own limit. A cell spanning more is read as spanning what is left. */
export const MAX_TABLE_COLUMNS = 63;
/** The most rows one table may have: a collation's tables have a row per respondent. */
export const MAX_TABLE_ROWS = 20_000;

interface Layout {
  readonly lines: string[];
  readonly findings: LayoutFindings;
  refusal?: string;
}

export async function docxAsCollatedText(bytes: Uint8Array): Promise<DocxText> {
  const opened = await openDocx(bytes);
  if (!opened.ok) return opened;
  const layout: Layout = { lines: [], findings: new LayoutFindings() };
  walkBlocks(children(find(children(find(opened.tree, 'w:document')), 'w:body')), layout);
  if (layout.refusal) return { ok: false, reason: layout.refusal };
  return { ok: true, text: layout.lines.join('\n'), findings: layout.findings.list() };
}

/** Elements that only wrap content (content controls, custom XML), replaced by what they wrap. */
function unwrap(nodes: XmlNode[]): XmlNode[] {
  return nodes.flatMap((n) => ('w:sdt' in n ? unwrap(children(find(children(n), 'w:sdtContent'))) : 'w:customXml' in n ? unwrap(children(n)) : [n]));
}

function walkBlocks(nodes: XmlNode[], layout: Layout): void {
  for (const node of unwrap(nodes)) {
    if (layout.refusal) return;
    if ('w:p' in node) layout.lines.push(paragraphLine(node, layout));
    else if ('w:tbl' in node) {
      layout.lines.push('');
      table(node, layout);
      layout.lines.push('');
    } else layout.findings.unread(node, layout.lines.length + 1, '');
  }
}

/** A paragraph as a line: headings (and "Question N: ..." paragraphs) get their "#" level. */
function paragraphLine(p: XmlNode, layout: Layout): string {
  const properties = find(children(p), 'w:pPr');
  const style = attribute(find(children(properties), 'w:pStyle'), 'w:val') ?? '';
  const outline = attribute(find(children(properties), 'w:outlineLvl'), 'w:val');
  const text = runsText(children(p), false, layout, '').trim();
  const heading = /^Title$/i.test(style) ? 1 : Number(/^Heading\s*(\d)$/i.exec(style)?.[1] ?? (outline !== undefined ? Number(outline) + 1 : 0));
  if (heading > 0 && text) return `${'#'.repeat(Math.min(6, heading))} ${text}`;
  if (/^Question\s+\d+\s*[:.]/i.test(text)) return `## ${text}`;
  return text;
}

/** A table's rows as lines of tab-separated cells. */
function table(tbl: XmlNode, layout: Layout): void {
  const parts = unwrap(children(tbl));
  const rows = parts.filter((n) => 'w:tr' in n);
  if (rows.length > MAX_TABLE_ROWS) {
    layout.refusal = `a table in the document has ${rows.length.toLocaleString('en-GB')} rows; the limit is ${MAX_TABLE_ROWS.toLocaleString('en-GB')} (a collation's tables have a row per respondent)`;
    return;
  }
  const grid = children(find(parts, 'w:tblGrid')).filter((n) => 'w:gridCol' in n).length;
  const width = Math.min(grid || MAX_TABLE_COLUMNS, MAX_TABLE_COLUMNS);
  for (const tr of rows) {
    const line = layout.lines.length + 1;
    const cells: string[] = [];
    for (const part of unwrap(children(tr))) {
      if (!('w:tc' in part)) {
        layout.findings.unread(part, line, 'in a table row');
        continue;
      }
      const properties = children(find(children(part), 'w:tcPr'));
      const wanted = Number(attribute(find(properties, 'w:gridSpan'), 'w:val') ?? 1);
      const span = Math.min(wanted, Math.max(1, width - cells.length));
      if (wanted > span) layout.findings.wideCell(line, wanted, span);
      const merge = find(properties, 'w:vMerge');
      // A cell continuing a vertical merge holds nothing of its own: the row reads as a continuation.
      const continued = merge !== undefined && (attribute(merge, 'w:val') ?? 'continue') === 'continue';
      cells.push(continued ? '' : cellText(part, line, layout));
      for (let i = 1; i < span; i++) cells.push('');
    }
    layout.lines.push(cells.join('\t'));
  }
  for (const part of parts) if (!('w:tr' in part)) layout.findings.unread(part, layout.lines.length, 'in a table');
}

/** A cell's paragraphs, each as <p>...</p> when there are several, bold runs as <b>. */
function cellText(tc: XmlNode, line: number, layout: Layout): string {
  const paragraphs: string[] = [];
  for (const node of unwrap(children(tc))) {
    if ('w:p' in node) {
      const text = runsText(children(node), true, layout, 'in a table cell').trim();
      if (text !== '') paragraphs.push(text);
    } else if ('w:tbl' in node) layout.findings.nestedTable(line);
    else layout.findings.unread(node, line, 'in a table cell');
  }
  return paragraphs.length > 1 ? paragraphs.map((t) => `<p>${t}</p>`).join(' ') : (paragraphs[0] ?? '');
}

/** Elements inside a paragraph whose runs are its text: links, tracked insertions and moves, fields, bidirectional spans. */
const INLINE_WRAPPERS = ['w:hyperlink', 'w:ins', 'w:moveTo', 'w:smartTag', 'w:fldSimple', 'w:dir', 'w:bdo'];

/** The runs of a paragraph as text; with `markup`, escaped and with bold kept as <b>. */
function runsText(nodes: XmlNode[], markup: boolean, layout: Layout, where: string): string {
  const line = layout.lines.length + 1;
  let out = '';
  for (const node of unwrap(nodes)) {
    if ('w:r' in node) {
      const run = children(node);
      const rPr = children(find(run, 'w:rPr'));
      const b = find(rPr, 'w:b');
      const bold = markup && b !== undefined && !['0', 'false'].includes(attribute(b, 'w:val') ?? 'true');
      let text = '';
      for (const part of run) {
        if ('w:t' in part) text += children(part).map((t) => String(t['#text'] ?? '')).join('');
        else if ('w:tab' in part || 'w:ptab' in part || 'w:br' in part || 'w:cr' in part) text += ' ';
        else if ('w:noBreakHyphen' in part) text += '\u2011';
        else layout.findings.unread(part, line, where);
      }
      const safe = markup ? escape(text) : text;
      out += bold && safe.trim() ? `<b>${safe}</b>` : safe;
    } else if (INLINE_WRAPPERS.some((tag) => tag in node)) {
      out += runsText(children(node), markup, layout, where);
    } else layout.findings.unread(node, line, where);
  }
  return out.replace(/[\t\r\n]+/g, ' ');
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function children(node: XmlNode | undefined): XmlNode[] {
  if (!node) return [];
  const key = Object.keys(node).find((k) => k !== ':@');
  const value = key ? node[key] : undefined;
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function find(nodes: XmlNode[], tag: string): XmlNode | undefined {
  return nodes.find((n) => tag in n);
}

function attribute(node: XmlNode | undefined, name: string): string | undefined {
  return node?.[':@']?.[name];
}

import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

/**
 * Lays a Word document (.docx) out from its XML in the collated text form: headings, paragraphs
 * and tables in document order, each table row with its cells, merged cells and multi-paragraph
 * text (headings as "#", rows as tab-separated cells, paragraphs as <p>, bold as <b>, other text
 * escaped), so a Word collation or form is read by the same readers as a text one.
 */
type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

export async function docxAsCollatedText(bytes: Uint8Array): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  let xml: string | undefined;
  try {
    xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
  } catch {
    return { ok: false, reason: 'the file is not a Word document (.docx): it could not be opened as one' };
  }
  if (!xml) return { ok: false, reason: 'the file is not a Word document (.docx): it has no document body' };
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, processEntities: true });
  const tree = parser.parse(xml) as Node[];
  const body = children(find(children(find(tree, 'w:document')), 'w:body'));
  const lines: string[] = [];
  walkBlocks(body, lines);
  return { ok: true, text: lines.join('\n') };
}

function walkBlocks(nodes: Node[], lines: string[]): void {
  for (const node of nodes) {
    if ('w:p' in node) lines.push(paragraphLine(node));
    else if ('w:tbl' in node) {
      lines.push('', ...tableLines(node), '');
    } else if ('w:sdt' in node) walkBlocks(children(find(children(node), 'w:sdtContent')), lines);
  }
}

/** A paragraph as a line: headings (and "Question N: ..." paragraphs) get their "#" level. */
function paragraphLine(p: Node): string {
  const properties = find(children(p), 'w:pPr');
  const style = attribute(find(children(properties), 'w:pStyle'), 'w:val') ?? '';
  const outline = attribute(find(children(properties), 'w:outlineLvl'), 'w:val');
  const text = runsText(children(p), false).trim();
  const heading = /^Title$/i.test(style) ? 1 : Number(/^Heading\s*(\d)$/i.exec(style)?.[1] ?? (outline !== undefined ? Number(outline) + 1 : 0));
  if (heading > 0 && text) return `${'#'.repeat(Math.min(6, heading))} ${text}`;
  if (/^Question\s+\d+\s*[:.]/i.test(text)) return `## ${text}`;
  return text;
}

function tableLines(tbl: Node): string[] {
  return children(tbl)
    .filter((n) => 'w:tr' in n)
    .map((tr) => {
      const cells: string[] = [];
      for (const tc of children(tr).filter((n) => 'w:tc' in n)) {
        const properties = children(find(children(tc), 'w:tcPr'));
        const span = Number(attribute(find(properties, 'w:gridSpan'), 'w:val') ?? 1);
        const merge = find(properties, 'w:vMerge');
        // A cell continuing a vertical merge holds nothing of its own: the row reads as a continuation.
        const continued = merge !== undefined && (attribute(merge, 'w:val') ?? 'continue') === 'continue';
        cells.push(continued ? '' : cellText(tc));
        for (let i = 1; i < span; i++) cells.push('');
      }
      return cells.join('\t');
    });
}

/** A cell's paragraphs, each as <p>...</p> when there are several, bold runs as <b>. */
function cellText(tc: Node): string {
  const paragraphs = children(tc)
    .filter((n) => 'w:p' in n)
    .map((p) => runsText(children(p), true).trim())
    .filter((t) => t !== '');
  return paragraphs.length > 1 ? paragraphs.map((t) => `<p>${t}</p>`).join(' ') : (paragraphs[0] ?? '');
}

/** The runs of a paragraph as text; with `markup`, escaped and with bold kept as <b>. */
function runsText(nodes: Node[], markup: boolean): string {
  let out = '';
  for (const node of nodes) {
    if ('w:r' in node) {
      const run = children(node);
      const rPr = children(find(run, 'w:rPr'));
      const b = find(rPr, 'w:b');
      const bold = markup && b !== undefined && !['0', 'false'].includes(attribute(b, 'w:val') ?? 'true');
      let text = '';
      for (const part of run) {
        if ('w:t' in part) text += children(part).map((t) => String(t['#text'] ?? '')).join('');
        else if ('w:tab' in part || 'w:br' in part || 'w:cr' in part) text += ' ';
      }
      const safe = markup ? escape(text) : text;
      out += bold && safe.trim() ? `<b>${safe}</b>` : safe;
    } else if ('w:hyperlink' in node || 'w:ins' in node || 'w:smartTag' in node || 'w:fldSimple' in node) {
      out += runsText(children(node), markup);
    }
  }
  return out.replace(/[\t\r\n]+/g, ' ');
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function children(node: Node | undefined): Node[] {
  if (!node) return [];
  const key = Object.keys(node).find((k) => k !== ':@');
  const value = key ? node[key] : undefined;
  return Array.isArray(value) ? (value as Node[]) : [];
}

function find(nodes: Node[], tag: string): Node | undefined {
  return nodes.find((n) => tag in n);
}

function attribute(node: Node | undefined, name: string): string | undefined {
  return node?.[':@']?.[name];
}

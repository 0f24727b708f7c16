import type { Finding } from '../model/consultation';
import type { XmlNode } from './docxPackage';

type Names = readonly [one: string, several: string];

/** Parts of a Word document whose text the reader does not take. */
const NOT_READ = new Map<string, Names>([
  ['w:altChunk', ['embedded content (an altChunk: HTML or another document inside this one)', 'pieces of embedded content (altChunks)']],
  ['w:txbxContent', ['a text box', 'text boxes']],
  ['w:object', ['an embedded object', 'embedded objects']],
  ['w:subDoc', ['a linked subdocument', 'linked subdocuments']],
  ['w:footnoteReference', ['a footnote', 'footnotes']],
  ['w:endnoteReference', ['an endnote', 'endnotes']],
  ['m:oMath', ['an equation', 'equations']],
  ['w:sym', ['a symbol character', 'symbol characters']],
]);
const NESTED_TABLE: Names = ['a table inside a table cell', 'tables inside table cells'];

/** Each kind's first places get a finding of their own; the rest are counted in one, so a hostile file cannot flood the Findings sheet. */
const LISTED = 20;

/**
 * What laying a Word document out found: parts not read and cells wider than their table, each
 * at the line of the collated text where it stands.
 */
export class LayoutFindings {
  private readonly kinds = new Map<string, { listed: Finding[]; count: number; more: (n: string) => string }>();

  /** Records the first part of `node` (itself or inside it) that is not read; pictures and formatting hold no text and pass. */
  unread(node: XmlNode, line: number, where: string): void {
    const tag = firstUnread(node);
    if (tag) this.notRead(tag, NOT_READ.get(tag)!, line, where);
  }

  nestedTable(line: number): void {
    this.notRead('w:tbl', NESTED_TABLE, line, '');
  }

  wideCell(line: number, wanted: number, span: number): void {
    this.add('w:gridSpan', { severity: 'warning', line, text: `gridSpan ${wanted}`, message: `a table cell claims to span ${wanted.toLocaleString('en-GB')} columns, more than its table has: read as spanning ${span}` }, (n) => `${n} more table cells claim to span more columns than their table has`);
  }

  list(): Finding[] {
    return [...this.kinds.values()]
      .flatMap(({ listed, count, more }) => {
        const rest = count - listed.length;
        return rest > 0 ? [...listed, { ...listed[listed.length - 1]!, message: `${more(rest.toLocaleString('en-GB'))} (the first ${LISTED} are listed)` }] : listed;
      })
      .sort((a, b) => a.line - b.line);
  }

  private notRead(tag: string, [one, several]: Names, line: number, where: string): void {
    this.add(tag, { severity: 'warning', line, text: tag, message: `${one}${where ? ` ${where}` : ''} was not read: what it says is not in the import` }, (n) => `${n} more ${several} were not read`);
  }

  private add(kind: string, finding: Finding, more: (n: string) => string): void {
    const entry = this.kinds.get(kind) ?? { listed: [], count: 0, more };
    this.kinds.set(kind, entry);
    entry.count++;
    if (entry.listed.length < LISTED) entry.listed.push(finding);
  }
}

function firstUnread(node: XmlNode): string | undefined {
  const tag = Object.keys(node).find((k) => k !== ':@');
  if (tag === undefined) return undefined;
  if (NOT_READ.has(tag)) return tag;
  const content = node[tag];
  if (!Array.isArray(content)) return undefined;
  for (const child of content as XmlNode[]) {
    const found = firstUnread(child);
    if (found) return found;
  }
  return undefined;
}

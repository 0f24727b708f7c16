import {
  AlignmentType,
  BuilderElement,
  Document,
  FileChild,
  HeadingLevel,
  ShadingType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type XmlComponent,
} from 'docx';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import JSZip from 'jszip';
import { Utf8Chunks } from './utf8Chunks';
import { escapeXml } from './xmlText';
import type { TableWords } from './reportTables';

const FONT = 'Arial';
/** The text width of the default A4 page with one-inch margins, in twentieths of a point. */
const TEXT_WIDTH = 9026;

/** Twips: a cell's left and right padding; an Arial character per half-point of font size (bold header words a little wider). */
const CELL_PADDING = 230;
const CHAR = 5.6;
const HEADER_CHAR = 6.1;
/** Body text of a table in half-points: 9 pt, or 8 pt for a table too wide for 9. */
const SIZES = [18, 16] as const;
const SMALLEST = 16;

interface TableLayout {
  readonly size: number;
  readonly widths: readonly number[];
}

/**
 * Column widths by content, so a figure is never broken across lines to give a note room: each
 * column first gets its longest unbreakable token (a figure, a header word), then what is left of
 * the page goes to the columns whose text would wrap, the shortest first. A table
 * whose tokens do not fit at 9 pt is set at 8 pt.
 */
function tableLayout(t: TableWords): TableLayout {
  // Each column's longest token and longest cell, in characters, measured once for both sizes.
  const columns = t.columns.map((c, j) => {
    let token = 0;
    let text = 0;
    for (const r of t.rows) {
      const x = kept(r[j] ?? '');
      token = Math.max(token, longestToken(x));
      text = Math.max(text, x.length);
    }
    return { header: longestToken(c.header), token, text };
  });
  const needAt = (size: number) =>
    columns.map((c) => {
      // A header is given at least three characters: a short bold capital word ("No") is wider than the average character.
      const least = Math.max(HEADER_CHAR * size * Math.max(3, c.header), CHAR * size * c.token);
      const full = Math.max(least, CHAR * size * Math.min(40, c.text));
      return { least: CELL_PADDING + least, full: CELL_PADDING + full };
    });
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const size: number = SIZES.find((z) => sum(needAt(z).map((n) => n.least)) <= TEXT_WIDTH) ?? SMALLEST;
  const need = needAt(size);
  const least = sum(need.map((n) => n.least));
  const full = sum(need.map((n) => n.full));
  if (least >= TEXT_WIDTH) return { size, widths: need.map((n) => Math.floor((n.least / least) * TEXT_WIDTH)) };
  if (full <= TEXT_WIDTH) return { size, widths: need.map((n) => Math.floor(n.full * (TEXT_WIDTH / full))) };
  // Short columns get all they want first; the long ones share what is left equally.
  const extra = new Map<number, number>();
  let spare = TEXT_WIDTH - least;
  const byWant = need.map((n, j) => ({ j, want: n.full - n.least })).sort((a, b) => a.want - b.want);
  byWant.forEach(({ j, want }, k) => {
    const given = Math.min(want, spare / (byWant.length - k));
    extra.set(j, given);
    spare -= given;
  });
  const widths = need.map((n, j) => n.least + (extra.get(j) ?? 0));
  return { size, widths: widths.map(Math.floor) };
}

/** The characters in a text's longest run that Word will not break: spaces and line ends break it, and word joiners take no room. */
function longestToken(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a) run = 0;
    else if (c !== 0x2060) longest = Math.max(longest, ++run);
  }
  return longest;
}

/** The tag of the content control that holds a table: a later refresh finds it by this to replace exactly that table. */
export function tableTag(table: Pick<TableWords, 'id'>): string {
  return `${TAG_PREFIX}${table.id}`;
}
export const TAG_PREFIX = 'secmod:';

/** The table id a tag names. */
export function tableId(tag: string): string {
  return tag.slice(TAG_PREFIX.length);
}

/** The FMR's sections, so a report dropped into one reads in its order. */
const SECTIONS: Readonly<Record<string, string>> = {
  'cost-estimates': 'Costs',
  'band-distribution': 'Costs',
  'industry-cost': 'Costs',
  'uptake-scenarios': 'Benefits and uptake',
  'lead-times': 'Implementation',
  'summary-of-views': 'Views of respondents',
  'secas-responses': 'Views of respondents',
};

/**
 * The parts of a Word document of real tables in Word's own styles (Heading 1 and 2, Caption, a named table
 * style), en-GB throughout. Each table's caption (a SEQ field, so Word renumbers tables moved among
 * the author's own) is followed by a content control tagged `secmod:<table id>` holding its
 * sentence, the table and its notes, kept together on the page.
 */
export async function reportDocxParts(tables: readonly TableWords[], heading: string): Promise<DocxParts> {
  const bodies = new BodyRows();
  const children: FileChild[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(heading)] })];
  let section: string | undefined;
  tables.forEach((t, i) => {
    const name = SECTIONS[t.id];
    if (name && name !== section) children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(name)] }));
    section = name ?? section;
    children.push(caption(t, i + 1), taggedBlock(tableTag(t), t.title, tableBlock(t, bodies)));
  });
  const doc = new Document({
    creator: 'SEC modification cost model',
    title: heading,
    styles: {
      default: {
        document: { run: { font: FONT, size: 20, language: { value: 'en-GB' } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: '000000' }, paragraph: { spacing: { after: 240 } } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: '000000' }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        caption: { run: { font: FONT, size: 20, bold: true, italics: false, color: '000000' }, paragraph: { spacing: { before: 240, after: 60 }, keepNext: true } },
      },
      paragraphStyles: [{ id: NOTE_STYLE, name: 'Table Note', basedOn: 'Normal', run: { italics: true, size: 16 }, paragraph: { spacing: { before: 60 } } }],
    },
    sections: [{ children }],
  });
  return withTableStyle(await Packer.toArrayBuffer(doc), bodies);
}

/** A Word package's parts by name, in the package's order: bytes, or pieces of bytes that follow one another. */
export type DocxParts = Map<string, Uint8Array | Uint8Array[]>;

/**
 * The report as a .docx file's bytes, packed here (the task pane's export) by JSZip, which packs in
 * short turns and leaves the pane answering meanwhile; the CLI packs the parts with Node's zlib.
 */
export async function renderDocx(tables: readonly TableWords[], heading: string): Promise<Uint8Array> {
  const zip = new JSZip();
  let size = 0;
  for (const [name, part] of await reportDocxParts(tables, heading)) {
    // A list of pieces is an array (a test of the bytes' class fails for bytes made in another realm, as under jsdom).
    const bytes = Array.isArray(part) ? joined(part) : part;
    size += bytes.length;
    // One fixed date for every part: the package's own dates would say only when it was exported.
    zip.file(name, bytes, { date: PACKAGE_DATE });
  }
  // A report of thousands of rows is tens of megabytes of XML: deflated a little less tightly, it packs in half the time and is still a fraction of a megabyte.
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: size > LARGE_REPORT ? 3 : 6 } });
}

/** Pieces of bytes as one array. */
function joined(pieces: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of pieces) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** docx writes no table styles beside its defaults (importing one drops them), so the table style is added to the package; and the tables' body rows go in. */
function withTableStyle(packed: ArrayBuffer, bodies: BodyRows): DocxParts {
  const unzipped = unzipSync(new Uint8Array(packed));
  const parts: DocxParts = new Map(Object.entries(unzipped).filter(([name]) => !name.endsWith('/')));
  parts.set('word/styles.xml', strToU8(strFromU8(unzipped['word/styles.xml']!).replace('</w:styles>', `${TABLE_STYLE_XML}</w:styles>`)));
  if (bodies.size) parts.set('word/document.xml', bodies.fill(strFromU8(unzipped['word/document.xml']!)));
  return parts;
}

/**
 * Tables' body rows after the first, written as XML of their own: a row per respondent as docx
 * objects took many seconds and gigabytes for a large consultation. docx lays out each table with
 * its header, its first row and a placeholder row; the placeholder is then replaced by the other
 * rows, written exactly as docx wrote the first (which is checked: a change to `cell` that
 * rowXml does not follow stops the export rather than mixing two kinds of row).
 */
class BodyRows {
  private readonly tables = new Map<string, { readonly t: TableWords; readonly layout: TableLayout }>();
  private readonly nonce = `${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;

  get size(): number {
    return this.tables.size;
  }

  /** A row standing in for the table's body, marked with text nothing else in the document holds. */
  placeholder(t: TableWords, layout: TableLayout): TableRow {
    const marker = `secmod-body-${this.nonce}-${this.tables.size}`;
    this.tables.set(marker, { t, layout });
    return new TableRow({ children: [new TableCell({ children: [new Paragraph(marker)] })] });
  }

  /** The document's XML with each placeholder row replaced by its table's rows, in pieces (a large report's is tens of megabytes). */
  fill(xml: string): Uint8Array[] {
    const out = new Utf8Chunks();
    let from = 0;
    for (const [marker, { t, layout }] of this.tables) {
      const at = xml.indexOf(marker, from);
      if (at < 0) throw new Error(`the Word document lost the rows of table "${t.title}"`);
      const rowStart = xml.lastIndexOf('<w:tr>', at);
      const first = xml.slice(xml.lastIndexOf('<w:tr>', rowStart - 1), rowStart);
      const widths = [...first.matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].map((m) => m[1]!);
      if (rowXml(t.rows[0]!, t, layout.size, widths, false) !== first) throw new Error(`table "${t.title}": its rows would not be written as docx writes them`);
      out.add(xml.slice(from, rowStart));
      const last = t.rows.length - 1;
      // Encoded a few dozen rows at a time, so the rows' text does not outlive its turn.
      let rows = '';
      for (let k = 1; k < t.rows.length; k++) {
        rows += rowXml(t.rows[k]!, t, layout.size, widths, k === last && t.notes.length > 0);
        if (rows.length > 1 << 16) {
          out.add(rows);
          rows = '';
        }
      }
      out.add(rows);
      from = xml.indexOf('</w:tr>', at) + '</w:tr>'.length;
    }
    out.add(xml.slice(from));
    return out.done();
  }
}

/** A body row as docx writes `new TableRow({ cantSplit: true, children: r.map(… cell(v, align, false, size, keepNext)) })`. */
function rowXml(r: readonly string[], t: TableWords, size: number, widths: readonly string[], keepNext: boolean): string {
  const paragraph = (align: string) =>
    `<w:p><w:pPr>${keepNext ? '<w:keepNext/>' : '<w:keepNext w:val="false"/>'}<w:jc w:val="${align}"/></w:pPr><w:r><w:rPr><w:b w:val="false"/><w:bCs w:val="false"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><w:t xml:space="preserve">`;
  let xml = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
  r.forEach((v, j) => {
    const open = paragraph(t.columns[j]!.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT);
    xml += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widths[j]}"/></w:tcPr>`;
    for (const line of kept(v).split('\n')) xml += `${open}${escapeXml(line)}</w:t></w:r></w:p>`;
    xml += '</w:tc>';
  });
  return `${xml}</w:tr>`;
}


/** Bytes of parts above which the task pane deflates the package faster (level 3, not 6). */
const LARGE_REPORT = 4_000_000;
/** The date every part of the package carries: the earliest a zip file can give. */
const PACKAGE_DATE = new Date(1980, 0, 1);

const NOTE_STYLE = 'TableNote';
const HEADER_FILL = 'D9E2F3';
const TABLE_STYLE = 'SECModTable';
/** Thin grid, cells padded, the header row shaded: what the table looks like wherever it is pasted. */
const TABLE_STYLE_XML = `<w:style w:type="table" w:customStyle="1" w:styleId="${TABLE_STYLE}"><w:name w:val="SEC Modification Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr><w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>`).join('')}</w:tblBorders><w:tblCellMar><w:left w:w="${CELL_PADDING / 2}" w:type="dxa"/><w:right w:w="${CELL_PADDING / 2}" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${HEADER_FILL}"/></w:tcPr></w:tblStylePr></w:style>`;

/**
 * The caption sits just outside the table's content control: a refresh then keeps the author's
 * cross-references to it (Word's bookmark on a caption) and any rewording of it.
 */
function caption(t: TableWords, number: number): Paragraph {
  return new Paragraph({ style: 'Caption', children: [new TextRun('Table '), ...tableNumberField(number), new TextRun(`: ${t.title}`)] });
}

/** Sentence, table and notes: what one content control holds, and what a refresh replaces. */
function tableBlock(t: TableWords, bodies: BodyRows): FileChild[] {
  const layout = tableLayout(t);
  const last = t.rows.length - 1;
  const row = (r: readonly string[], k: number) => new TableRow({ cantSplit: true, children: r.map((v, j) => cell(v, t.columns[j]!.align, false, layout.size, k === last && t.notes.length > 0)) });
  return [
    new Paragraph({ keepNext: true, spacing: { after: 120 }, children: [new TextRun(t.narrative)] }),
    new Table({
      style: TABLE_STYLE,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [...layout.widths],
      layout: TableLayoutType.FIXED,
      rows: [
        // The header keeps with the first row, and the last row with the notes under it.
        new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c) => cell(c.header, c.align, true, layout.size, true)) }),
        // The first row by docx, the rest after it as docx writes the first (BodyRows).
        ...t.rows.slice(0, 1).map(row),
        ...(t.rows.length > 1 ? [bodies.placeholder(t, layout)] : []),
      ],
    }),
    ...t.notes.map((n, k) => new Paragraph({ style: NOTE_STYLE, keepNext: k < t.notes.length - 1, children: [new TextRun(n)] })),
  ];
}

/** "SEQ Table" as Word writes it (begin, instruction, separator, number, end), so Word renumbers and LibreOffice shows the number. */
function tableNumberField(number: number): TextRun[] {
  const fieldChar = (type: string) => new FieldPart(new BuilderElement<{ type: string }>({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } }));
  const instruction = new BuilderElement<{ space: string }>({ name: 'w:instrText', attributes: { space: { key: 'xml:space', value: 'preserve' } } });
  instruction.addChildElement(' SEQ Table \\* ARABIC ');
  return [fieldChar('begin'), new FieldPart(instruction), fieldChar('separate'), new TextRun(String(number)), fieldChar('end')];
}

/** A run holding one part of a field. */
class FieldPart extends TextRun {
  constructor(part: XmlComponent) {
    super({});
    this.root.push(part);
  }
}

/** A block-level content control (w:sdt) with a tag and a title: Word lists it by title, and a refresh finds it by tag. */
function taggedBlock(tag: string, title: string, content: readonly FileChild[]): FileChild {
  return new (class extends FileChild {
    constructor() {
      super('w:sdt');
      const value = (name: string, val: string | number) => new BuilderElement<{ val: string | number }>({ name, attributes: { val: { key: 'w:val', value: val } } });
      this.root.push(new BuilderElement({ name: 'w:sdtPr', children: [value('w:alias', title), value('w:tag', tag), value('w:id', controlId(tag))] }));
      this.root.push(new BuilderElement({ name: 'w:sdtContent', children: content }));
    }
  })();
}

/** A control's id from its tag, stable between exports (Word needs ids unique, not sequential). */
function controlId(tag: string): number {
  let h = 7;
  for (const ch of tag) h = (h * 31 + ch.charCodeAt(0)) % 2_000_000_000;
  return h + 1;
}

const KEPT_NEEDED = / to |−|\d [A-Z]/;

/**
 * A figure's text with the breaks Word must not make: within a range (£100k–£250k, −£938k to
 * −£338k), after a minus sign, or inside a date.
 */
function kept(text: string): string {
  // Most cells hold none of these (a name, a category, a note): they are given back as they are.
  if (!KEPT_NEEDED.test(text)) return text;
  return text
    .replace(/ to (?=[−£\d])/g, '\u00a0to\u00a0')
    .replace(/−/g, '−\u2060')
    .replace(/\b(\d{1,2}) ([A-Z][a-z]+) (\d{4})\b/g, '$1\u00a0$2\u00a0$3');
}

function cell(text: string, align: 'left' | 'right', header: boolean, size: number, keepNext: boolean): TableCell {
  const lines = (header ? text : kept(text)).split('\n');
  return new TableCell({
    // Shaded directly as well as by the table style: Word applies a style's header shading only with a table look that asks for it.
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } } : {}),
    children: lines.map(
      (line) =>
        new Paragraph({
          keepNext,
          alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text: line, bold: header, size })],
        }),
    ),
  });
}

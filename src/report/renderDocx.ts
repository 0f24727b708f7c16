import { AlignmentType, Bookmark, Document, Packer, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import type { ReportTable } from './reportTables';

/** The bookmark on a table's caption: a later export finds it by this name to replace exactly that table. */
export function bookmarkName(table: ReportTable): string {
  return `secmod_${table.id.replace(/[^A-Za-z0-9]/g, '_')}`;
}

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
function tableLayout(t: ReportTable): TableLayout {
  const tokens = (text: string) => text.replace(/\u2060/g, '').split(/[ \n]+/).map((w) => w.length);
  const cells = t.columns.map((_, j) => t.rows.map((r) => kept(r[j] ?? '')));
  const needAt = (size: number) =>
    t.columns.map((c, j) => {
      const least = Math.max(HEADER_CHAR * size * Math.max(...tokens(c.header)), CHAR * size * Math.max(0, ...cells[j]!.flatMap(tokens)));
      const full = Math.max(least, CHAR * size * Math.min(40, Math.max(0, ...cells[j]!.map((x) => x.length))));
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

/**
 * A Word document of real tables: a caption (bookmarked with the table's stable id), the
 * sentence, the table with a header row that repeats on every page, and the notes under it.
 */
export async function renderDocx(tables: readonly ReportTable[], heading: string): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [new Paragraph({ children: [new TextRun({ text: heading, bold: true, size: 32, font: FONT })], spacing: { after: 240 } })];
  tables.forEach((t, i) => {
    const layout = tableLayout(t);
    children.push(
      new Paragraph({
        keepNext: true,
        spacing: { before: 240, after: 60 },
        children: [new Bookmark({ id: bookmarkName(t), children: [new TextRun({ text: `Table ${i + 1}: ${t.title}`, bold: true, font: FONT, size: 20 })] })],
      }),
      new Paragraph({ keepNext: true, spacing: { after: 120 }, children: [new TextRun({ text: t.narrative, font: FONT, size: 20 })] }),
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: [...layout.widths],
        layout: TableLayoutType.FIXED,
        rows: [
          new TableRow({
            tableHeader: true,
            cantSplit: true,
            children: t.columns.map((c) => cell(c.header, c.align, true, layout.size)),
          }),
          ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, j) => cell(v, t.columns[j]!.align, false, layout.size)) })),
        ],
      }),
      ...t.notes.map((n) => new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text: n, italics: true, font: FONT, size: 16 })] })),
    );
  });
  const doc = new Document({ creator: 'SEC modification cost model', title: heading, sections: [{ children }] });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/**
 * A figure's text with the breaks Word must not make: within a range (£100k–£250k, −£938k to
 * −£338k), after a minus sign, or inside a date.
 */
function kept(text: string): string {
  return text
    .replace(/ to (?=[−£\d])/g, '\u00a0to\u00a0')
    .replace(/−/g, '−\u2060')
    .replace(/\b(\d{1,2}) ([A-Z][a-z]+) (\d{4})\b/g, '$1\u00a0$2\u00a0$3');
}

function cell(text: string, align: 'left' | 'right', header: boolean, size: number): TableCell {
  const lines = (header ? text : kept(text)).split('\n');
  return new TableCell({
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } } : {}),
    children: lines.map(
      (line) =>
        new Paragraph({
          alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text: line, bold: header, font: FONT, size })],
        }),
    ),
  });
}

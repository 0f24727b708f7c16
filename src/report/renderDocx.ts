import { AlignmentType, Bookmark, Document, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ReportTable } from './reportTables';

/** The bookmark on a table's caption: a later export finds it by this name to replace exactly that table. */
export function bookmarkName(table: ReportTable): string {
  return `secmod_${table.id.replace(/[^A-Za-z0-9]/g, '_')}`;
}

const FONT = 'Arial';

/**
 * A Word document of real tables: a caption (bookmarked with the table's stable id), the
 * sentence, the table with a header row that repeats on every page, and the notes under it.
 */
export async function renderDocx(tables: readonly ReportTable[], heading: string): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [new Paragraph({ children: [new TextRun({ text: heading, bold: true, size: 32, font: FONT })], spacing: { after: 240 } })];
  tables.forEach((t, i) => {
    children.push(
      new Paragraph({
        keepNext: true,
        spacing: { before: 240, after: 60 },
        children: [new Bookmark({ id: bookmarkName(t), children: [new TextRun({ text: `Table ${i + 1}: ${t.title}`, bold: true, font: FONT, size: 20 })] })],
      }),
      new Paragraph({ keepNext: true, spacing: { after: 120 }, children: [new TextRun({ text: t.narrative, font: FONT, size: 20 })] }),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({
            tableHeader: true,
            cantSplit: true,
            children: t.columns.map((c) => cell(c.header, c.align, true)),
          }),
          ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, j) => cell(v, t.columns[j]!.align, false)) })),
        ],
      }),
      ...t.notes.map((n) => new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text: n, italics: true, font: FONT, size: 16 })] })),
    );
  });
  const doc = new Document({ creator: 'SEC modification cost model', title: heading, sections: [{ children }] });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

function cell(text: string, align: 'left' | 'right', header: boolean): TableCell {
  const lines = text.split('\n');
  return new TableCell({
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } } : {}),
    children: lines.map(
      (line) =>
        new Paragraph({
          alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text: line, bold: header, font: FONT, size: 18 })],
        }),
    ),
  });
}

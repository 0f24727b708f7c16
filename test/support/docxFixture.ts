import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';

export interface DocxOptions {
  /** Write the "Question N" label rows as one merged cell across the table. */
  readonly mergeLabels?: boolean;
  /** Write continuation rows' empty Respondent and Category cells as vertical merges with the row above. */
  readonly mergeContinuations?: boolean;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];

/**
 * A Word collation built from the collated text form with a real docx writer: "#" lines become
 * headings, tab-separated lines become table rows, <p> becomes paragraphs and <b> bold runs.
 */
export async function collationDocx(text: string, options: DocxOptions = {}): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    children.push(
      new Table({
        rows: rows.map((cells, r) => {
          const label = options.mergeLabels && /^Question \d+$/.test(cells[0] ?? '') && cells.slice(1).every((c) => c.trim() === '');
          if (label) return new TableRow({ children: [new TableCell({ columnSpan: width, children: [new Paragraph(cells[0]!)] })] });
          const continuation = options.mergeContinuations && r > 0 && cells[0] === '' && cells[1] === '';
          return new TableRow({
            children: Array.from({ length: width }, (_, c) =>
              continuation && c < 2 ? new TableCell({ verticalMerge: VerticalMergeType.CONTINUE, children: [new Paragraph('')] }) : new TableCell({ children: paragraphs(cells[c] ?? '') }),
            ),
          });
        }),
      }),
    );
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      rows.push(line.split('\t'));
      continue;
    }
    flush();
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) children.push(new Paragraph({ heading: HEADINGS[heading[1]!.length - 1], children: [new TextRun(heading[2]!)] }));
    else if (line.trim()) children.push(new Paragraph(line));
  }
  flush();
  return new Uint8Array(await Packer.toArrayBuffer(new Document({ sections: [{ children }] })));
}

/** A cell's HTML fragment as Word paragraphs, with <b> as bold runs. */
function paragraphs(fragment: string): Paragraph[] {
  const parts = /<p>/.test(fragment) ? [...fragment.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]!) : [fragment];
  return parts.map(
    (part) =>
      new Paragraph({
        children: part.split(/(<b>[\s\S]*?<\/b>)/).filter(Boolean).map((piece) => {
          const bold = /^<b>([\s\S]*)<\/b>$/.exec(piece);
          return new TextRun({ text: bold ? bold[1]! : piece, bold: Boolean(bold) });
        }),
      }),
  );
}

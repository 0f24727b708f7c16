import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ownedFromRegistry, REGISTRY_SHEET } from '../workbook/ownership';

/** Parts of an .xlsx that hold something the model never writes, in words. */
const FOREIGN_PARTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^xl\/threadedComments\//, 'comments'],
  [/^xl\/media\//, 'pictures'],
  [/^xl\/pivot(Tables|Cache)\//, 'pivot tables'],
  [/^xl\/vbaProject\.bin$/, 'macros'],
  [/^xl\/externalLinks\//, 'links to other workbooks'],
  [/^xl\/embeddings\//, 'embedded objects'],
  [/^xl\/(connections\.xml$|queryTables\/)/, 'data connections'],
  [/^xl\/(slicers|slicerCaches|timelines|timelineCaches)\//, 'slicers'],
  [/^xl\/ctrlProps\//, 'form controls'],
  [/^xl\/(chartsheets|macrosheets|dialogsheets)\//, 'chart or macro sheets'],
];

/** Drawn elements other than a chart's frame or a picture (whose image is a part of its own): shapes, text boxes, connectors. */
const SHAPES = /<xdr:(sp|grpSp|cxnSp)[\s>]/;

const plural = (items: readonly string[], what: string) => (items.length ? [`${what} (${items.slice(0, 5).join(', ')}${items.length > 5 ? `, and ${items.length - 5} more` : ''})`] : []);

/**
 * What an existing workbook holds that the model did not write, in words; empty when writing over
 * it loses nothing of anyone else's. The model owns the sheets, tables and names on its registry
 * and everything on its own sheets except notes and drawn shapes (the add-in clears its sheets
 * the same way). Throws when the file cannot be read as a workbook.
 */
export async function foreignContent(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);

  const registry = wb.getWorksheet(REGISTRY_SHEET);
  const rows: unknown[][] = [];
  registry?.eachRow((row) => rows.push([row.getCell(1).value, row.getCell(2).value]));
  const owned = ownedFromRegistry(rows);
  const ours = (list: readonly string[]) => {
    const lower = new Set(list.map((n) => n.toLowerCase()));
    return (n: string) => lower.has(n.toLowerCase());
  };
  const [ourSheet, ourTable, ourName] = [ours([...owned.sheets, REGISTRY_SHEET]), ours(owned.tables), ours(owned.names)];

  const sheets: string[] = [];
  const tables: string[] = [];
  const notes: string[] = [];
  wb.eachSheet((ws) => {
    if (!ourSheet(ws.name)) sheets.push(ws.name);
    for (const t of ws.getTables() as unknown as Array<{ name: string }>) if (!ourTable(t.name)) tables.push(t.name);
    ws.eachRow((row) => row.eachCell((cell) => void (cell.note ? notes.push(`${ws.name}!${cell.address}`) : undefined)));
  });
  // Defined names from the file itself (ExcelJS drops those that are not ranges); Excel's own (_xlnm.) go with their sheets.
  const names = [...workbookXml.matchAll(/<definedName\b[^>]*?\bname="([^"]*)"/g)].map((m) => m[1]!).filter((n) => !n.startsWith('_xlnm.') && !ourName(n));

  const parts = Object.keys(zip.files);
  const drawings = await Promise.all(parts.filter((p) => /^xl\/drawings\/[^/]+\.xml$/.test(p)).map((p) => zip.file(p)!.async('string')));
  const other = [...new Set(FOREIGN_PARTS.filter(([pattern]) => parts.some((p) => pattern.test(p))).map(([, words]) => words))];
  return [
    ...plural(sheets, 'sheets the model did not write'),
    ...plural(tables, 'tables the model did not create'),
    ...plural(names, 'defined names the model did not create'),
    ...plural(notes, 'notes'),
    ...(drawings.some((d) => SHAPES.test(d)) ? ['shapes or text boxes'] : []),
    ...other,
  ];
}

import type ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { formulaText } from '../workbook/formula';
import { bodyXml, LINE_HEIGHT, type SharedFormulaCount, type WorkbookIds } from './xlsxBody';
import { addCharts } from './xlsxCharts';
import { addTables } from './xlsxTables';
import { PartsWriter } from './partsWriter';
import { packParts, partText, type Parts } from './xlsxPackage';
import { REGISTRY_SHEET, registryRows } from '../workbook/ownership';
import {
  cellFormat,
  columnLetters,
  headerLines,
  isoFromSerial,
  HIGHLIGHT_FILL,
  planProblems,
  printSetup,
  wraps,
  sheetLayout,
  validationMessage,
  type CellFormat,
  type Validation,
  type WorkbookPlan,
} from '../workbook/plan';

const HEADER_STYLE: Partial<ExcelJS.Style> = { alignment: { vertical: 'top', wrapText: true } };

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

/**
 * Writes a workbook plan as an .xlsx file's bytes. Text cells are strings (never formulas);
 * formula cells carry the engine's value as their cached result, and the file asks Excel to
 * recalculate everything when it opens.
 */
export async function planToXlsx(plan: WorkbookPlan, meta: { creator: string; created: Date }): Promise<Buffer> {
  return packParts(await xlsxParts(plan, meta), meta.created, { largePartsFaster: true });
}

/** The parts of the .xlsx file, to be packed (packParts): a caller may do other work while they are deflated. */
export async function xlsxParts(plan: WorkbookPlan, meta: { creator: string; created: Date }): Promise<Parts> {
  const problems = planProblems(plan);
  if (problems.length) throw new Error(`the workbook plan cannot be written: ${problems.join('; ')}`);
  // ExcelJS writes the parts (and its workbook is let go before the packing); the charts are added to them and the whole is packed once.
  const parts = await workbookParts(plan, meta);
  addTables(parts, plan);
  addCharts(parts, plan);
  askFullCalculation(parts);
  return parts;
}

/**
 * The plan through ExcelJS's streaming writer, as the package's parts in the pieces they were
 * written in. Each row goes out as it is written, so a large model is never held as cells: the
 * in-memory workbook took gigabytes and most of the run for 10,000 respondents.
 */
async function workbookParts(plan: WorkbookPlan, meta: { creator: string; created: Date }): Promise<Parts> {
  const wb = new PartsWriter({ stream: new PassThrough(), useStyles: true, useSharedStrings: true });
  wb.creator = meta.creator;
  wb.created = meta.created;
  wb.modified = meta.created;
  const lookups = workbookTables(wb);
  for (const sheet of plan.sheets) {
    const layout = sheetLayout(sheet);
    const print = printSetup(sheet);
    const ws = wb.addWorksheet(sheet.name, {
      ...(print.headerRow !== null ? { views: [{ state: 'frozen', ySplit: print.headerRow }] } : {}),
      pageSetup: {
        // Excel's paper codes: 9 is A4, 8 is A3 (which ExcelJS's list leaves out).
        paperSize: (print.paper === 'A3' ? 8 : 9) as ExcelJS.PaperSize,
        orientation: print.landscape ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        ...(print.headerRow !== null ? { printTitlesRow: `${print.headerRow}:${print.headerRow}` } : {}),
      },
    });
    ws.columns = layout.widths.map((width) => ({ width }));
    const shared: SharedFormulaCount = { next: 0 };
    for (const { table, titleRow, headerRow, body } of layout.tables) {
      if (titleRow !== null) {
        const title = ws.getRow(titleRow + 1).getCell(1);
        title.value = table.title!;
        title.font = { bold: true, size: 12 };
      }
      // Headings wrap in their columns, on a row as tall as the longest needs.
      const header = ws.getRow(headerRow + 1);
      header.values = table.columns.map((c) => c.header);
      header.eachCell((cell) => (cell.style = HEADER_STYLE));
      const headingLines = headerLines(table.columns, layout.widths);
      if (headingLines > 1) header.height = LINE_HEIGHT * headingLines;
      // One style object for each format a column's cells take: ExcelJS writes a style it has seen once by its identity.
      const styles = table.columns.map((c) => {
        const alignment: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: wraps(c) };
        const byFormat = new Map<string, Partial<ExcelJS.Style>>();
        return (numFmt: string) => {
          let style = byFormat.get(numFmt);
          if (!style) byFormat.set(numFmt, (style = { numFmt, alignment, ...(c.input ? { fill: INPUT_FILL } : {}) }));
          return style;
        };
      });
      // The title and header go out as ExcelJS rows; the body is written after them as XML (see xlsxBody.ts).
      header.commit();
      const ids: WorkbookIds = { style: (i, numFmt) => lookups.styleId(styles[i]!(numFmt)), string: lookups.stringId };
      const rows = { sheetName: sheet.name, columns: table.columns, widths: layout.widths, rows: body, firstRow: headerRow + 2 };
      const out = sheetXml(ws);
      for (const piece of bodyXml(rows, ids, shared)) out.write(piece);
      out.rowsWrittenTo(headerRow + 1 + body.length);
      body.forEach((cells, r) =>
        cells.forEach((c, i) => {
          if (c.t !== 'formula' && c.valid) rangeValidations(ws).add(`${columnLetters(i)}${headerRow + 2 + r}`, dataValidation(c.valid, cellFormat(c, table.columns[i]!)));
        }),
      );
      // A column's rule covers its body in one range.
      table.columns.forEach((c, i) => {
        const letter = columnLetters(i);
        if (c.valid) rangeValidations(ws).add(`${letter}${headerRow + 2}:${letter}${headerRow + 1 + body.length}`, dataValidation(c.valid, c.format));
      });
    }
    for (const h of sheet.highlights ?? []) {
      const placed = layout.tables.find((t) => t.table.name === h.table)!;
      const [from, to] = placed.address.split(':') as [string, string];
      const firstBody = `${from.replace(/\d+$/, '')}${placed.headerRow + 2}`;
      ws.addConditionalFormatting({
        ref: `${firstBody}:${to}`,
        rules: [{ type: 'expression', priority: 1, formulae: [formulaText(h.when, sheet.name).slice(1)], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${HIGHLIGHT_FILL[h.colour]}` } } } }],
      });
    }
    (sheet.notes ?? []).forEach((note, i) => (ws.getRow(layout.notesRow + 1 + i).getCell(1).value = note));
    ws.commit();
  }
  for (const n of plan.names) wb.definedNames.add(`'${n.sheet.replace(/'/g, "''")}'!$${columnLetters(n.col)}$${n.row + 1}`, n.name);
  const registry = wb.addWorksheet(REGISTRY_SHEET, { state: 'veryHidden' });
  registryRows(plan).forEach((row) => registry.addRow(row).commit());
  registry.commit();
  await wb.commit();
  return wb.parts();
}

/** The workbook asks Excel to recalculate every formula when it opens (the streaming writer leaves the flag out). */
function askFullCalculation(parts: Parts): void {
  const workbook = partText(parts, 'xl/workbook.xml')!;
  if (!/<calcPr\b/.test(workbook)) throw new Error('the workbook part has no calculation properties');
  parts.set('xl/workbook.xml', workbook.replace(/<calcPr\b/, '<calcPr fullCalcOnLoad="1"'));
}

/** ExcelJS keeps range-wide rules here (its typings do not list it): one rule over a whole column body. */
function rangeValidations(ws: ExcelJS.Worksheet): { add(address: string, rule: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
}

/** Excel's data validation for a rule: refused with a message naming what the cell takes; blank is allowed. */
function dataValidation(v: Validation, fmt: CellFormat): ExcelJS.DataValidation {
  const message = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: 'Not accepted here', error: validationMessage(v, fmt) } as const;
  if (v.kind === 'list') return { type: 'list', formulae: [`"${v.choices.join(',')}"`], ...message };
  // ExcelJS turns a date rule's limits into serials itself, from dates: a serial given to it reads as milliseconds.
  if (v.kind === 'date') return { type: 'date', operator: 'between', formulae: [new Date(isoFromSerial(v.min)), new Date(isoFromSerial(v.max))], ...message };
  return { type: v.kind, operator: 'between', formulae: [v.min, v.max], ...message };
}

/**
 * ExcelJS's streaming workbook's style and shared-string tables, which its rows use (its typings
 * do not list them): a table's body is written without ExcelJS rows, in its styles and strings.
 */
function workbookTables(wb: ExcelJS.stream.xlsx.WorkbookWriter): { styleId(style: Partial<ExcelJS.Style>): number; stringId(text: string): number } {
  const own = wb as unknown as { styles: { addStyleModel(style: Partial<ExcelJS.Style>): number }; sharedStrings: { add(text: string): number } };
  return { styleId: (style) => own.styles.addStyleModel(style), stringId: (text) => own.sharedStrings.add(text) };
}

/**
 * A sheet's XML as ExcelJS's streaming writer writes it (beyond its typings): the stream each
 * committed row goes to, and the number of the next row it writes, moved past rows written here
 * (left behind, every row after them would be committed by shifting a gap of thousands).
 */
function sheetXml(ws: ExcelJS.Worksheet): { write(xml: string): void; rowsWrittenTo(row: number): void } {
  const own = ws as unknown as { stream: { write(xml: string): void }; _rowZero: number; _rows: unknown[] };
  return {
    write: (xml) => own.stream.write(xml),
    rowsWrittenTo: (row) => {
      if (own._rows.length) throw new Error('rows are waiting to be written before the body');
      own._rowZero = row + 1;
    },
  };
}

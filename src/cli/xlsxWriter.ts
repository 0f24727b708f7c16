import ExcelJS from 'exceljs';
import { formulaText } from '../workbook/formula';
import { addCharts } from './xlsxCharts';
import { packParts, unpackStored } from './xlsxPackage';
import { REGISTRY_SHEET, registryRows } from '../workbook/ownership';
import {
  cellFormat,
  cellFormatCode,
  columnLetters,
  excelSerial,
  isoFromSerial,
  HIGHLIGHT_FILL,
  planProblems,
  printSetup,
  rowLines,
  wraps,
  sheetLayout,
  validationMessage,
  type Cell,
  type CellFormat,
  type Validation,
  type WorkbookPlan,
} from '../workbook/plan';

/** Points per line of 10-point text. */
const LINE_HEIGHT = 13;

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

/**
 * Writes a workbook plan as an .xlsx file's bytes. Text cells are strings (never formulas);
 * formula cells carry the engine's value as their cached result, and the file asks Excel to
 * recalculate everything when it opens.
 */
export async function planToXlsx(plan: WorkbookPlan, meta: { creator: string; created: Date }): Promise<Buffer> {
  const problems = planProblems(plan);
  if (problems.length) throw new Error(`the workbook plan cannot be written: ${problems.join('; ')}`);
  // ExcelJS lays the parts out uncompressed (and its workbook is let go before the packing); the charts are added to them and the whole is packed once.
  const parts = unpackStored(await storedWorkbook(plan, meta));
  addCharts(parts, plan);
  return packParts(parts, meta.created);
}

/** The plan through ExcelJS, as a package whose parts are stored without compression. */
async function storedWorkbook(plan: WorkbookPlan, meta: { creator: string; created: Date }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.creator;
  wb.created = meta.created;
  wb.modified = meta.created;
  wb.calcProperties.fullCalcOnLoad = true;
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
    layout.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (const { table, titleRow, headerRow, body } of layout.tables) {
      if (titleRow !== null) {
        const title = ws.getCell(titleRow + 1, 1);
        title.value = table.title!;
        title.font = { bold: true, size: 12 };
      }
      ws.addTable({
        name: table.name,
        ref: `A${headerRow + 1}`,
        headerRow: true,
        style: { theme: 'TableStyleMedium2', showRowStripes: true },
        columns: table.columns.map((c) => ({ name: c.header, filterButton: true })),
        rows: body.map((r) => r.map((c) => cellValue(c, sheet.name))),
      });
      // Rows with wrapped text are given the height their lines need (Excel and LibreOffice keep the file's height).
      body.forEach((row, r) => {
        const lines = rowLines(row, table.columns, layout.widths);
        if (lines > 1) ws.getRow(headerRow + 2 + r).height = LINE_HEIGHT * lines;
      });
      table.columns.forEach((c, i) => {
        // A column's rule covers its body in one range; a cell's own rule, the cell.
        const letter = columnLetters(i);
        if (c.valid) rangeValidations(ws).add(`${letter}${headerRow + 2}:${letter}${headerRow + 1 + body.length}`, dataValidation(c.valid, c.format));
        // One style object for each format the column's cells take: ExcelJS writes a style it has seen once by its identity.
        const styles = new Map<string, Partial<ExcelJS.Style>>();
        const alignment: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: wraps(c) };
        const styleOf = (numFmt: string) => {
          let style = styles.get(numFmt);
          if (!style) styles.set(numFmt, (style = { numFmt, alignment, ...(c.input ? { fill: INPUT_FILL } : {}) }));
          return style;
        };
        body.forEach((row, r) => {
          const cell = ws.getCell(headerRow + 2 + r, i + 1);
          cell.style = styleOf(cellFormatCode(row[i]!, c));
          const own = row[i]!.t === 'formula' ? undefined : row[i]!.valid;
          if (own) cell.dataValidation = dataValidation(own, cellFormat(row[i]!, c));
        });
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
    (sheet.notes ?? []).forEach((note, i) => (ws.getCell(layout.notesRow + 1 + i, 1).value = note));
  }
  for (const n of plan.names) wb.definedNames.add(`'${n.sheet.replace(/'/g, "''")}'!$${columnLetters(n.col)}$${n.row + 1}`, n.name);
  const registry = wb.addWorksheet(REGISTRY_SHEET, { state: 'veryHidden' });
  registryRows(plan).forEach((row) => registry.addRow(row));
  return new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
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

function cellValue(cell: Cell, sheet: string): ExcelJS.CellValue {
  switch (cell.t) {
    case 'empty':
      return null;
    case 'date':
      return excelSerial(cell.v);
    case 'formula':
      return { formula: formulaText(cell.f, sheet).slice(1), result: cell.v ?? '' } as ExcelJS.CellFormulaValue;
    default:
      return cell.v;
  }
}

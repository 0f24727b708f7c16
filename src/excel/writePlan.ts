import { formulaText } from '../workbook/formula';
import { WorkbookWriteFailed, type WriteReport } from '../workbook/host';
import { foreignItems, ownedFromRegistry, REGISTRY_SHEET, registryRows } from '../workbook/ownership';
import { refusal } from '../workbook/renameSheets';
import {
  cellFormat,
  cellFormatCode,
  columnLetters,
  excelSerial,
  FORMAT_CODES,
  HIGHLIGHT_FILL,
  isoFromSerial,
  planProblems,
  printSetup,
  sheetLayout,
  validationMessage,
  wraps,
  type Cell,
  type CellFormat,
  type ChartPlan,
  type SheetLayout,
  type Validation,
  type WorkbookPlan,
} from '../workbook/plan';

// Excel's default column, 8.43 characters, is 48 points wide.
const POINTS_PER_CHARACTER = 5.7;
const INPUT_FILL = '#FFF2CC';

// Characters that make Excel read typed input as a formula or a number sign.
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * Applies a plan through office-js in a fixed number of round trips, whatever its size: one to
 * read what exists (sheet, table and name lists, and the registry), one more for the registry's
 * contents when there is one, and one to write everything. It refuses, before writing anything,
 * when a sheet or name it would write is not the add-in's own.
 */
export async function writePlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  supports: (apiSet: string, version: string) => boolean,
): Promise<WriteReport> {
  const problems = planProblems(plan);
  if (problems.length) throw new Error(`the workbook plan cannot be written: ${problems.join('; ')}`);

  const { worksheets, tables, names } = context.workbook;
  worksheets.load('items/name');
  tables.load('items/name');
  names.load('items/name');
  const registry = worksheets.getItemOrNullObject(REGISTRY_SHEET);
  registry.load('isNullObject');
  await context.sync();

  let registryValues: unknown[][] = [];
  // Charts of an earlier import are not cleared with the cells; they are listed here and removed below.
  let earlierCharts: Array<{ sheet: string; charts: Excel.ChartCollection }> = [];
  if (!registry.isNullObject) {
    const used = registry.getUsedRangeOrNullObject(true);
    used.load('isNullObject,values');
    const present = new Set(worksheets.items.map((w) => w.name.toLowerCase()));
    earlierCharts = plan.sheets
      .filter((s) => s.charts?.length && present.has(s.name.toLowerCase()))
      .map((s) => ({ sheet: s.name, charts: worksheets.getItem(s.name).charts.load('items/name') }));
    await context.sync();
    registryValues = used.isNullObject ? [] : used.values;
  }
  const existingSheets = worksheets.items.map((w) => w.name);
  const existingNames = names.items.map((n) => n.name);
  const existingTables = tables.items.map((t) => t.name);
  const owned = ownedFromRegistry(registryValues);
  const foreign = foreignItems(plan, { sheets: existingSheets, names: existingNames, tables: existingTables }, owned);
  if (foreign.length) throw refusal(plan, foreign, existingSheets, owned);

  if (supports('ExcelApi', '1.6')) context.application.suspendApiCalculationUntilNextSync();
  const sheetsLower = new Set(existingSheets.map((n) => n.toLowerCase()));
  const tablesLower = new Set(existingTables.map((t) => t.toLowerCase()));
  const namesLower = new Set(existingNames.map((n) => n.toLowerCase()));
  const created: string[] = [];
  const replaced: string[] = [];
  let cells = 0;

  // Our own names, tables and charts from an earlier import go first, so they can be made again.
  for (const { sheet, charts } of earlierCharts) if (owned.sheets.some((o) => o.toLowerCase() === sheet.toLowerCase())) charts.items.forEach((c) => c.delete());
  for (const n of plan.names) if (namesLower.has(n.name.toLowerCase())) names.getItem(n.name).delete();
  for (const s of plan.sheets) for (const t of s.tables) if (tablesLower.has(t.name.toLowerCase())) tables.getItem(t.name).delete();

  // Every sheet and table first, so formulas that name a table column (tblCosts[Low £]) find it.
  const sheets = plan.sheets.map((sheetPlan) => {
    const layout = sheetLayout(sheetPlan);
    let sheet: Excel.Worksheet;
    if (sheetsLower.has(sheetPlan.name.toLowerCase())) {
      sheet = worksheets.getItem(sheetPlan.name);
      sheet.getRange().clear();
      replaced.push(sheetPlan.name);
    } else {
      sheet = worksheets.add(sheetPlan.name);
      created.push(sheetPlan.name);
    }
    for (const { table, headerRow, address } of layout.tables) {
      const header = sheet.getRange(`A${headerRow + 1}:${columnLetters(table.columns.length - 1)}${headerRow + 1}`);
      header.numberFormat = [table.columns.map(() => FORMAT_CODES.text)];
      header.values = [table.columns.map((c) => cellInput({ t: 'text', v: c.header }, sheetPlan.name))];
      const added = sheet.tables.add(address, true);
      added.name = table.name;
      added.style = 'TableStyleMedium2';
    }
    return { sheetPlan, layout, sheet };
  });

  for (const { sheetPlan, layout, sheet } of sheets) {
    layout.widths.forEach((w, i) => {
      sheet.getRange(`${columnLetters(i)}:${columnLetters(i)}`).format.columnWidth = w * POINTS_PER_CHARACTER;
    });
    for (const { table, titleRow, headerRow, address, body } of layout.tables) {
      if (titleRow !== null) {
        const title = sheet.getRange(`A${titleRow + 1}`);
        title.numberFormat = [[FORMAT_CODES.text]];
        title.values = [[cellInput({ t: 'text', v: table.title! }, sheetPlan.name)]];
        title.format.font.bold = true;
      }
      const range = sheet.getRange(address);
      // Formats first, so text cells are text before anything lands in them; then one write of every
      // cell through `formulas`, where constants are typed input and formulas are formulas.
      range.numberFormat = [table.columns.map(() => FORMAT_CODES.text), ...body.map((row) => table.columns.map((c, i) => cellFormatCode(row[i]!, c)))];
      range.formulas = [table.columns.map((c) => cellInput({ t: 'text', v: c.header }, sheetPlan.name)), ...body.map((row) => row.map((c) => cellInput(c, sheetPlan.name)))];
      range.format.verticalAlignment = 'Top';
      table.columns.forEach((c, i) => {
        if (wraps(c)) sheet.getRange(`${columnLetters(i)}${headerRow + 2}:${columnLetters(i)}${headerRow + 1 + body.length}`).format.wrapText = true;
      });
      // Excel measures the wrapped text itself.
      range.format.autofitRows();
      const bodyOf = (i: number) => sheet.getRange(`${columnLetters(i)}${headerRow + 2}:${columnLetters(i)}${headerRow + 1 + body.length}`);
      table.columns.forEach((c, i) => {
        if (c.input) bodyOf(i).format.fill.color = INPUT_FILL;
        // A column's rule goes on the column in one call; a cell's own rule on the cell.
        if (c.valid) setValidation(bodyOf(i), c.valid, c.format);
      });
      body.forEach((row, r) =>
        row.forEach((c, i) => {
          const own = c.t === 'formula' ? undefined : c.valid;
          if (own) setValidation(sheet.getRange(`${columnLetters(i)}${headerRow + 2 + r}`), own, cellFormat(c, table.columns[i]!));
        }),
      );
      cells += (body.length + 1) * table.columns.length;
    }
    for (const h of sheetPlan.highlights ?? []) {
      const placed = layout.tables.find((t) => t.table.name === h.table)!;
      const [from, to] = placed.address.split(':') as [string, string];
      const format = sheet.getRange(`${from.replace(/\d+$/, '')}${placed.headerRow + 2}:${to}`).conditionalFormats.add('Custom');
      format.custom.rule.formula = formulaText(h.when, sheetPlan.name);
      format.custom.format.fill.color = `#${HIGHLIGHT_FILL[h.colour]}`;
    }
    for (const chart of sheetPlan.charts ?? []) addChart(sheet, chart, layout);
    const notes = sheetPlan.notes ?? [];
    if (notes.length) {
      const noteRange = sheet.getRange(`A${layout.notesRow + 1}:A${layout.notesRow + notes.length}`);
      noteRange.numberFormat = notes.map(() => [FORMAT_CODES.text]);
      noteRange.values = notes.map((n) => [cellInput({ t: 'text', v: n }, sheetPlan.name)]);
    }
    const print = printSetup(sheetPlan);
    if (print.headerRow !== null) sheet.freezePanes.freezeRows(print.headerRow);
    if (supports('ExcelApi', '1.9')) {
      sheet.pageLayout.orientation = print.landscape ? 'Landscape' : 'Portrait';
      sheet.pageLayout.paperSize = print.paper;
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (print.headerRow !== null) sheet.pageLayout.setPrintTitleRows(`$${print.headerRow}:$${print.headerRow}`);
    }
  }
  for (const n of plan.names) {
    names.add(n.name, worksheets.getItem(n.sheet).getRange(`${columnLetters(n.col)}${n.row + 1}`), n.description);
  }

  const registrySheet = registry.isNullObject ? worksheets.add(REGISTRY_SHEET) : worksheets.getItem(REGISTRY_SHEET);
  const rows = registryRows(plan);
  registrySheet.getRange().clear();
  const registryRange = registrySheet.getRange(`A1:B${rows.length}`);
  registryRange.numberFormat = rows.map((r) => r.map(() => FORMAT_CODES.text));
  registryRange.values = rows;
  registrySheet.visibility = 'VeryHidden';
  try {
    await context.sync();
  } catch (e) {
    await removeCreated(context, [...created, ...(registry.isNullObject ? [REGISTRY_SHEET] : [])], plan.names.filter((n) => !namesLower.has(n.name.toLowerCase())).map((n) => n.name));
    throw new WorkbookWriteFailed(
      `Excel stopped part way through the import (${e instanceof Error ? e.message : String(e)}). The sheets it was creating were removed${replaced.length ? `; ${replaced.join(', ')} may be incomplete, so import again to finish them` : ''}.`,
      { cause: e },
    );
  }
  return { created, replaced, cells };
}

/** A chart over a table's columns, placed beside the tables (ExcelApi 1.7 series calls). */
function addChart(sheet: Excel.Worksheet, chart: ChartPlan, layout: SheetLayout): void {
  const placed = layout.tables.find((t) => t.table.name === chart.table)!;
  const column = (c: number, withHeader: boolean) =>
    sheet.getRange(`${columnLetters(c)}${placed.headerRow + (withHeader ? 1 : 2)}:${columnLetters(c)}${placed.headerRow + 1 + placed.body.length}`);
  const categories = column(chart.categoryColumn, false);
  const [first, ...rest] = chart.seriesColumns;
  const added = sheet.charts.add(chart.kind === 'gantt' ? 'BarStacked' : 'ColumnClustered', column(first!, true), 'Columns');
  added.title.text = chart.title;
  added.series.getItemAt(0).setXAxisValues(categories);
  for (const c of rest) {
    const series = added.series.add(placed.table.columns[c]!.header);
    series.setValues(column(c, false));
    series.setXAxisValues(categories);
  }
  added.axes.valueAxis.numberFormat = chart.numberFormat;
  if (chart.kind === 'gantt') {
    // Months from the decision: the axis starts there and its end follows the bars.
    added.axes.valueAxis.minimum = 0;
    added.series.getItemAt(0).format.fill.clear();
    added.axes.categoryAxis.reversePlotOrder = true;
    added.legend.visible = false;
  }
  added.setPosition(`${columnLetters(chart.at.col)}${chart.at.row + 1}`, `${columnLetters(chart.at.col + chart.size.cols)}${chart.at.row + chart.size.rows + 1}`);
}

/** Excel's data validation on a range: the rule, a message naming what the cell takes, blanks allowed. */
function setValidation(range: Excel.Range, v: Validation, fmt: CellFormat): void {
  const between = { formula1: v.kind === 'list' ? '' : v.min, formula2: v.kind === 'list' ? '' : v.max, operator: 'Between' as const };
  range.dataValidation.rule =
    v.kind === 'list'
      ? { list: { inCellDropDown: true, source: v.choices.join(',') } }
      : v.kind === 'whole'
        ? { wholeNumber: between }
        : v.kind === 'date'
          ? { date: { ...between, formula1: isoFromSerial(v.min), formula2: isoFromSerial(v.max) } }
          : { decimal: between };
  range.dataValidation.ignoreBlanks = true;
  range.dataValidation.errorAlert = { message: validationMessage(v, fmt), showAlert: true, style: 'Stop', title: 'Not accepted here' };
}

/** After a failed write: takes out the sheets and names this run added, so the workbook is as it was. */
async function removeCreated(context: Excel.RequestContext, sheets: readonly string[], names: readonly string[]): Promise<void> {
  const { worksheets } = context.workbook;
  worksheets.load('items/name');
  context.workbook.names.load('items/name');
  await context.sync();
  const present = new Set(worksheets.items.map((w) => w.name));
  const presentNames = new Set(context.workbook.names.items.map((n) => n.name));
  for (const n of names) if (presentNames.has(n)) context.workbook.names.getItem(n).delete();
  for (const s of sheets) if (present.has(s)) worksheets.getItem(s).delete();
  await context.sync();
}

/**
 * What to assign for a cell through `range.formulas`. Text cells are formatted as text, and text
 * that Excel could still take for a formula or a signed number gets the quote prefix, so it is
 * stored as written; formulas are printed by the formula builder.
 */
export function cellInput(cell: Cell, sheet: string): string | number {
  switch (cell.t) {
    case 'empty':
      return '';
    case 'number':
      return cell.v;
    case 'date':
      return excelSerial(cell.v);
    case 'formula':
      return formulaText(cell.f, sheet);
    case 'text':
      return FORMULA_START.test(cell.v) ? `'${cell.v}` : cell.v;
    default: {
      const never: never = cell;
      return never;
    }
  }
}

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
  type SheetPlan,
  type TablePlan,
  type Validation,
  type WorkbookPlan,
} from '../workbook/plan';
import { jsonBytes, PAYLOAD_BUDGET } from './payload';

// Excel's default column, 8.43 characters, is 48 points wide.
const POINTS_PER_CHARACTER = 5.7;
const INPUT_FILL = '#FFF2CC';

// Characters that make Excel read typed input as a formula or a number sign.
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** What the writer counts for a call besides its data: more than office-js sends for one (its action and object path). */
const CALL_BYTES = 300;

export interface WriteOptions {
  /** Bytes one request may carry: PAYLOAD_BUDGET, under Excel on the web's 5 MB, unless a test asks for less. */
  readonly requestBudget?: number;
}

/**
 * Applies a plan through office-js in few round trips: one to read what exists (sheet, table and
 * name lists, and the registry), one more for the registry's contents when there is one, then the
 * write, in as many requests as its size needs under Excel on the web's 5 MB limit (one for a plan
 * of some hundreds of respondents): the count follows the megabytes written, not the number of
 * respondents. It refuses, before writing anything, when a sheet, table or name it would write
 * is not the add-in's own. If Excel refuses a request, the sheets and names this run created are
 * removed again and the registry, written last, still lists only what was the add-in's before.
 */
export async function writePlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  supports: (apiSet: string, version: string) => boolean,
  options: WriteOptions = {},
): Promise<WriteReport> {
  const problems = planProblems(plan);
  if (problems.length) throw new Error(`the workbook plan cannot be written: ${problems.join('; ')}`);

  const { worksheets, tables, names } = context.workbook;
  worksheets.load('items/name');
  tables.load('items/name');
  names.load('items/name');
  // Excel answers isNullObject with the sync: it needs no load.
  const registry = worksheets.getItemOrNullObject(REGISTRY_SHEET);
  await context.sync();

  let registryValues: unknown[][] = [];
  // Charts of an earlier import are not cleared with the cells; they are listed here and removed below.
  let earlierCharts: Array<{ sheet: string; charts: Excel.ChartCollection }> = [];
  if (!registry.isNullObject) {
    const used = registry.getUsedRangeOrNullObject(true);
    used.load('values');
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
  const foreign = [...foreignItems(plan, { sheets: existingSheets, names: existingNames, tables: existingTables }, owned), ...namespaceClashes(plan, existingNames, existingTables)];
  if (foreign.length) throw refusal(plan, foreign, existingSheets, owned);

  // Calculation waits for the end of each request.
  const suspendCalculation = () => context.application.suspendApiCalculationUntilNextSync();
  const requests = new Requests(context, options.requestBudget ?? PAYLOAD_BUDGET, suspendCalculation);
  suspendCalculation();
  const sheetsLower = new Set(existingSheets.map((n) => n.toLowerCase()));
  const tablesLower = new Set(existingTables.map((t) => t.toLowerCase()));
  const namesLower = new Set(existingNames.map((n) => n.toLowerCase()));
  const created: string[] = [];
  const replaced: string[] = [];
  let cells = 0;

  try {
    // Our own names, tables and charts from an earlier import go first, so they can be made again.
    for (const { sheet, charts } of earlierCharts) {
      if (!owned.sheets.some((o) => o.toLowerCase() === sheet.toLowerCase())) continue;
      for (const c of charts.items) {
        await requests.room();
        c.delete();
      }
    }
    for (const n of plan.names) {
      if (!namesLower.has(n.name.toLowerCase())) continue;
      await requests.room();
      names.getItem(n.name).delete();
    }
    for (const t of plan.sheets.flatMap((s) => s.tables)) {
      if (!tablesLower.has(t.name.toLowerCase())) continue;
      await requests.room();
      tables.getItem(t.name).delete();
    }

    // Every sheet and table first, so formulas that name a table column (tblCosts[Low £]) find it.
    const sheets: Array<{ sheetPlan: SheetPlan; layout: SheetLayout; sheet: Excel.Worksheet }> = [];
    for (const sheetPlan of plan.sheets) {
      const layout = sheetLayout(sheetPlan);
      let sheet: Excel.Worksheet;
      await requests.room(jsonBytes(sheetPlan.name), 2);
      if (sheetsLower.has(sheetPlan.name.toLowerCase())) {
        sheet = worksheets.getItem(sheetPlan.name);
        sheet.getRange().clear();
        replaced.push(sheetPlan.name);
      } else {
        sheet = worksheets.add(sheetPlan.name);
        created.push(sheetPlan.name);
      }
      for (const { table, headerRow, address } of layout.tables) {
        const headers = table.columns.map((c) => cellInput({ t: 'text', v: c.header }, sheetPlan.name));
        await requests.room(2 * jsonBytes(headers) + jsonBytes(table.name), 5);
        const header = sheet.getRange(`A${headerRow + 1}:${columnLetters(table.columns.length - 1)}${headerRow + 1}`);
        header.numberFormat = [table.columns.map(() => FORMAT_CODES.text)];
        header.values = [headers];
        const added = sheet.tables.add(address, true);
        added.name = table.name;
        added.style = 'TableStyleMedium2';
      }
      sheets.push({ sheetPlan, layout, sheet });
    }

    for (const { sheetPlan, layout, sheet } of sheets) {
      await requests.room(0, layout.widths.length);
      layout.widths.forEach((w, i) => {
        sheet.getRange(`${columnLetters(i)}:${columnLetters(i)}`).format.columnWidth = w * POINTS_PER_CHARACTER;
      });
      for (const { table, titleRow, headerRow, address, body } of layout.tables) {
        if (titleRow !== null) {
          const titleText = cellInput({ t: 'text', v: table.title! }, sheetPlan.name);
          await requests.room(jsonBytes(titleText), 3);
          const title = sheet.getRange(`A${titleRow + 1}`);
          title.numberFormat = [[FORMAT_CODES.text]];
          title.values = [[titleText]];
          title.format.font.bold = true;
        }
        await writeCells(requests, sheet, table, headerRow, body, sheetPlan.name);
        const range = sheet.getRange(address);
        await requests.room(0, 3 + table.columns.length * 2);
        range.format.verticalAlignment = 'Top';
        // Headings wrap in their columns; the autofit below gives the header row the height they need.
        sheet.getRange(`A${headerRow + 1}:${columnLetters(table.columns.length - 1)}${headerRow + 1}`).format.wrapText = true;
        table.columns.forEach((c, i) => {
          if (wraps(c)) sheet.getRange(`${columnLetters(i)}${headerRow + 2}:${columnLetters(i)}${headerRow + 1 + body.length}`).format.wrapText = true;
        });
        // Excel measures the wrapped text itself.
        range.format.autofitRows();
        const bodyOf = (i: number) => sheet.getRange(`${columnLetters(i)}${headerRow + 2}:${columnLetters(i)}${headerRow + 1 + body.length}`);
        for (const [i, c] of table.columns.entries()) {
          if (c.input) bodyOf(i).format.fill.color = INPUT_FILL;
          // A column's rule goes on the column in one call; a cell's own rule on the cell.
          if (c.valid) {
            await requests.room(validationBytes(c.valid, c.format), 3);
            setValidation(bodyOf(i), c.valid, c.format);
          }
        }
        for (const [r, row] of body.entries()) {
          for (const [i, c] of row.entries()) {
            const own = c.t === 'formula' ? undefined : c.valid;
            if (!own) continue;
            const format = cellFormat(c, table.columns[i]!);
            await requests.room(validationBytes(own, format), 3);
            setValidation(sheet.getRange(`${columnLetters(i)}${headerRow + 2 + r}`), own, format);
          }
        }
        cells += (body.length + 1) * table.columns.length;
      }
      for (const h of sheetPlan.highlights ?? []) {
        const placed = layout.tables.find((t) => t.table.name === h.table)!;
        const [from, to] = placed.address.split(':') as [string, string];
        const when = formulaText(h.when, sheetPlan.name);
        await requests.room(jsonBytes(when), 3);
        const format = sheet.getRange(`${from.replace(/\d+$/, '')}${placed.headerRow + 2}:${to}`).conditionalFormats.add('Custom');
        format.custom.rule.formula = when;
        format.custom.format.fill.color = `#${HIGHLIGHT_FILL[h.colour]}`;
      }
      for (const chart of sheetPlan.charts ?? []) {
        await requests.room(jsonBytes(chart.title), 10 + 3 * chart.seriesColumns.length);
        addChart(sheet, chart, layout);
      }
      const notes = sheetPlan.notes ?? [];
      if (notes.length) {
        const noteInputs = notes.map((n) => [cellInput({ t: 'text', v: n }, sheetPlan.name)]);
        await requests.room(jsonBytes(noteInputs) + jsonBytes(notes.map(() => [FORMAT_CODES.text])), 2);
        const noteRange = sheet.getRange(`A${layout.notesRow + 1}:A${layout.notesRow + notes.length}`);
        noteRange.numberFormat = notes.map(() => [FORMAT_CODES.text]);
        noteRange.values = noteInputs;
      }
      const print = printSetup(sheetPlan);
      await requests.room(0, 5);
      if (print.headerRow !== null) sheet.freezePanes.freezeRows(print.headerRow);
      if (supports('ExcelApi', '1.9')) {
        sheet.pageLayout.orientation = print.landscape ? 'Landscape' : 'Portrait';
        sheet.pageLayout.paperSize = print.paper;
        sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        if (print.headerRow !== null) sheet.pageLayout.setPrintTitleRows(`$${print.headerRow}:$${print.headerRow}`);
      }
    }
    for (const n of plan.names) {
      await requests.room(jsonBytes([n.name, n.sheet, n.description]), 2);
      names.add(n.name, worksheets.getItem(n.sheet).getRange(`${columnLetters(n.col)}${n.row + 1}`), n.description);
    }

    // The registry last: until the write is whole it lists only what was the add-in's before.
    const rows = registryRows(plan);
    await requests.room(2 * jsonBytes(rows), 5);
    const registrySheet = registry.isNullObject ? worksheets.add(REGISTRY_SHEET) : worksheets.getItem(REGISTRY_SHEET);
    registrySheet.getRange().clear();
    const registryRange = registrySheet.getRange(`A1:B${rows.length}`);
    registryRange.numberFormat = rows.map((r) => r.map(() => FORMAT_CODES.text));
    registryRange.values = rows;
    registrySheet.visibility = 'VeryHidden';
    await requests.send();
  } catch (e) {
    // A failure before anything was sent leaves the workbook as it was; after, what this run created comes out.
    if (!requests.hostFailed && requests.sent === 0) throw e;
    await removeCreated(context, [...created, ...(registry.isNullObject ? [REGISTRY_SHEET] : [])], plan.names.filter((n) => !namesLower.has(n.name.toLowerCase())).map((n) => n.name));
    throw new WorkbookWriteFailed(
      `Excel stopped part way through the import (${e instanceof Error ? e.message : String(e)}). The sheets it was creating were removed${replaced.length ? `; ${replaced.join(', ')} may be incomplete, so import again to finish them` : ''}.`,
      { cause: e },
    );
  }
  return { created, replaced, cells };
}

/**
 * The write's requests to Excel. Each call is counted as it is queued (its data as JSON, and
 * CALL_BYTES for the call itself); when the next would take the request past the budget, what is
 * queued is sent first. A plan that fits one request goes in one, as before batching.
 */
class Requests {
  private queued = CALL_BYTES;
  /** Requests sent so far. */
  sent = 0;
  /** Whether Excel refused a request (the workbook may hold part of the write). */
  hostFailed = false;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
    private readonly eachRequest: () => void,
  ) {}

  /** The largest piece of a table to put in one call: small enough to pack requests closely. */
  get pieceBytes(): number {
    return this.budget / 8;
  }

  /** Room for `calls` calls carrying `bytes` of data between them: sends what is queued first if they would not fit. */
  async room(bytes = 0, calls = 1): Promise<void> {
    const size = bytes + calls * CALL_BYTES;
    if (this.queued > CALL_BYTES && this.queued + size > this.budget) {
      await this.send();
      this.eachRequest();
      this.queued = CALL_BYTES;
    }
    this.queued += size;
  }

  async send(): Promise<void> {
    try {
      await this.context.sync();
    } catch (e) {
      this.hostFailed = true;
      throw e;
    }
    this.sent++;
    this.queued = 0;
  }
}

/**
 * A table's header and body through `formulas`, after their formats (so text cells are text before
 * anything lands in them), in pieces of whole rows that fit the requests. A small table is one piece.
 * One row always goes whole: a row of 32,767-character cells is far inside a request.
 */
async function writeCells(requests: Requests, sheet: Excel.Worksheet, table: TablePlan, headerRow: number, body: readonly (readonly Cell[])[], sheetName: string): Promise<void> {
  const rows = [
    { formats: table.columns.map(() => FORMAT_CODES.text), inputs: table.columns.map((c) => cellInput({ t: 'text', v: c.header }, sheetName)) },
    ...body.map((row) => ({ formats: table.columns.map((c, i) => cellFormatCode(row[i]!, c)), inputs: row.map((c) => cellInput(c, sheetName)) })),
  ].map((r) => ({ ...r, bytes: jsonBytes(r.formats) + jsonBytes(r.inputs) }));
  const last = columnLetters(table.columns.length - 1);
  for (let from = 0; from < rows.length; ) {
    let to = from + 1;
    let bytes = rows[from]!.bytes;
    while (to < rows.length && bytes + rows[to]!.bytes <= requests.pieceBytes) bytes += rows[to++]!.bytes;
    await requests.room(bytes, 2);
    const piece = sheet.getRange(`A${headerRow + 1 + from}:${last}${headerRow + to}`);
    piece.numberFormat = rows.slice(from, to).map((r) => r.formats);
    piece.formulas = rows.slice(from, to).map((r) => r.inputs);
    from = to;
  }
}

/** What a data-validation rule carries: the list or bounds and the message. */
function validationBytes(v: Validation, fmt: CellFormat): number {
  return jsonBytes(v) + jsonBytes(validationMessage(v, fmt));
}

/**
 * Excel keeps table names and defined names in one namespace: a table of the plan cannot take a
 * name the workbook already gives a defined name, nor a name of the plan a table's. Either would
 * stop the write part way, so it is refused before anything is written, as a foreign item is.
 */
function namespaceClashes(plan: WorkbookPlan, names: readonly string[], tables: readonly string[]): string[] {
  const byLower = (list: readonly string[]) => new Map(list.map((n) => [n.toLowerCase(), n]));
  const definedNames = byLower(names);
  const tableNames = byLower(tables);
  return [
    ...plan.sheets.flatMap((s) => s.tables).flatMap((t) => (definedNames.has(t.name.toLowerCase()) ? [`a defined name "${definedNames.get(t.name.toLowerCase())}"`] : [])),
    ...plan.names.flatMap((n) => (tableNames.has(n.name.toLowerCase()) ? [`a table named "${tableNames.get(n.name.toLowerCase())}"`] : [])),
  ];
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

import { foreignSheets, foreignSheetsMessage, ownedFromRegistry, REGISTRY_SHEET, registryRows } from '../workbook/ownership';
import { WorkbookRefusal, type WriteReport } from '../workbook/host';
import { cellFormatCode, columnLetters, excelSerial, FORMAT_CODES, planProblems, sheetLayout, type Cell, type WorkbookPlan } from '../workbook/plan';

// Excel's default column, 8.43 characters, is 48 points wide.
const POINTS_PER_CHARACTER = 5.7;

// Characters that make Excel read typed input as a formula or a number sign.
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * Applies a plan through office-js in a fixed number of round trips, whatever its size:
 * one to read what exists (sheet and table names, the registry), one to write everything.
 * Refuses, before writing anything, when a sheet it would write is not the add-in's own.
 */
export async function writePlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  supports: (apiSet: string, version: string) => boolean,
): Promise<WriteReport> {
  const problems = planProblems(plan);
  if (problems.length) throw new Error(`the workbook plan cannot be written: ${problems.join('; ')}`);

  const { worksheets, tables } = context.workbook;
  worksheets.load('items/name');
  tables.load('items/name');
  const registry = worksheets.getItemOrNullObject(REGISTRY_SHEET);
  registry.load('isNullObject');
  await context.sync();

  let registryValues: unknown[][] = [];
  if (!registry.isNullObject) {
    const used = registry.getUsedRangeOrNullObject(true);
    used.load('isNullObject,values');
    await context.sync();
    registryValues = used.isNullObject ? [] : used.values;
  }
  const existing = worksheets.items.map((w) => w.name);
  const foreign = foreignSheets(plan, existing, ownedFromRegistry(registryValues));
  if (foreign.length) throw new WorkbookRefusal(foreignSheetsMessage(foreign));

  if (supports('ExcelApi', '1.6')) context.application.suspendApiCalculationUntilNextSync();
  const existingLower = new Set(existing.map((n) => n.toLowerCase()));
  const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));
  const created: string[] = [];
  const replaced: string[] = [];
  let cells = 0;

  for (const sheetPlan of plan.sheets) {
    const layout = sheetLayout(sheetPlan);
    let sheet: Excel.Worksheet;
    if (existingLower.has(sheetPlan.name.toLowerCase())) {
      sheet = worksheets.getItem(sheetPlan.name);
      // Our own sheet from an earlier import: its tables go, then everything on it.
      for (const { table } of layout.tables) if (tableNames.has(table.name.toLowerCase())) tables.getItem(table.name).delete();
      sheet.getRange().clear();
      replaced.push(sheetPlan.name);
    } else {
      sheet = worksheets.add(sheetPlan.name);
      created.push(sheetPlan.name);
    }
    layout.widths.forEach((w, i) => {
      sheet.getRange(`${columnLetters(i)}:${columnLetters(i)}`).format.columnWidth = w * POINTS_PER_CHARACTER;
    });
    for (const { table, titleRow, address, body } of layout.tables) {
      if (titleRow !== null) {
        const title = sheet.getRange(`A${titleRow + 1}`);
        title.numberFormat = [[FORMAT_CODES.text]];
        title.values = [[cellInput({ t: 'text', v: table.title! })]];
        title.format.font.bold = true;
      }
      const range = sheet.getRange(address);
      // Formats first, so text cells are text before any value lands in them.
      range.numberFormat = [table.columns.map(() => FORMAT_CODES.text), ...body.map((row) => table.columns.map((c, i) => cellFormatCode(row[i]!, c)))];
      range.values = [table.columns.map((c) => c.header), ...body.map((row) => row.map(cellInput))];
      range.format.verticalAlignment = 'Top';
      cells += (body.length + 1) * table.columns.length;
      const added = sheet.tables.add(address, true);
      added.name = table.name;
      added.style = 'TableStyleMedium2';
    }
    const notes = sheetPlan.notes ?? [];
    if (notes.length) {
      const noteRange = sheet.getRange(`A${layout.notesRow + 1}:A${layout.notesRow + notes.length}`);
      noteRange.numberFormat = notes.map(() => [FORMAT_CODES.text]);
      noteRange.values = notes.map((n) => [cellInput({ t: 'text', v: n })]);
    }
    if (layout.tables.length === 1 && layout.tables[0]!.titleRow === null) sheet.freezePanes.freezeRows(1);
  }

  const registrySheet = registry.isNullObject ? worksheets.add(REGISTRY_SHEET) : worksheets.getItem(REGISTRY_SHEET);
  const rows = registryRows(plan);
  registrySheet.getRange().clear();
  const registryRange = registrySheet.getRange(`A1:B${rows.length}`);
  registryRange.numberFormat = rows.map((r) => r.map(() => FORMAT_CODES.text));
  registryRange.values = rows;
  registrySheet.visibility = 'VeryHidden';
  await context.sync();
  return { created, replaced, cells };
}

/**
 * The value to assign for a cell. Text columns are formatted as text, and text that Excel could
 * still take for a formula or a signed number gets the quote prefix, so it is stored as typed.
 */
export function cellInput(cell: Cell): string | number {
  if (cell.t === 'empty') return '';
  if (cell.t === 'number') return cell.v;
  if (cell.t === 'date') return excelSerial(cell.v);
  return FORMULA_START.test(cell.v) ? `'${cell.v}` : cell.v;
}

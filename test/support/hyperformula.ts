import { FunctionArgumentType, FunctionPlugin, HyperFormula } from 'hyperformula';

/**
 * Excel's ROUND works on the value as a cell shows it (15 significant digits), so 2.85 reached as
 * 2.8499999999999996 still rounds to 2.9; HyperFormula's multiplies first and gives 2.8. The test
 * engine takes Excel's rule, so it checks our formulas against what Excel computes.
 */
class ExcelRoundPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    ROUND: { method: 'round', parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }] },
  };
  round(...[ast, state]: Parameters<FunctionPlugin['runFunction']> extends [infer Args, infer State, ...unknown[]] ? [{ args: Args }, State] : never) {
    return this.runFunction(ast.args, state, this.metadata('ROUND'), (x: number, places: number) => {
      if (x === 0) return 0;
      const [digits, exponent] = Math.abs(x).toExponential(14).split('e') as [string, string];
      const shifted = Number(`${digits}e${Number(exponent) + places}`);
      return (x < 0 ? -1 : 1) * Number(`${Math.round(shifted)}e${-places}`);
    });
  }
}
HyperFormula.unregisterFunction('ROUND');
HyperFormula.registerFunctionPlugin(ExcelRoundPlugin, { enGB: { ROUND: 'ROUND' } });
import { formulaText } from '../../src/workbook/formula';
import { columnLetters, excelSerial, sheetLayout, type Cell, type WorkbookPlan } from '../../src/workbook/plan';

export interface FormulaCheck {
  readonly where: string;
  readonly formula: string;
  readonly expected: number | string | boolean | null;
  readonly actual: unknown;
}

/**
 * Loads a plan into HyperFormula (an independent spreadsheet engine, a test-only dependency under
 * the GPL) as a spreadsheet would hold it: text as text, dates as serial numbers, formulas as
 * formulas and names as named expressions.
 */
export function loadPlan(plan: WorkbookPlan): { hf: HyperFormula; sheetId: (name: string) => number } {
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  for (const sheet of plan.sheets) {
    const grid: (string | number | boolean | null)[][] = [];
    const layout = sheetLayout(sheet);
    for (const { table, titleRow, headerRow, body } of layout.tables) {
      if (titleRow !== null) (grid[titleRow] ??= [])[0] = textInput(table.title!);
      grid[headerRow] = table.columns.map((c) => textInput(c.header));
      body.forEach((row, r) => (grid[headerRow + 1 + r] = row.map((c) => input(c, sheet.name))));
    }
    (sheet.notes ?? []).forEach((n, i) => (grid[layout.notesRow + i] = [textInput(n)]));
    for (let i = 0; i < grid.length; i++) grid[i] ??= [];
    sheets[sheet.name] = grid;
  }
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
  for (const n of plan.names) hf.addNamedExpression(n.name, `='${n.sheet.replace(/'/g, "''")}'!$${columnLetters(n.col)}$${n.row + 1}`);
  return { hf, sheetId: (name) => hf.getSheetId(name)! };
}

/** Every formula cell of the plan, evaluated by HyperFormula, beside the engine's value. */
export function checkFormulas(plan: WorkbookPlan, loaded = loadPlan(plan)): FormulaCheck[] {
  const checks: FormulaCheck[] = [];
  for (const sheet of plan.sheets) {
    const sheetId = loaded.sheetId(sheet.name);
    for (const { table, headerRow, body } of sheetLayout(sheet).tables) {
      body.forEach((row, r) =>
        row.forEach((c, col) => {
          if (c.t !== 'formula') return;
          const actual = loaded.hf.getCellValue({ sheet: sheetId, row: headerRow + 1 + r, col });
          checks.push({ where: `${sheet.name}!${columnLetters(col)}${headerRow + 2 + r} (${table.name} "${table.columns[col]!.header}")`, formula: formulaText(c.f, sheet.name, 'a1'), expected: c.v, actual });
        }),
      );
    }
  }
  return checks;
}

/** Whether a spreadsheet value matches the engine's: numbers to 1e-9 relative, blanks as "". */
export function sameValue(actual: unknown, expected: number | string | boolean | null): boolean {
  if (typeof expected === 'boolean') return actual === expected || actual === (expected ? 'TRUE' : 'FALSE');
  if (expected === null || expected === '') return actual === '' || actual === null;
  // Relative to the figure, or a ten-millionth absolute: a difference of two large NPVs carries their rounding.
  if (typeof expected === 'number') return typeof actual === 'number' && Math.abs(actual - expected) <= Math.max(1e-7, 1e-9 * Math.abs(expected));
  return actual === expected;
}

// HyperFormula takes a leading apostrophe as "this is text", as Excel does.
function textInput(v: string): string {
  return /^[=+\-@']/.test(v) ? `'${v}` : v;
}

function input(c: Cell, sheet: string): string | number | null {
  switch (c.t) {
    case 'empty':
      return null;
    case 'number':
      return c.v;
    case 'date':
      return excelSerial(c.v);
    case 'text':
      return textInput(c.v);
    case 'formula':
      return formulaText(c.f, sheet, 'a1');
  }
}

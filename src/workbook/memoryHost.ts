import { WorkbookRefusal, type WorkbookHost } from './host';
import { foreignSheets, foreignSheetsMessage, type OwnedSheet } from './ownership';
import { planProblems, type Cell, type WorkbookPlan } from './plan';

export interface MemorySheet {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/**
 * A workbook held in memory, with the same ownership rule as Excel: used when the task pane runs
 * in a plain browser (a preview of what would be written) and in tests.
 */
export function createMemoryHost(userSheets: readonly string[] = ['Sheet1']) {
  const sheets = new Map<string, MemorySheet>(userSheets.map((name) => [name, { name, header: [], rows: [] }]));
  let owned: OwnedSheet[] = [];
  const host: WorkbookHost & { sheets(): MemorySheet[] } = {
    kind: 'preview',
    async writePlan(plan: WorkbookPlan) {
      const problems = planProblems(plan);
      if (problems.length) throw new Error(`the workbook plan cannot be written: ${problems.join('; ')}`);
      const foreign = foreignSheets(plan, [...sheets.keys()], owned);
      if (foreign.length) throw new WorkbookRefusal(foreignSheetsMessage(foreign));
      const created: string[] = [];
      const replaced: string[] = [];
      let cells = 0;
      for (const s of plan.sheets) {
        (sheets.has(s.name) ? replaced : created).push(s.name);
        sheets.set(s.name, { name: s.name, header: s.table.columns.map((c) => c.header), rows: s.table.rows });
        cells += (s.table.rows.length + 1) * s.table.columns.length;
      }
      owned = plan.sheets.map((s) => ({ sheet: s.name, table: s.table.name }));
      return { created, replaced, cells };
    },
    sheets: () => [...sheets.values()],
  };
  return host;
}

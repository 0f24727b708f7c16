import { WorkbookRefusal, type WorkbookHost } from './host';
import { foreignSheets, foreignSheetsMessage, type OwnedSheet } from './ownership';
import { planProblems, type Cell, type WorkbookPlan } from './plan';

export interface MemorySheet {
  readonly name: string;
  /** Each table's header and rows, in sheet order. */
  readonly tables: ReadonlyArray<{ readonly name: string; readonly header: readonly string[]; readonly rows: readonly (readonly Cell[])[] }>;
}

/**
 * A workbook held in memory, with the same ownership rule as Excel: used when the task pane runs
 * in a plain browser (a preview of what would be written) and in tests.
 */
export function createMemoryHost(userSheets: readonly string[] = ['Sheet1']) {
  const sheets = new Map<string, MemorySheet>(userSheets.map((name) => [name, { name, tables: [] }]));
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
        sheets.set(s.name, { name: s.name, tables: s.tables.map((t) => ({ name: t.name, header: t.columns.map((c) => c.header), rows: t.rows })) });
        cells += s.tables.reduce((n, t) => n + (t.rows.length + 1) * t.columns.length, 0);
      }
      owned = plan.sheets.flatMap((s) => s.tables.map((t) => ({ sheet: s.name, table: t.name })));
      return { created, replaced, cells };
    },
    sheets: () => [...sheets.values()],
  };
  return host;
}

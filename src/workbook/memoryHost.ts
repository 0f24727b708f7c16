import { WorkbookRefusal, type WorkbookHost } from './host';
import { foreignItems, foreignItemsMessage, type Owned } from './ownership';
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
  let owned: Owned = { sheets: [], tables: [], names: [] };
  let names: string[] = [];
  const host: WorkbookHost & { sheets(): MemorySheet[]; names(): string[] } = {
    kind: 'preview',
    async writePlan(plan: WorkbookPlan) {
      const problems = planProblems(plan);
      if (problems.length) throw new Error(`the workbook plan cannot be written: ${problems.join('; ')}`);
      const foreign = foreignItems(plan, { sheets: [...sheets.keys()], names }, owned);
      if (foreign.length) throw new WorkbookRefusal(foreignItemsMessage(foreign));
      const created: string[] = [];
      const replaced: string[] = [];
      let cells = 0;
      for (const s of plan.sheets) {
        (sheets.has(s.name) ? replaced : created).push(s.name);
        sheets.set(s.name, { name: s.name, tables: s.tables.map((t) => ({ name: t.name, header: t.columns.map((c) => c.header), rows: t.rows })) });
        cells += s.tables.reduce((n, t) => n + (Math.max(1, t.rows.length) + 1) * t.columns.length, 0);
      }
      names = plan.names.map((n) => n.name);
      owned = { sheets: plan.sheets.map((s) => s.name), tables: plan.sheets.flatMap((s) => s.tables.map((t) => t.name)), names };
      return { created, replaced, cells };
    },
    sheets: () => [...sheets.values()],
    names: () => [...names],
  };
  return host;
}

import type { WorkbookHost } from './host';
import { foreignItems, type Owned } from './ownership';
import { refusal } from './renameSheets';
import { excelSerial, planProblems, type Cell, type WorkbookPlan } from './plan';
import { headerKey, INPUT_TABLES, SNAPSHOT_TABLES, type WorkbookSnapshot } from './readBack';

export interface MemorySheet {
  readonly name: string;
  /** Each table's header and rows, in sheet order. */
  readonly tables: ReadonlyArray<{ readonly name: string; readonly header: readonly string[]; readonly rows: readonly (readonly Cell[])[] }>;
}

/**
 * A workbook held in memory, with the same ownership rule as Excel: used when the task pane runs
 * in a plain browser (a preview of what would be written) and in tests.
 */
export function createMemoryHost(userSheets: readonly string[] = ['Sheet1'], selection: unknown[][] = []) {
  const sheets = new Map<string, MemorySheet>(userSheets.map((name) => [name, { name, tables: [] }]));
  let owned: Owned = { sheets: [], tables: [], names: [] };
  let names: string[] = [];
  let selected: string | null = null;
  const watchers = new Set<() => void>();
  // Excel reports a change after the edit, never inside it.
  const changed = () => watchers.forEach((w) => queueMicrotask(w));
  const host: WorkbookHost & {
    sheets(): MemorySheet[];
    names(): string[];
    selection(): string | null;
    edit(table: string, row: number, col: number, value: Cell): void;
  } = {
    kind: 'preview',
    async readSnapshot(wanted: readonly string[] = SNAPSHOT_TABLES): Promise<WorkbookSnapshot | null> {
      const tables: Record<string, unknown[][]> = {};
      const sheetOf: Record<string, string> = {};
      for (const sheet of sheets.values()) {
        for (const t of sheet.tables) {
          if (!wanted.includes(t.name)) continue;
          tables[t.name] = t.rows.map((r) => r.map(cellValue));
          tables[headerKey(t.name)] = [[...t.header]];
          sheetOf[t.name] = sheet.name;
        }
      }
      return Object.keys(tables).length ? { tables, sheets: sheetOf } : null;
    },
    async writePlan(plan: WorkbookPlan) {
      const problems = planProblems(plan);
      if (problems.length) throw new Error(`the workbook plan cannot be written: ${problems.join('; ')}`);
      const tableNames = [...sheets.values()].flatMap((s) => s.tables.map((t) => t.name));
      const foreign = foreignItems(plan, { sheets: [...sheets.keys()], names, tables: tableNames }, owned);
      if (foreign.length) throw refusal(plan, foreign, [...sheets.keys()], owned);
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
    async writeInputs(changes) {
      for (const change of changes) {
        const cell: Cell = typeof change.value === 'number' ? { t: 'number', v: change.value } : { t: 'text', v: change.value };
        if (change.kind === 'table') host.edit(change.table, change.row, change.col, cell);
        else {
          // A named assumption is the Value cell of its row in the assumptions table.
          const table = [...sheets.values()].flatMap((s) => s.tables).find((t) => t.name === 'tblAssumptions');
          const row = table?.rows.findIndex((r) => r[0]?.t === 'text' && r[0].v === change.name) ?? -1;
          if (row < 0) throw new Error(`no named assumption ${change.name}`);
          host.edit('tblAssumptions', row, 2, cell);
        }
      }
    },
    async watchInputs(onChange) {
      watchers.add(onChange);
      return async () => {
        watchers.delete(onChange);
      };
    },
    readSelection: async () => selection,
    async select(sheet, address) {
      if (!sheets.has(sheet)) throw new Error(`no sheet ${sheet}`);
      selected = `${sheet}!${address}`;
    },
    selection: () => selected,
    sheets: () => [...sheets.values()],
    /** A person typing into a cell of one of the add-in's tables (tests use it to stand for a modeller's edit). */
    edit(table, row, col, value) {
      for (const sheet of sheets.values()) {
        const t = sheet.tables.find((x) => x.name === table);
        if (!t) continue;
        const rows = t.rows.map((r, i) => (i === row ? r.map((c, j) => (j === col ? value : c)) : r));
        sheets.set(sheet.name, { ...sheet, tables: sheet.tables.map((x) => (x === t ? { ...t, rows } : x)) });
        if ((INPUT_TABLES as readonly string[]).includes(table)) changed();
        return;
      }
      throw new Error(`no table ${table}`);
    },
    names: () => [...names],
  };
  return host;
}

/** A cell's value as a spreadsheet reports it: formulas by their (engine) value, dates as serial numbers. */
function cellValue(c: Cell): unknown {
  switch (c.t) {
    case 'empty':
      return '';
    case 'date':
      return excelSerial(c.v);
    case 'formula':
      return c.v ?? '';
    default:
      return c.v;
  }
}

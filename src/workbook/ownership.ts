import type { WorkbookPlan } from './plan';

/**
 * The add-in writes only to what it created. It records its sheets, tables and names on a very
 * hidden registry sheet, which both writers keep, so a workbook written by the CLI is recognised
 * by the add-in too.
 */
export const REGISTRY_SHEET = 'SECMOD_registry';
export const REGISTRY_NOTE = 'Sheets, tables and names written by the SEC modification cost model. The add-in writes only to these.';

export interface Owned {
  readonly sheets: readonly string[];
  readonly tables: readonly string[];
  readonly names: readonly string[];
}

/** The registry as rows: a note, then one [kind, name] row per sheet, table and defined name. */
export function registryRows(plan: WorkbookPlan): string[][] {
  return [
    [REGISTRY_NOTE, ''],
    ...plan.sheets.map((s) => ['sheet', s.name]),
    ...plan.sheets.flatMap((s) => s.tables.map((t) => ['table', t.name])),
    ...plan.names.map((n) => ['name', n.name]),
  ];
}

/** Reads registry rows back; anything else on the sheet is ignored. */
export function ownedFromRegistry(rows: readonly (readonly unknown[])[]): Owned {
  const of = (kind: string) => rows.filter((r) => r[0] === kind && typeof r[1] === 'string' && r[1] !== '').map((r) => r[1] as string);
  return { sheets: of('sheet'), tables: of('table'), names: of('name') };
}

/**
 * Sheets and names the plan would write over that the add-in did not create. Excel compares
 * names without regard to case, and so does this.
 */
/** Sheets (by the plan's names) that the workbook has and the add-in did not create. */
export function clashingSheets(plan: WorkbookPlan, existing: readonly string[], owned: Owned): string[] {
  const ours = new Set(owned.sheets.map((n) => n.toLowerCase()));
  const here = new Set(existing.map((n) => n.toLowerCase()));
  return plan.sheets.map((s) => s.name).filter((n) => here.has(n.toLowerCase()) && !ours.has(n.toLowerCase()));
}

export function foreignItems(
  plan: WorkbookPlan,
  existing: { sheets: readonly string[]; names: readonly string[]; tables: readonly string[] },
  owned: Owned,
): string[] {
  const clash = (wanted: readonly string[], present: readonly string[], mine: readonly string[], label: string) => {
    const ours = new Set(mine.map((n) => n.toLowerCase()));
    const here = new Map(present.map((n) => [n.toLowerCase(), n]));
    return wanted.flatMap((w) => {
      const found = here.get(w.toLowerCase());
      return found !== undefined && !ours.has(found.toLowerCase()) ? [`${label} "${found}"`] : [];
    });
  };
  return [
    ...clash(plan.sheets.map((s) => s.name), existing.sheets, owned.sheets, 'a sheet named'),
    ...clash(plan.names.map((n) => n.name), existing.names, owned.names, 'a defined name'),
    ...clash(plan.sheets.flatMap((s) => s.tables.map((t) => t.name)), existing.tables, owned.tables, 'a table named'),
  ];
}

/** The message a modeller sees when the add-in would have to write over their work. */
export function foreignItemsMessage(items: readonly string[]): string {
  return `This workbook already has ${items.join(', ')} that the add-in did not create, so nothing was written. Rename ${items.length === 1 ? 'it' : 'them'} (or import into a new workbook) and import again.`;
}

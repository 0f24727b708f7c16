import type { WorkbookPlan } from './plan';

/**
 * The add-in writes only to sheets it created. It records them on a very hidden registry sheet,
 * which both writers keep, so a workbook written by the CLI is recognised by the add-in too.
 */
export const REGISTRY_SHEET = 'SECMOD_registry';
export const REGISTRY_NOTE = 'Sheets and tables written by the SEC modification cost model. The add-in writes only to these.';

export interface OwnedSheet {
  readonly sheet: string;
  readonly table: string;
}

/** The registry as rows: a note, then one row per owned sheet. */
export function registryRows(plan: WorkbookPlan): string[][] {
  return [[REGISTRY_NOTE, ''], ...plan.sheets.flatMap((s) => s.tables.map((t) => [s.name, t.name]))];
}

/** Reads registry rows back; anything that is not a sheet/table pair is ignored. */
export function ownedFromRegistry(rows: readonly (readonly unknown[])[]): OwnedSheet[] {
  return rows
    .slice(1)
    .filter((r) => typeof r[0] === 'string' && r[0] !== '' && typeof r[1] === 'string')
    .map((r) => ({ sheet: r[0] as string, table: r[1] as string }));
}

/**
 * Sheets the plan would write over that the add-in did not create. Excel compares sheet names
 * without regard to case, and so does this.
 */
export function foreignSheets(plan: WorkbookPlan, existing: readonly string[], owned: readonly OwnedSheet[]): string[] {
  const ownedNames = new Set(owned.map((o) => o.sheet.toLowerCase()));
  const existingNames = new Map(existing.map((n) => [n.toLowerCase(), n]));
  return plan.sheets
    .map((s) => existingNames.get(s.name.toLowerCase()))
    .filter((n): n is string => n !== undefined && !ownedNames.has(n.toLowerCase()));
}

/** The message a modeller sees when the add-in would have to write over their sheets. */
export function foreignSheetsMessage(names: readonly string[]): string {
  const list = names.map((n) => `"${n}"`).join(', ');
  return `This workbook already has ${names.length === 1 ? 'a sheet' : 'sheets'} named ${list} that the add-in did not create, so nothing was written. Rename ${names.length === 1 ? 'it' : 'them'} (or import into a new workbook) and import again.`;
}

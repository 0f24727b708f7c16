import type { Expr } from './formula';
import { WorkbookRefusal } from './host';
import { clashingSheets, foreignItemsMessage, type Owned } from './ownership';
import { formula, type Cell, type WorkbookPlan } from './plan';

/**
 * The same plan with some sheets under other names: every formula, defined name and chart refers
 * to the new names. Used when a workbook already has a sheet the plan would write, so the import
 * can go beside the user's sheet instead of over it.
 */
export function renameSheets(plan: WorkbookPlan, renames: Readonly<Record<string, string>>): WorkbookPlan {
  const to = (sheet: string) => renames[sheet] ?? sheet;
  const expr = (e: Expr): Expr => {
    switch (e.k) {
      case 'cell':
      case 'area':
        return { ...e, sheet: to(e.sheet) };
      case 'call':
        return { ...e, args: e.args.map(expr) };
      case 'op':
        return { ...e, a: expr(e.a), b: expr(e.b) };
      case 'neg':
        return { ...e, a: expr(e.a) };
      default:
        return e;
    }
  };
  // A renamed formula is held as it is, not built from its column again, so it no longer claims the column's fill.
  const cell = (c: Cell): Cell => (c.t === 'formula' ? formula(expr(c.f), c.v, c.fmt) : c);
  return {
    sheets: plan.sheets.map((s) => ({
      ...s,
      name: to(s.name),
      tables: s.tables.map((t) => ({ ...t, rows: t.rows.map((r) => r.map(cell)) })),
      ...(s.highlights ? { highlights: s.highlights.map((h) => ({ ...h, when: expr(h.when) })) } : {}),
    })),
    names: plan.names.map((n) => ({ ...n, sheet: to(n.sheet) })),
  };
}

/** A free name for each clashing sheet: "Costs (model)", then "Costs (model 2)" and so on, within Excel's 31 characters. */
export function freeSheetNames(clashing: readonly string[], taken: readonly string[]): Record<string, string> {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const renames: Record<string, string> = {};
  for (const name of clashing) {
    for (let i = 1; ; i++) {
      const suffix = i === 1 ? ' (model)' : ` (model ${i})`;
      const candidate = `${name.slice(0, 31 - suffix.length)}${suffix}`;
      if (!used.has(candidate.toLowerCase())) {
        renames[name] = candidate;
        used.add(candidate.toLowerCase());
        break;
      }
    }
  }
  return renames;
}

/**
 * The refusal to write over what is not the add-in's own. When sheets are all that clash, it offers
 * free names to import under; the add-in's own sheets (an earlier import under such names) count as free.
 */
export function refusal(plan: WorkbookPlan, foreign: readonly string[], existingSheets: readonly string[], owned: Owned): WorkbookRefusal {
  const sheets = clashingSheets(plan, existingSheets, owned);
  const ours = new Set(owned.sheets.map((o) => o.toLowerCase()));
  const taken = existingSheets.filter((n) => !ours.has(n.toLowerCase()));
  const renames = sheets.length === foreign.length ? freeSheetNames(sheets, [...taken, ...plan.sheets.map((s) => s.name)]) : null;
  const ourOwn = renames !== null && Object.values(renames).every((n) => ours.has(n.toLowerCase()));
  return new WorkbookRefusal(foreignItemsMessage(foreign), renames, ourOwn);
}

import { headerKey, SNAPSHOT_TABLES, type WorkbookSnapshot } from '../workbook/readBack';

/**
 * Reads tables of a workbook the add-in wrote (by default its inputs and those describing its
 * document), in two round trips whatever their size: one for the table list, one for the values.
 * Null when none of them is there.
 */
export async function readSnapshot(context: Excel.RequestContext, names: readonly string[] = SNAPSHOT_TABLES): Promise<WorkbookSnapshot | null> {
  const tables = context.workbook.tables;
  tables.load('items/name');
  await context.sync();
  const present = new Map(tables.items.map((t) => [t.name, t]));
  const wanted = names.flatMap((name) => {
    const table = present.get(name);
    return table ? [{ name, body: table.getDataBodyRange().load('values'), header: table.getHeaderRowRange().load('values'), sheet: table.worksheet.load('name') }] : [];
  });
  if (wanted.length === 0) return null;
  await context.sync();
  const snapshot: Record<string, unknown[][]> = {};
  const sheets: Record<string, string> = {};
  for (const w of wanted) {
    snapshot[w.name] = w.body.values;
    snapshot[headerKey(w.name)] = w.header.values;
    sheets[w.name] = w.sheet.name;
  }
  return { tables: snapshot, sheets };
}

import { headerKey, SNAPSHOT_TABLES, type WorkbookSnapshot } from '../workbook/readBack';
import { jsonBytes, PAYLOAD_BUDGET } from './payload';

/** What a table's first piece is reckoned from before it is read: bytes per cell, a long answer's worth. */
const CELL_BYTES = 200;

interface Read {
  readonly name: string;
  readonly body: unknown[][];
  readonly header: unknown[][];
  readonly sheet: string;
}

/**
 * Reads tables of a workbook the add-in wrote (by default its inputs and those describing its
 * document): one round trip for the table list, one for the values. Null when none of them is
 * there. Tables too large for one response (Excel on the web refuses more than 5 MB, as for a
 * workbook of several thousand respondents) are read again in pieces of rows: one more round trip
 * for their sizes, then one per response's worth of rows.
 */
export async function readSnapshot(context: Excel.RequestContext, names: readonly string[] = SNAPSHOT_TABLES): Promise<WorkbookSnapshot | null> {
  const tables = context.workbook.tables;
  tables.load('items/name');
  await context.sync();
  const present = new Map(tables.items.map((t) => [t.name, t]));
  const found = names.flatMap((name) => {
    const table = present.get(name);
    return table ? [{ name, table }] : [];
  });
  if (found.length === 0) return null;
  let read: Read[];
  try {
    const wanted = found.map(({ name, table }) => ({ name, body: table.getDataBodyRange().load('values'), header: table.getHeaderRowRange().load('values'), sheet: table.worksheet.load('name') }));
    await context.sync();
    read = wanted.map((w) => ({ name: w.name, body: w.body.values, header: w.header.values, sheet: w.sheet.name }));
  } catch (e) {
    if ((e as { code?: unknown }).code !== 'ResponsePayloadSizeLimitExceeded') throw e;
    read = await readInPieces(context, found);
  }
  const snapshot: Record<string, unknown[][]> = {};
  const sheets: Record<string, string> = {};
  for (const r of read) {
    snapshot[r.name] = r.body;
    snapshot[headerKey(r.name)] = r.header;
    sheets[r.name] = r.sheet;
  }
  return { tables: snapshot, sheets };
}

/**
 * The tables' bodies in pieces of whole rows, as many to a round trip as fit the budget. A table's
 * first piece is sized as if every cell held a long answer; later ones from the bytes its rows
 * actually took. If Excel still finds a response too large, the round trip is asked again at half
 * the size.
 */
async function readInPieces(context: Excel.RequestContext, found: ReadonlyArray<{ name: string; table: Excel.Table }>): Promise<Read[]> {
  const shapes = found.map(({ name, table }) => ({
    name,
    body: table.getDataBodyRange().load('address,rowCount,columnCount'),
    header: table.getHeaderRowRange().load('values'),
    sheet: table.worksheet.load('name'),
  }));
  await context.sync();
  const rows: unknown[][][] = shapes.map(() => []);
  const done = shapes.map(() => 0);
  const rowBytes = shapes.map((s) => s.body.columnCount * CELL_BYTES);
  let budget = PAYLOAD_BUDGET;
  while (shapes.some((s, t) => done[t]! < s.body.rowCount)) {
    const batch: Array<{ table: number; from: number; to: number; range: Excel.Range }> = [];
    let size = 0;
    for (const [t, s] of shapes.entries()) {
      const left = s.body.rowCount - done[t]!;
      if (left === 0) continue;
      const fits = Math.floor((budget - size) / rowBytes[t]!);
      if (fits < 1 && batch.length) break;
      const count = Math.min(left, Math.max(1, fits));
      const { sheet, first, last, row } = corners(s.body.address);
      const from = done[t]!;
      const range = context.workbook.worksheets.getItem(sheet).getRange(`${first}${row + from}:${last}${row + from + count - 1}`).load('values');
      batch.push({ table: t, from, to: from + count, range });
      size += count * rowBytes[t]!;
    }
    try {
      // One round trip per response's worth of rows: the data's size sets the count, never the number of tables.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      const single = batch.length === 1 && batch[0]!.to - batch[0]!.from === 1;
      if ((e as { code?: unknown }).code !== 'ResponsePayloadSizeLimitExceeded' || single) throw e;
      budget /= 2;
      continue;
    }
    for (const p of batch) {
      const values = p.range.values;
      values.forEach((r, j) => (rows[p.table]![p.from + j] = r));
      done[p.table] = p.to;
      rowBytes[p.table] = Math.max(16, Math.ceil((1.25 * jsonBytes(values)) / values.length));
    }
  }
  return shapes.map((s, i) => ({ name: s.name, body: rows[i]!, header: s.header.values, sheet: s.sheet.name }));
}

/** A range address's sheet, first and last column and first row: "'Lead times'!A2:O6" → Lead times, A, O, 2. */
function corners(address: string): { sheet: string; first: string; last: string; row: number } {
  const bang = address.lastIndexOf('!');
  const quoted = address.slice(0, bang);
  const sheet = quoted.startsWith("'") ? quoted.slice(1, -1).replace(/''/g, "'") : quoted;
  const [, first, row, last] = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?\d+)?$/.exec(address.slice(bang + 1))!;
  return { sheet, first: first!, last: last ?? first!, row: Number(row) };
}

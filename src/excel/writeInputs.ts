import type { InputChange } from '../workbook/inputCells';

/** Sets input cells by name or by table position, in one round trip. */
export async function writeInputs(context: Excel.RequestContext, changes: readonly InputChange[]): Promise<void> {
  for (const change of changes) {
    const range =
      change.kind === 'name'
        ? context.workbook.names.getItem(change.name).getRange()
        : context.workbook.tables.getItem(change.table).getDataBodyRange().getCell(change.row, change.col);
    range.values = [[change.value]];
  }
  await context.sync();
}

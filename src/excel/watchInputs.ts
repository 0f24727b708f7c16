import { INPUT_TABLES } from '../workbook/readBack';

/** Registers `onChange` on each of the model's input tables present, in two round trips. */
export async function watchInputs(context: Excel.RequestContext, onChange: () => void): Promise<OfficeExtension.EventHandlerResult<Excel.TableChangedEventArgs>[]> {
  const tables = context.workbook.tables;
  tables.load('items/name');
  await context.sync();
  const handlers = tables.items
    .filter((t) => (INPUT_TABLES as readonly string[]).includes(t.name))
    .map((t) =>
      t.onChanged.add(async () => {
        onChange();
      }),
    );
  await context.sync();
  return handlers;
}

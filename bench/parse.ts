/**
 * The parse of a 10,000-respondent collation against splitting the same text into lines, in a
 * process of its own (run by bench/run.ts): the heap the other benchmarks leave behind would
 * otherwise weigh on the parse and not on the split. Prints the medians as JSON.
 */
import { importText } from '../src/import/importText';
import { syntheticAnnex } from '../test/support/synthetic';
import { median } from './timing';

const text = syntheticAnnex(10_000);

// Two unmeasured calls each: the split is native code from its first call; the parse is timed once compiled too.
const split = median(9, () => text.split('\n'), 2);
const parse = median(7, () => importText(text, 'synthetic'), 2);
// What any reader of the layout must do at least: lines, their cells, an id and a record for each row, kept by id.
const least = median(
  7,
  () => {
    const byId = new Map<string, { id: string; line: string }>();
    for (const line of text.split('\n')) {
      const cells = line.split('\t');
      const id = cells[0]!.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      if (!byId.has(id)) byId.set(id, { id, line });
    }
  },
  2,
);
process.stdout.write(JSON.stringify({ split, parse, least }));

/**
 * The parse of a 10,000-respondent collation against splitting the same text into lines, in a
 * process of its own (run by bench/run.ts): the heap the other benchmarks leave behind would
 * otherwise weigh on the parse and not on the split. The three are timed in turns, so a slow moment
 * of the machine falls on all of them, and each round gives its own ratio. Prints the medians as JSON.
 */
import { performance } from 'node:perf_hooks';
import { importText } from '../src/import/importText';
import { syntheticAnnex } from '../test/support/synthetic';
import { middle } from './timing';

const text = syntheticAnnex(10_000);

const split = () => text.split('\n');
const parse = () => importText(text, 'synthetic');
// What any reader of the layout must do at least: lines, their cells, an id and a record for each row, kept by id.
const least = () => {
  const byId = new Map<string, { id: string; line: string }>();
  for (const line of text.split('\n')) {
    const cells = line.split('\t');
    const id = cells[0]!.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    if (!byId.has(id)) byId.set(id, { id, line });
  }
};

/** One call's wall time. */
function timed(f: () => void): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

// Two unmeasured calls each: the split is native code from its first call; the parse is timed once compiled too.
for (const f of [split, parse, least]) for (let i = 0; i < 2; i++) f();
const rounds = Array.from({ length: 9 }, () => {
  // The split takes a few milliseconds: its time in a round is the middle of five.
  const s = middle(Array.from({ length: 5 }, () => timed(split)));
  const [p, l] = [timed(parse), timed(least)];
  return { split: s, parse: p, least: l, ratio: p / s, leastRatio: l / s };
});
const of = (k: keyof (typeof rounds)[number]) => middle(rounds.map((r) => r[k]));
process.stdout.write(JSON.stringify({ split: of('split'), parse: of('parse'), least: of('least'), ratio: of('ratio'), leastRatio: of('leastRatio') }));

import { performance } from 'node:perf_hooks';

/** Median wall time of `runs` calls, in milliseconds, after `unmeasured` calls that are not timed. */
export function median(runs: number, f: () => void, unmeasured = 0): number {
  for (let i = 0; i < unmeasured; i++) f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return middle(times);
}

/** The middle of some figures (the upper of the two middle ones when there is an even number). */
export function middle(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

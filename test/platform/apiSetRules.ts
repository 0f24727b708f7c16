/** What the host code may use, given the minimum requirement sets the manifest declares. */
import type { ApiSetScan, ApiUse } from './apiSetScan';

/** Compares 1.9 and 1.10 as versions, not as decimals. */
export function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}

const guarded = (use: ApiUse) => use.guards.some((g) => g.name === use.name && compareVersions(g.version, use.version) >= 0);

/** The set a use needs, when the manifest's minimums do not already promise it. */
function beyond(use: ApiUse, minimums: ReadonlyMap<string, string>): string | undefined {
  const minimum = minimums.get(use.name);
  if (minimum !== undefined) return compareVersions(use.version, minimum) > 0 ? `above the manifest's ${use.name} ${minimum}` : undefined;
  // ExcelApiDesktop, WordApiDesktop and the like: present only in some builds of a host the add-in runs in.
  return [...minimums.keys()].some((declared) => use.name.startsWith(declared)) ? 'a set the manifest does not declare' : undefined;
}

/**
 * Each use beyond the declared minimums outside a support check for it, and each support check the
 * minimums already answer (always true, so dead code).
 */
export function apiSetProblems(scan: ApiSetScan, minimums: ReadonlyMap<string, string>): string[] {
  const uses = scan.uses.flatMap((use) => {
    const reason = guarded(use) ? undefined : beyond(use, minimums);
    return reason ? [`${use.file}:${use.line} ${use.member} needs ${use.name} ${use.version}, ${reason}, outside an isSetSupported('${use.name}', '${use.version}') check`] : [];
  });
  const dead = scan.checks.flatMap((check) => {
    const minimum = minimums.get(check.name);
    return minimum !== undefined && compareVersions(check.version, minimum) <= 0
      ? [`${check.file}:${check.line} checks ${check.name} ${check.version}, which the manifest's minimum ${check.name} ${minimum} already promises`]
      : [];
  });
  return [...uses, ...dead];
}

/** The highest version of `set` the code uses without a support check: the least the manifest can declare. */
export function highestUnguarded(scan: ApiSetScan, set: string): string | undefined {
  return scan.uses
    .filter((use) => use.name === set && !guarded(use))
    .map((use) => use.version)
    .sort(compareVersions)
    .at(-1);
}

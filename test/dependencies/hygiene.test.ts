import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean; devOptional?: boolean; license?: string; hasInstallScript?: boolean; resolved?: string }>;
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Every package the add-in, the custom functions or the CLI can ship: the lock file's non-dev entries. */
const production = Object.entries(lock.packages).filter(([path, p]) => path !== '' && !p.dev && !p.devOptional);

// Reviewed by hand: packages that state no licence in their metadata.
const REVIEWED: Record<string, string> = {
  buffers: 'no licence field; used by ExcelJS’s zip reader in the CLI only, never bundled into the add-in',
};

function licenceOf(path: string): string | undefined {
  const meta = JSON.parse(readFileSync(join(root, path, 'package.json'), 'utf8')) as { license?: string | { type: string }; licenses?: Array<{ type: string }> };
  if (typeof meta.license === 'string') return meta.license;
  if (meta.license) return meta.license.type;
  return meta.licenses?.map((l) => l.type).join(' OR ');
}

/** A licence expression the add-in can ship under: at least one alternative free of GPL and AGPL terms. */
function shippable(expression: string): boolean {
  return expression
    .replace(/[()]/g, '')
    .split(/\s+OR\s+/i)
    .some((alternative) => !/\bA?GPL\b|GPL-\d/i.test(alternative.replace(/\bLGPL[^\s)]*/gi, '')));
}

describe('dependency hygiene', () => {
  test('every dependency is pinned to an exact version, and the lock file records them', () => {
    for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect([name, range]).toEqual([name, expect.stringMatching(/^\d+\.\d+\.\d+$/)]);
      expect(lock.packages[`node_modules/${name}`]?.version).toBe(range);
    }
  });

  test('no production dependency is under a licence the add-in cannot ship (GPL, AGPL)', () => {
    const refused = production.flatMap(([path]) => {
      const name = path.replace(/^.*node_modules\//, '');
      const licence = licenceOf(path);
      if (!licence) return REVIEWED[name] ? [] : [`${name}: no licence stated`];
      return shippable(licence) ? [] : [`${name}: ${licence}`];
    });
    expect(refused).toEqual([]);
    expect(production.length).toBeGreaterThan(50);
  });

  test('no production dependency runs an install script', () => {
    expect(production.filter(([, p]) => p.hasInstallScript).map(([path]) => path)).toEqual([]);
  });

  test('the licence rule refuses what it should', () => {
    expect(['MIT', '(MIT OR GPL-3.0-or-later)', 'LGPL-3.0', 'Apache-2.0'].map(shippable)).toEqual([true, true, true, true]);
    expect(['GPL-3.0', 'AGPL-3.0-only', 'GPL-2.0 AND MIT'].map(shippable)).toEqual([false, false, false]);
  });
});

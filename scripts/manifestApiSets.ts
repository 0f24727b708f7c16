/**
 * The requirement sets manifest.xml declares. A Set under Requirements gates every host, so one
 * host's API set there would keep the add-in out of the other (ExcelApi out of Word). Each host's
 * own minimum is therefore the comment that opens its VersionOverrides Host:
 * `<!-- Requires ExcelApi 1.8 ... -->`, which test/platform/apiSets.test.ts holds the code to.
 */
import { XMLParser } from 'fast-xml-parser';

/** The hosts the add-in runs in, each with the API set family that is its own. */
const HOST_API_SETS = { Workbook: 'ExcelApi', Document: 'WordApi' } as const;
type HostType = keyof typeof HOST_API_SETS;

export interface DeclaredSet {
  readonly name: string;
  readonly version: string;
}

/** The Sets under Requirements, which every host must have. */
export function sharedApiSets(xml: string): DeclaredSet[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'Set' });
  const sets = (parser.parse(xml) as { OfficeApp?: { Requirements?: { Sets?: Record<string, unknown> } } }).OfficeApp?.Requirements?.Sets;
  const fallback = String(sets?.['@DefaultMinVersion'] ?? '1.1');
  return ((sets?.Set as Array<Record<string, string>> | undefined) ?? []).map((s) => ({ name: s['@Name']!, version: s['@MinVersion'] ?? fallback }));
}

/** A host's own minimum, from the comment that opens its VersionOverrides Host. */
export function hostApiSet(xml: string, host: HostType): DeclaredSet | undefined {
  const found = new RegExp(`<Host xsi:type="${host}">\\s*<!--\\s*Requires (\\w+) (\\d+\\.\\d+)`).exec(xml);
  return found ? { name: found[1]!, version: found[2]! } : undefined;
}

/** Every minimum the manifest declares, set name → version. */
export function declaredApiSets(xml: string): Map<string, string> {
  const hosts = (Object.keys(HOST_API_SETS) as HostType[]).flatMap((h) => hostApiSet(xml, h) ?? []);
  return new Map([...sharedApiSets(xml), ...hosts].map((s) => [s.name, s.version]));
}

export function requirementProblems(xml: string): string[] {
  const problems: string[] = [];
  const shared = sharedApiSets(xml);
  if (!shared.some((s) => s.name === 'SharedRuntime')) problems.push('Requirements must include the SharedRuntime set');
  for (const [host, family] of Object.entries(HOST_API_SETS) as Array<[HostType, string]>) {
    for (const s of shared.filter((s) => s.name.startsWith(family))) {
      problems.push(`Requirements names ${s.name}, which gates every host and so keeps the add-in out of the others: declare it on the ${host} host`);
    }
    const own = hostApiSet(xml, host);
    if (own?.name !== family) problems.push(`the ${host} host must open with a comment declaring its ${family} minimum (<!-- Requires ${family} 1.x ... -->)`);
  }
  return problems;
}

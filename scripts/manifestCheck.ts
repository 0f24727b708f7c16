/**
 * An offline check of manifest.xml (the Office validation service is online-only). It asserts the
 * structure this add-in needs rather than the whole schema: element order, hosts, each host's
 * requirement sets, the least permission, HTTPS everywhere, resource ids defined and used, icons
 * present at their sizes, and the custom-functions and page URLs matching what the build writes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { requirementProblems } from './manifestApiSets';

export interface ManifestContext {
  /** Folder holding the icon files the manifest names (assets/). */
  readonly assetsDir: string;
  /** Folder of the production build; when given, every URL's file must be in it. */
  readonly distDir?: string;
}

// The order the OfficeApp schema requires for the elements this add-in uses.
const TOP_LEVEL_ORDER = [
  'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
  'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions',
  'VersionOverrides',
];
const DEV_ORIGIN = 'https://localhost:3000/';

type Node = Record<string, unknown>;

/** Word's pane is a page of its own, opened from a ribbon button, with no custom functions. */
function wordHostProblems(host: Node | undefined, defined: ReadonlyMap<string, string>): string[] {
  if (!host) return ['VersionOverrides has no Document (Word) host'];
  const problems: string[] = [];
  if (host.AllFormFactors) problems.push('the Word host must not declare custom functions');
  const surface = (host.DesktopFormFactor as Node | undefined)?.ExtensionPoint as Node | undefined;
  const controls = (((surface?.OfficeTab as Node | undefined)?.Group as Node[] | undefined) ?? []).flatMap((g) => (g.Control as Node[] | undefined) ?? []);
  const pages = controls.map((c) => (c.Action as Node | undefined)).filter((a) => a?.['@xsi:type'] === 'ShowTaskpane').map((a) => defined.get(String((a!.SourceLocation as Node)?.['@resid'])));
  if (!pages.includes(`${DEV_ORIGIN}word.html`)) problems.push(`the Word ribbon button must open ${DEV_ORIGIN}word.html (found ${pages.join(', ') || 'none'})`);
  return problems;
}

export function manifestProblems(xml: string, context: ManifestContext): string[] {
  const problems: string[] = [];
  const attributes = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['Host', 'bt:Image', 'bt:Url', 'bt:String', 'Control', 'Group', 'Runtime', 'AppDomain'].includes(name) });
  let doc: Node;
  try {
    doc = attributes.parse(xml, true) as Node;
  } catch (e) {
    return [`manifest.xml is not well-formed XML: ${(e as Error).message}`];
  }
  const app = doc.OfficeApp as Node | undefined;
  if (!app) return ['the root element is not OfficeApp'];
  if (app['@xsi:type'] !== 'TaskPaneApp') problems.push('OfficeApp must be xsi:type="TaskPaneApp"');

  const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: true }).parse(xml) as Array<Record<string, unknown[]>>;
  const root = ordered.find((n) => 'OfficeApp' in n)?.OfficeApp ?? [];
  const names = root.map((n) => Object.keys(n as object)[0]!).filter((n) => n !== '#comment' && n !== '#text');
  const positions = names.map((n) => TOP_LEVEL_ORDER.indexOf(n));
  if (positions.includes(-1)) problems.push(`unexpected top-level elements: ${names.filter((_, i) => positions[i] === -1).join(', ')}`);
  if (positions.some((p, i) => i > 0 && p < positions[i - 1]!)) problems.push(`top-level elements are out of schema order: ${names.join(', ')}`);

  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(String(app.Id))) problems.push('Id must be a GUID');
  if (!/^\d+(\.\d+){3}$/.test(String(app.Version))) problems.push('Version must have four parts, e.g. 1.0.0.0');
  const hosts = ((app.Hosts as Node | undefined)?.Host as Node[] | undefined) ?? [];
  if (hosts.map((h) => h['@Name']).join() !== 'Workbook,Document') problems.push('the add-in must target Excel and Word (Host Name="Workbook", then "Document")');
  if (app.Permissions !== 'ReadWriteDocument') problems.push(`Permissions must be ReadWriteDocument, the least that writes a workbook (found ${String(app.Permissions)})`);
  const domains = ((app.AppDomains as Node | undefined)?.AppDomain as unknown[] | undefined) ?? [];
  for (const d of domains) if (String(d).includes('*')) problems.push(`AppDomain ${String(d)} is a wildcard`);
  problems.push(...requirementProblems(xml));

  for (const url of xml.matchAll(/(?:DefaultValue|href)="(https?:[^"]*)"/g)) {
    if (!url[1]!.startsWith('https://')) problems.push(`URL ${url[1]} is not HTTPS`);
  }

  const overrides = app.VersionOverrides as Node | undefined;
  if (!overrides) return [...problems, 'VersionOverrides is missing'];
  const resources = overrides.Resources as Node;
  const defined = new Map<string, string>();
  for (const group of ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']) {
    const items = ((resources?.[group] as Node | undefined)?.[group === 'bt:Images' ? 'bt:Image' : group === 'bt:Urls' ? 'bt:Url' : 'bt:String'] as Node[] | undefined) ?? [];
    for (const item of items) {
      const id = String(item['@id']);
      if (defined.has(id)) problems.push(`resource id ${id} is defined twice`);
      defined.set(id, String(item['@DefaultValue']));
      const value = String(item['@DefaultValue']);
      if (group === 'bt:ShortStrings' && value.length > 125) problems.push(`short string ${id} is longer than 125 characters`);
      if (group === 'bt:LongStrings' && value.length > 250) problems.push(`long string ${id} is longer than 250 characters`);
    }
  }
  const overridesXml = xml.slice(xml.indexOf('<VersionOverrides'));
  const used = new Set([...overridesXml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]!));
  for (const id of used) if (!defined.has(id)) problems.push(`resid ${id} is used but not defined in Resources`);
  for (const id of defined.keys()) if (!used.has(id)) problems.push(`resource ${id} is defined but never used`);

  const overrideHosts = ((overrides.Hosts as Node)?.Host as Node[] | undefined) ?? [];
  const host = overrideHosts.find((h) => h['@xsi:type'] === 'Workbook');
  if (!host) problems.push('VersionOverrides has no Workbook host');
  problems.push(...wordHostProblems(overrideHosts.find((h) => h['@xsi:type'] === 'Document'), defined));
  const runtime = ((host?.Runtimes as Node | undefined)?.Runtime as Node[] | undefined)?.[0];
  if (runtime?.['@resid'] !== 'Taskpane.Url' || runtime?.['@lifetime'] !== 'long') problems.push('the shared runtime must be Taskpane.Url with lifetime="long"');
  if ((host?.DesktopFormFactor as Node | undefined)?.FunctionFile && ((host?.DesktopFormFactor as Node).FunctionFile as Node)['@resid'] !== 'Taskpane.Url') {
    problems.push('FunctionFile must be the shared runtime page (Taskpane.Url)');
  }
  const functions = (host?.AllFormFactors as Node | undefined)?.ExtensionPoint as Node | undefined;
  if (functions?.['@xsi:type'] !== 'CustomFunctions') {
    problems.push('the CustomFunctions extension point is missing');
  } else {
    const resid = (key: string) => String(((functions[key] as Node)?.SourceLocation as Node | undefined)?.['@resid']);
    const expect = (key: string, file: string) => {
      const url = defined.get(resid(key));
      if (url !== `${DEV_ORIGIN}${file}`) problems.push(`custom functions ${key} must be ${DEV_ORIGIN}${file} (found ${url})`);
    };
    expect('Script', 'functions.js');
    expect('Metadata', 'functions.json');
    expect('Page', 'taskpane.html');
    const namespace = defined.get(String((functions.Namespace as Node)?.['@resid']));
    if (!namespace || !/^[A-Z][A-Z0-9]{0,31}$/.test(namespace)) problems.push(`custom functions namespace "${namespace}" must be upper-case letters and digits`);
  }

  for (const [id, url] of defined) {
    const size = /^Icon\.(\d+)x\1$/.exec(id)?.[1];
    if (size) problems.push(...iconProblems(id, url, Number(size), context.assetsDir));
  }
  for (const key of ['IconUrl', 'HighResolutionIconUrl']) {
    const url = String((app[key] as Node | undefined)?.['@DefaultValue']);
    problems.push(...iconProblems(key, url, key === 'IconUrl' ? 32 : 64, context.assetsDir));
  }

  if (context.distDir) {
    const urls = new Set([...xml.matchAll(/DefaultValue="(https:\/\/localhost:3000\/[^"]*)"/g)].map((m) => m[1]!));
    for (const url of urls) {
      const file = url.slice(DEV_ORIGIN.length).split(/[?#]/)[0]!;
      if (!existsSync(join(context.distDir, file))) problems.push(`${url} is not in the build (${join(context.distDir, file)} is missing)`);
    }
  }
  return problems;
}

function iconProblems(id: string, url: string, size: number, assetsDir: string): string[] {
  const match = /^https:\/\/localhost:3000\/assets\/([^/]+\.png)$/.exec(url);
  if (!match) return [`${id} must be a PNG under assets/ (found ${url})`];
  const path = join(assetsDir, match[1]!);
  if (!existsSync(path)) return [`${id}: ${path} does not exist`];
  const png = readFileSync(path);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  return width === size && height === size ? [] : [`${id}: ${match[1]} is ${width}×${height}, expected ${size}×${size}`];
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { declaredApiSets } from '../../scripts/manifestApiSets';
import { apiSetProblems, highestUnguarded } from './apiSetRules';
import { hostProgram, scanApiSets, type ApiSetScan } from './apiSetScan';

const root = join(__dirname, '..', '..');
// Every folder whose code runs inside Excel or Word.
const HOST_CODE = ['src/excel', 'src/word', 'src/taskpane', 'src/functions', 'src/commands'];
const hostFiles = HOST_CODE.flatMap((dir) =>
  (readdirSync(join(root, dir), { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f)).map((f) => join(root, dir, f)),
);

// ExcelApi 1.6 for the calculation call, 1.1 to read a sheet's visibility and 1.2 to set it.
const fixtureFile = join(__dirname, 'memory', 'fixture.ts');
const fixture = [
  'export function fixture(context: Excel.RequestContext, sheet: Excel.Worksheet, supports: (apiSet: string, version: string) => boolean): string {',
  '  context.application.suspendApiCalculationUntilNextSync();',
  "  if (Office.context.requirements.isSetSupported('ExcelApi', '1.6')) context.application.suspendApiCalculationUntilNextSync();",
  "  if (supports('ExcelApi', '1.5')) context.application.suspendApiCalculationUntilNextSync();",
  "  sheet.visibility = 'Hidden';",
  "  if (!supports('ExcelApi', '1.6')) return sheet.visibility;",
  '  context.application.suspendApiCalculationUntilNextSync();',
  '  return sheet.visibility;',
  '}',
].join('\n');

let host: ApiSetScan;
let memory: ApiSetScan;
beforeAll(() => {
  // One program for both: reading office-js's declarations is most of the time.
  const program = hostProgram(join(root, 'tsconfig.json'), hostFiles, new Map([[fixtureFile, fixture]]));
  host = scanApiSets(program, hostFiles, root);
  memory = scanApiSets(program, [fixtureFile], __dirname);
});

describe('office-js requirement sets in the host code', () => {
  const declared = declaredApiSets(readFileSync(join(root, 'manifest.xml'), 'utf8'));

  test('nothing above the manifest’s minimums is used outside a support check, and no check is one the minimums answer', () => {
    expect(apiSetProblems(host, declared)).toEqual([]);
  });

  test.each(['ExcelApi', 'WordApi'])('the manifest’s %s minimum is the highest the code uses without a check', (set) => {
    expect(declared.get(set)).toBe(highestUnguarded(host, set));
  });
});

describe('the requirement-set rules, on a fixture', () => {
  const where = (problems: string[]) => problems.map((p) => p.split(/ needs | checks /)[0]);

  test('an unguarded member, one behind a check for too low a version, and a setter newer than its getter are caught', () => {
    const problems = apiSetProblems(memory, new Map([['ExcelApi', '1.1']]));
    expect(where(problems)).toEqual([
      'memory/fixture.ts:2 Excel.Application.suspendApiCalculationUntilNextSync',
      'memory/fixture.ts:4 Excel.Application.suspendApiCalculationUntilNextSync',
      'memory/fixture.ts:5 Excel.Worksheet.visibility',
    ]);
    expect(problems[0]).toMatch(/needs ExcelApi 1\.6, above the manifest's ExcelApi 1\.1, outside an isSetSupported\('ExcelApi', '1\.6'\) check/);
  });

  test('raising the minimum accepts every use and turns the checks it answers into dead code', () => {
    const problems = apiSetProblems(memory, new Map([['ExcelApi', '1.6']]));
    expect(where(problems)).toEqual(['memory/fixture.ts:3', 'memory/fixture.ts:4', 'memory/fixture.ts:6']);
  });

  test('a set of the same host the manifest does not declare must be checked', () => {
    const desktop = { ...memory, uses: [{ ...memory.uses[0]!, name: 'ExcelApiDesktop', version: '1.1' }], checks: [] };
    expect(apiSetProblems(desktop, new Map([['ExcelApi', '1.8']]))[0]).toMatch(/needs ExcelApiDesktop 1\.1, a set the manifest does not declare/);
  });
});

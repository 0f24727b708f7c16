import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The LibreOffice binary, or null where it is not installed (CI installs it; see .ci/run). */
export function soffice(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

// LibreOffice keeps the cached values of an .xlsx unless told to recalculate on load.
const RECALCULATE_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Opens an .xlsx in LibreOffice Calc headless, recalculating every formula, and returns each
 * sheet as CSV rows of raw (not displayed) values.
 */
export function recalculatedSheets(binary: string, xlsx: Uint8Array): Map<string, string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'secmod-lo-'));
  const profile = join(dir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALCULATE_ON_LOAD);
  writeFileSync(join(dir, 'book.xlsx'), xlsx);
  const run = spawnSync(
    binary,
    ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1', '--outdir', join(dir, 'csv'), join(dir, 'book.xlsx')],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (run.status !== 0) throw new Error(`LibreOffice failed: ${run.stderr}`);
  const sheets = new Map<string, string[][]>();
  for (const line of run.stdout.split('\n')) {
    const m = /Writing sheet (.+) -> (.+\.csv)$/.exec(line.trim());
    if (m) sheets.set(m[1]!, parseCsv(readFileSync(m[2]!, 'utf8')));
  }
  return sheets;
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

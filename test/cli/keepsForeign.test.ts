import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { foreignContent } from '../../src/cli/foreignContent';
import { main } from '../../src/cli/main';
import { writeOutputSet } from '../../src/cli/outputSet';
import { readXlsxSnapshot } from '../../src/workbook/xlsxSnapshot';
import { memoryIo } from '../support/memoryIo';
import { scratchFolders } from '../support/scratch';
import { edit } from './editWorkbook';

const scratchDir = scratchFolders();

const WORKBOOK = 'MP207-cost-model.xlsx';

/** main writing to a real folder; reads fall through to disk. */
async function run(args: string[]) {
  const fake = memoryIo();
  const code = await main([...args, '--iterations', '200'], { ...fake.io, writeSet: writeOutputSet });
  return { code, stderr: fake.stderr(), stdout: fake.stdout() };
}

/** A folder holding a first run's files, and their bytes. */
async function firstRun() {
  const out = scratchDir('secmod-keep-');
  expect((await run(['--out', out, '--decision-date', '2027-03-01'])).code).toBe(0);
  const files = () => new Map(readdirSync(out).map((n) => [n, readFileSync(join(out, n))]));
  return { out, path: join(out, WORKBOOK), files };
}

describe('writing over a workbook keeps what the model does not own, or writes nothing', () => {
  test('the model’s own workbook, edited in its cells, is written over --from itself with the edits carried', async () => {
    const { out, path } = await firstRun();
    writeFileSync(path, await edit(readFileSync(path), [{ table: 'tblAssumptions', key: 'DccLeadTime', column: 'Value', value: 12 }]));
    expect(await foreignContent(readFileSync(path))).toEqual([]);
    const again = await run(['--out', out, '--from', path]);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    const snapshot = await readXlsxSnapshot(readFileSync(path));
    expect(snapshot.tables.tblAssumptions!.find((r) => r[0] === 'DccLeadTime')![2]).toBe(12);
  });

  test('a sheet, a note and a defined name of the modeller’s own: refused with one line, every file as it was', async () => {
    const { out, path, files } = await firstRun();
    writeFileSync(
      path,
      await edit(readFileSync(path), [], (wb) => {
        wb.addWorksheet('My notes').getCell('A1').value = 'call the DCC';
        wb.getWorksheet('Costs')!.getCell('B3').note = 'check with OVO';
        wb.definedNames.add("'My notes'!$A$1", 'MyReminder');
      }),
    );
    const before = files();
    const again = await run(['--out', out, '--from', path, '--decision-date', '2028-01-01']);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      `error: ${path} holds sheets the model did not write (My notes), defined names the model did not create (MyReminder), notes (Costs!B3): the CLI writes a new workbook and would lose them, so nothing was written; choose another --out, or move them\n`,
    );
    expect(again.stdout).toBe('');
    expect(files()).toEqual(before);
  });

  test('a workbook that is not the model’s at all, or not a workbook, is not written over', async () => {
    const { out, path, files } = await firstRun();
    const mine = new ExcelJS.Workbook();
    mine.addWorksheet('Budget').getCell('A1').value = 1;
    writeFileSync(path, new Uint8Array(await mine.xlsx.writeBuffer()));
    const before = files();
    const theirs = await run(['--out', out]);
    expect(theirs.code).toBe(2);
    expect(theirs.stderr).toMatch(/holds sheets the model did not write \(Budget\): .*choose another --out, or move them\n$/);
    expect(files()).toEqual(before);

    writeFileSync(path, 'not a zip');
    const garbage = await run(['--out', out]);
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toBe(`error: ${path} exists and cannot be read as a workbook, so it is not written over: choose another --out, or move it\n`);
    expect(readFileSync(path, 'utf8')).toBe('not a zip');
  });

  test('a picture is named too', async () => {
    const { path } = await firstRun();
    const withPicture = await edit(readFileSync(path), [], (wb) => {
      // A 1×1 PNG.
      const image = wb.addImage({ base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', extension: 'png' });
      wb.getWorksheet('Costs')!.addImage(image, 'Z1:Z2');
    });
    expect(await foreignContent(withPicture)).toEqual(['pictures']);
  });
});

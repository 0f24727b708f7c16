import { HyperFormula } from 'hyperformula';
import { columnLetters } from '../../src/workbook/plan';
import type { FakeContext } from './fakeExcel';
import './hyperformula';

/**
 * Loads what the office-js writer left in the fake Excel (cells as Excel stores them, its
 * formulas, its tables and names) into HyperFormula, so the workbook the add-in writes inside
 * Excel can be recalculated here. Structured references (tblCosts[Low £]), which HyperFormula
 * does not read, become the A1 range of the table column they name, as Excel resolves them.
 */
export function recalculateFake(ctx: FakeContext): HyperFormula {
  const sheets = ctx.workbook.worksheets.sheets;
  const columns = new Map<string, string>();
  for (const sheet of sheets) {
    for (const table of sheet.tables.list) {
      const [, firstRow, lastRow] = /^A(\d+):[A-Z]+(\d+)$/.exec(table.address)!.map(Number) as [number, number, number];
      const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
      sheet.grid()[firstRow - 1]?.forEach((cell, c) => {
        if (cell?.kind === 'text') columns.set(`${table.name}[${cell.value}]`.toLowerCase(), `${quoted}!$${columnLetters(c)}$${firstRow + 1}:$${columnLetters(c)}$${lastRow}`);
      });
    }
  }
  const grids: Record<string, (string | number | null)[][]> = {};
  for (const sheet of sheets) {
    grids[sheet.name] = Array.from(sheet.grid(), (row) =>
      Array.from(row ?? [], (cell) => {
        if (!cell || cell.kind === 'empty') return null;
        if (cell.kind === 'number') return cell.value;
        if (cell.kind === 'text') return /^[=+\-@']/.test(cell.value) ? `'${cell.value}` : cell.value;
        return cell.formula.replace(/[A-Za-z_][A-Za-z0-9_]*\[[^\]]*\]/g, (ref) => columns.get(ref.toLowerCase()) ?? ref);
      }),
    );
  }
  const hf = HyperFormula.buildFromSheets(grids, { licenseKey: 'gpl-v3' });
  for (const n of ctx.workbook.names.list) hf.addNamedExpression(n.name, `='${n.sheet.replace(/'/g, "''")}'!${n.address.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2')}`);
  return hf;
}

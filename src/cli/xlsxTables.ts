import { sheetLayout, type WorkbookPlan } from '../workbook/plan';
import { addSheetRelationships, insertBeforeEnd, sheetPaths, type Parts } from './xlsxPackage';
import { escapeXml } from '../report/xmlText';

const TABLE_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
const TABLE_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';

/**
 * ExcelJS's streaming writer writes no Excel tables, so each table of the plan is added to its
 * package as a table part, in the form Excel itself writes: over the header row the writer put
 * down and the body under it, with filter buttons and the banded style, tied to its sheet by a
 * relationship and a tablePart.
 */
export function addTables(parts: Parts, plan: WorkbookPlan): void {
  const sheetFiles = sheetPaths(parts);
  const types: string[] = [];
  let id = 0;
  for (const sheet of plan.sheets) {
    const placed = sheetLayout(sheet).tables;
    if (placed.length === 0) continue;
    const sheetPath = sheetFiles.get(sheet.name);
    if (!sheetPath) throw new Error(`the workbook has no sheet ${sheet.name} for its tables`);
    const rels: string[] = [];
    const tableParts: string[] = [];
    for (const { table, address } of placed) {
      id++;
      const relId = `rIdSecmodTable${id}`;
      parts.set(`xl/tables/table${id}.xml`, tableXml(id, table.name, address, table.columns.map((c) => c.header)));
      types.push(`<Override PartName="/xl/tables/table${id}.xml" ContentType="${TABLE_TYPE}"/>`);
      rels.push(`<Relationship Id="${relId}" Type="${TABLE_RELATIONSHIP}" Target="../tables/table${id}.xml"/>`);
      tableParts.push(`<tablePart r:id="${relId}"/>`);
    }
    addSheetRelationships(parts, sheetPath, rels);
    // tableParts is the worksheet's last element.
    insertBeforeEnd(parts, sheetPath, '</worksheet>', `<tableParts count="${tableParts.length}">${tableParts.join('')}</tableParts>`);
  }
  insertBeforeEnd(parts, '[Content_Types].xml', '</Types>', types.join(''));
}

function tableXml(id: number, name: string, ref: string, headers: readonly string[]): string {
  const columns = headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${headers.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

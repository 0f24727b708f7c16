/** ExcelJS's streaming workbook writer on its own (the package's index also loads its readers). */
declare module 'exceljs/lib/stream/xlsx/workbook-writer' {
  import type ExcelJS from 'exceljs';
  const WorkbookWriter: typeof ExcelJS.stream.xlsx.WorkbookWriter;
  export = WorkbookWriter;
}

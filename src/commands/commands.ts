import { FINDINGS_SHEET } from '../workbook/responseSheets';

/** Ribbon command: bring the Findings sheet to the front, so flagged answers are one click away. */
async function showFindings(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(FINDINGS_SHEET);
      await context.sync();
      if (!sheet.isNullObject) sheet.activate();
      await context.sync();
    });
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('showFindings', showFindings);
});

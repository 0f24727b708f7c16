import type { WorkbookHost } from '../workbook/host';
import { writePlan } from './writePlan';

/** The workbook host inside Excel: every action is one Excel.run. */
export function createOfficeHost(): WorkbookHost {
  const supports = (apiSet: string, version: string) => Office.context.requirements.isSetSupported(apiSet, version);
  return {
    kind: 'excel',
    writePlan: (plan) => Excel.run({ delayForCellEdit: true }, (context) => writePlan(context, plan, supports)),
  };
}

import type { Finding } from '../model/consultation';
import type { ReportTable } from '../report/reportTables';
import type { ModelAssumptions, ModelResult } from '../model/costModel';
import type { MonteCarloResult } from '../model/monteCarlo';
import type { Analysis } from '../model/responseAnalysis';
import { assumptionsSheet } from './assumptionsSheet';
import { costsSheet, leadTimesSheet } from './costSheets';
import { industrySheet } from './industrySheet';
import type { WorkbookPlan } from './plan';
import { readMeSheet, type WorkbookMeta } from './readMeSheet';
import { reportSheet } from './reportSheet';
import { findingsSheet, responsesSheet } from './responseSheets';
import { scenarioSheet } from './scenarioSheet';
import { timelineSheet } from './timelineSheet';

export interface LiveWorkbookInput {
  readonly analysis: Analysis;
  readonly findings: readonly Finding[];
  readonly assumptions: ModelAssumptions;
  readonly model: ModelResult;
  readonly uncertainty: MonteCarloResult;
  readonly meta: WorkbookMeta;
  readonly report: readonly ReportTable[];
}

/**
 * The whole workbook: every answer and its source, the parsed figures with override cells, the
 * named assumptions, and the industry, scenario and timeline results as formulas over them, each
 * carrying the engine's value so tests can check the formulas compute what the engine computes.
 */
export function buildWorkbookPlan({ analysis, findings, assumptions, model, uncertainty, meta, report }: LiveWorkbookInput): WorkbookPlan {
  const costs = costsSheet(analysis, assumptions);
  const leadTimes = leadTimesSheet(analysis, assumptions, model);
  const inputs = assumptionsSheet(assumptions);
  const industry = industrySheet(model, uncertainty, costs.placement, inputs.refs.populations);
  const scenarios = scenarioSheet(model, inputs.refs);
  const timeline = timelineSheet(assumptions, model, leadTimes.placement, inputs.refs.releases);
  const body = [responsesSheet(analysis), costs.sheet, leadTimes.sheet, inputs.sheet, industry.sheet, scenarios, timeline.sheet, reportSheet(report), findingsSheet(findings)];
  const readMe = readMeSheet(analysis, assumptions, uncertainty, meta, body.map((s) => s.name));
  return { sheets: [readMe, ...body], names: [...inputs.names, ...industry.names, ...timeline.names] };
}

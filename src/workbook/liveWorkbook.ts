import type { ResultBasis } from '../model/basis';
import type { Check } from '../model/checks';
import type { Finding } from '../model/consultation';
import type { ModelAssumptions, ModelResult } from '../model/costModel';
import type { MonteCarloResult } from '../model/monteCarlo';
import type { Analysis } from '../model/responseAnalysis';
import type { ReportTable } from '../report/reportTables';
import { assumptionsSheet } from './assumptionsSheet';
import { basisRows, BASIS_ROWS } from './basisFormulas';
import { basisCell, checksLayout, checksSheet } from './checksSheet';
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
  readonly basis: ResultBasis;
  readonly checks: readonly Check[];
  readonly meta: WorkbookMeta;
  readonly report: readonly ReportTable[];
}

/**
 * The whole workbook: every answer and its source, the parsed figures with override cells, the
 * named assumptions with their sources and status, and the industry, scenario, timeline and
 * report results and the checks as formulas over them, each carrying the engine's value so tests
 * can check the formulas compute what the engine computes.
 */
export function buildWorkbookPlan({ analysis, findings, assumptions, model, uncertainty, basis, checks, meta, report }: LiveWorkbookInput): WorkbookPlan {
  const respondentsIn = (category: string) => analysis.results.filter((r) => r.respondent.category === category).length;
  const costs = costsSheet(analysis, assumptions);
  const leadTimes = leadTimesSheet(analysis, assumptions, model);
  const inputs = assumptionsSheet(assumptions, costs.placement, respondentsIn);
  const layout = checksLayout(checks.length, assumptions.scenarios.length);
  const industry = industrySheet(model, uncertainty, basis, basisCell(layout, BASIS_ROWS.industry), costs.placement, inputs.refs);
  const scenarios = scenarioSheet(assumptions, model, basis, (i) => basisCell(layout, BASIS_ROWS.firstScenario + i), inputs.refs);
  const timeline = timelineSheet(assumptions, model, basis, basisCell(layout, BASIS_ROWS.timeline), leadTimes.placement, inputs.refs);
  const basisTable = basisRows(layout.basis, inputs.refs, costs.placement, basis, assumptions.scenarios.map((s) => s.name));
  const checksAt = checksSheet(layout, checks, inputs.refs, costs.placement, leadTimes.placement, industry.refs.byCategory, assumptions.scenarios.length, scenarios.factorYears, basisTable);
  const body = [
    checksAt.sheet,
    responsesSheet(analysis),
    costs.sheet,
    leadTimes.sheet,
    inputs.sheet,
    industry.sheet,
    scenarios.sheet,
    timeline.sheet,
    reportSheet(report, { inputs: inputs.refs, costs: costs.placement, leadTimes: leadTimes.placement, industry: industry.refs, scenarioResults: scenarios.results, timelineSummary: timeline.summary }),
    findingsSheet(findings),
  ];
  const names = [...inputs.names, ...industry.names, ...scenarios.names, ...timeline.names, ...checksAt.names];
  const readMe = readMeSheet(analysis, uncertainty, meta, body.map((s) => s.name), names, {
    checksPass: checks.every((c) => c.pass),
    simulationCurrent: checks.find((c) => c.name === 'CheckSimulation')?.pass ?? true,
    decisionDate: assumptions.timeline.decisionDate,
  });
  return { sheets: [readMe, ...body], names };
}

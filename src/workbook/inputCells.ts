import { excelSerial } from '../model/calendarDates';
import type { ModelAssumptions } from '../model/costModel';
import type { CostOverride } from '../model/respondentTotals';
import { definedName, NAMED, namedRows, POPULATIONS, SCENARIO_INPUTS } from './assumptionsSheet';
import { COSTS, LEAD } from './costSheets';

/**
 * One input cell to set: a named assumption, or a cell of one of the input tables (body row and
 * column, 0-based); `source` marks a Source cell, written beside the figure it describes.
 */
export type InputChange =
  | { readonly kind: 'name'; readonly name: string; readonly value: number | string }
  | { readonly kind: 'table'; readonly table: string; readonly row: number; readonly col: number; readonly value: number | string; readonly source?: true };

const cellValue = (v: number | string | null, fmt: string): number | string => (v === null ? '' : fmt === 'date' && typeof v === 'string' ? excelSerial(v) : v);

/**
 * The cells to write so the workbook holds `after` where it held `before`: named values and their
 * sources, the populations, the uptake grid, the scenario figures and their sources, and the
 * overrides. Rows are in the order the assumptions list them, which is the order of the
 * workbook's tables (both come from the same import).
 */
export function inputChanges(before: ModelAssumptions, after: ModelAssumptions, respondentIds: readonly string[] = []): InputChange[] {
  const changes: InputChange[] = [];
  const table = (name: string, row: number, col: number, value: number | string) => changes.push({ kind: 'table', table: name, row, col, value });
  const source = (name: string, row: number, col: number, value: string) => changes.push({ kind: 'table', table: name, row, col, value, source: true });
  const [rows0, rows1] = [namedRows(before), namedRows(after)];
  rows1.forEach((r, i) => {
    const was = rows0[i]!;
    if (was.value !== r.value) changes.push({ kind: 'name', name: definedName(r.input), value: cellValue(r.value, r.fmt) });
    const name = definedName(r.input);
    if (before.sources[name] !== after.sources[name] && after.sources[name] !== undefined) source('tblAssumptions', i, NAMED.source, after.sources[name]);
  });
  // Overrides go in the Costs and Lead times rows, which list respondents in the import's order.
  const overrideColumns: ReadonlyArray<readonly [keyof CostOverride, number]> = [
    ['low', COSTS.overrideLow],
    ['high', COSTS.overrideHigh],
    ['ongoingLow', COSTS.overrideOngoingLow],
    ['ongoingHigh', COSTS.overrideOngoingHigh],
  ];
  respondentIds.forEach((id, row) => {
    const [o0, o1] = [before.overrides.costs[id] ?? {}, after.overrides.costs[id] ?? {}];
    for (const [key, col] of overrideColumns) if (o0[key] !== o1[key]) table('tblCosts', row, col, o1[key] ?? '');
    const [m0, m1] = [before.overrides.leadTimeMonths[id], after.overrides.leadTimeMonths[id]];
    if (m0 !== m1) table('tblLeadTimes', row, LEAD.overrideMonths, m1 ?? '');
  });
  after.industry.populations.forEach((p, i) => {
    const was = before.industry.populations[i];
    if (was?.parties !== p.parties) table('tblPopulations', i, POPULATIONS.parties, p.parties);
    if (was?.source !== p.source) source('tblPopulations', i, POPULATIONS.source, p.source);
  });
  after.scenarios.forEach((s, j) => {
    const was = before.scenarios[j];
    after.industry.populations.forEach((p, i) => {
      const share = (u: (typeof s.uptake)[string] | undefined) => (u?.kind === 'share' ? u.share : 0);
      if (share(was?.uptake[p.category]) !== share(s.uptake[p.category])) table('tblUptake', i, j + 1, share(s.uptake[p.category]));
    });
    const figures: ReadonlyArray<readonly [number, number, number | undefined]> = [
      [SCENARIO_INPUTS.benefit, s.benefitPerAdopterPerYearGbp, was?.benefitPerAdopterPerYearGbp],
      [SCENARIO_INPUTS.ongoing, s.ongoingCostPerAdopterPerYearGbp, was?.ongoingCostPerAdopterPerYearGbp],
      [SCENARIO_INPUTS.oneOff, s.oneOffCostPerAdopterGbp, was?.oneOffCostPerAdopterGbp],
    ];
    for (const [col, now, then] of figures) if (now !== then) table('tblScenarioInputs', j, col, now);
    if (s.figuresSource !== was?.figuresSource) source('tblScenarioInputs', j, SCENARIO_INPUTS.figuresSource, s.figuresSource);
    if (s.uptakeSource !== was?.uptakeSource) source('tblScenarioInputs', j, SCENARIO_INPUTS.uptakeSource, s.uptakeSource);
  });
  return changes;
}

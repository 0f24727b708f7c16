import { excelSerial } from '../model/calendarDates';
import type { MonteCarloResult } from '../model/monteCarlo';
import type { Analysis } from '../model/responseAnalysis';
import { A } from './assumptionsSheet';
import { CHECKS_FAIL, CHECKS_PASS } from '../model/checks';
import { SIMULATION_CURRENT, SIMULATION_STALE } from '../model/monteCarlo';
import { name } from './formula';
import { col, date, formula, num, SheetCursor, text, type Cell, type DefinedName, type SheetPlan } from './plan';

export const READ_ME_SHEET = 'Read me';

/** Where a workbook came from: shown on its first sheet so any figure can be traced and reproduced. */
export interface WorkbookMeta {
  readonly sourceName: string;
  readonly sourceSha256: string;
  readonly engineVersion: string;
  /** ISO date the workbook was written. */
  readonly created: string;
}

/** Items of the Read me table that a reopened workbook is read from. */
export const READ_ME_ITEMS = {
  modification: 'Modification',
  modificationTitle: 'Modification title',
  consultation: 'Consultation',
  sourceName: 'Source document',
  sourceSha256: 'Source SHA-256',
  costQuestion: 'Cost question',
  leadTimeQuestion: 'Lead-time question',
  written: 'Written on',
} as const;

/** The Read me item holding a question's wording, so a workbook taken up without its document reports it. */
export const questionItem = (n: number) => `Question ${n}`;

/** The appraisal convention, stated once here and in the README. */
export const APPRAISAL_CONVENTION =
  'Present values at the decision date (year 0 = the twelve months from it), in real terms at decision-year prices, with no inflation applied: enter every figure in those prices. One-off costs fall in the year the change goes live (the target release); ongoing costs run from then; benefits run for AppraisalYears years from BenefitsStart (blank: the release). Discounting as HM Treasury’s Green Book prescribes (3.5% to year 30, 3.0% after).';

export const INPUT_LEGEND =
  'Shaded cells are inputs, each with its Source and Status: entered (typed or confirmed), standard (a published standard), default (a stand-in the tool chose), placeholder (an illustrative figure to replace), not yet provided (a cost nobody entered, counted as nothing). Every other cell is a formula or a value read from the document. Orange rows on Costs and Lead times have a Flag to check: an answer read with a guess, not read, or with something the model leaves out (a recurring cost without a figure).';

export function readMeSheet(
  analysis: Analysis,
  mc: MonteCarloResult,
  meta: WorkbookMeta,
  sheetNames: readonly string[],
  names: readonly DefinedName[],
  status: { readonly checksPass: boolean; readonly simulationCurrent: boolean; readonly decisionDate: string },
): SheetPlan {
  const { modification, title } = analysis.consultation;
  const rows: Cell[][] = [
    [text('What this is'), text(`The cost-benefit model of ${modification.id} ${modification.title ? `‘${modification.title}’` : ''}${title ? `, built from the ${title} responses` : ''}.`.replace(/\s+/g, ' '))],
    [
      text('How to use it'),
      text('Change the shaded cells on Assumptions, and the override columns on Costs and Lead times: every total, scenario result, date and report table recalculates. The simulation is a set of values: run it again when SimulationStatus says it is out of date.'),
    ],
    [text('Checks'), formula(name('ChecksStatus'), status.checksPass ? CHECKS_PASS : CHECKS_FAIL)],
    [text('Simulation'), formula(name('SimulationStatus'), status.simulationCurrent ? SIMULATION_CURRENT : SIMULATION_STALE)],
    [text('Decision date'), formula(A.decisionDate, excelSerial(status.decisionDate), 'date')],
    [text('Appraisal convention'), text(APPRAISAL_CONVENTION)],
    [text('Inputs'), text(INPUT_LEGEND)],
    [text(READ_ME_ITEMS.modification), text(modification.id)],
    [text(READ_ME_ITEMS.modificationTitle), text(modification.title)],
    [text(READ_ME_ITEMS.consultation), text(title)],
    [text(READ_ME_ITEMS.sourceName), text(meta.sourceName)],
    [text(READ_ME_ITEMS.sourceSha256), text(meta.sourceSha256)],
    [text('Respondents'), num(analysis.results.length)],
    [text(READ_ME_ITEMS.costQuestion), analysis.roles.costQuestion === null ? text('not found') : num(analysis.roles.costQuestion)],
    [text(READ_ME_ITEMS.leadTimeQuestion), analysis.roles.leadTimeQuestion === null ? text('not found') : num(analysis.roles.leadTimeQuestion)],
    ...analysis.consultation.questions.map((q) => [text(questionItem(q.number)), text(q.text)]),
    [text('Engine version'), text(meta.engineVersion)],
    [text(READ_ME_ITEMS.written), date(meta.created)],
    [text('Monte Carlo seed'), num(mc.seed)],
    [text('Monte Carlo iterations'), num(mc.iterations)],
    [text('Sheets'), text(sheetNames.join(', '))],
  ];
  const cursor = new SheetCursor(READ_ME_SHEET);
  const about = cursor.place(rows.length, `${modification.id} cost model`.trim() || 'Cost model', 'tblReadMe', [col('Item', 'text', 24), col('Value', 'text', 100)]);
  const listed = [...names].sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
  const nameList = cursor.place(listed.length, 'Defined names: inputs, headline results and checks (link to these, not to cell addresses)', 'tblNames', [
    col('Name', 'text', 24),
    col('What it holds', 'text', 100),
    col('Sheet', 'text', 16),
  ]);
  return {
    name: READ_ME_SHEET,
    tables: [about.table(rows), nameList.table(listed.map((n) => [text(n.name), text(n.description), text(n.sheet)]))],
  };
}

/** Inputs first, then results, checks and constants. */
function order(n: DefinedName): number {
  const kind = n.description.split(':')[0];
  return ['Input', 'Result', 'Check', 'Constant'].indexOf(kind ?? '');
}

import type { IsoDate } from '../model/calendarDates';
import type { Answer, Consultation, Finding, Question, Respondent, Severity } from '../model/consultation';
import type { RoleOverrides } from '../model/questionRoles';
import { ASSUMPTIONS_SHEET } from './assumptionsSheet';
import { COSTS, COSTS_SHEET, LEAD_TIMES_SHEET } from './costSheets';
import { isoFromSerial } from './plan';
import { headerKey, type WorkbookSnapshot } from './readBack';
import { questionItem, READ_ME_ITEMS, READ_ME_SHEET } from './readMeSheet';
import { FINDINGS_SHEET, RESPONSES, RESPONSES_SHEET } from './responseSheets';

/** A model workbook taken up without its document: what it was built from, as its own sheets record it. */
export interface ReopenedWorkbook {
  readonly consultation: Consultation;
  /** The findings the import recorded on the Findings sheet. */
  readonly findings: readonly Finding[];
  /** The questions the import used for cost and lead time. */
  readonly roles: RoleOverrides;
  readonly sourceName: string;
  readonly sourceSha256: string;
  readonly written: IsoDate | null;
  /** The model's sheets that sit under other names (beside the user's sheets of the same names). */
  readonly renames: Readonly<Record<string, string>>;
}

/** The sheet each table read back is written on, before any renaming. */
const HOME_SHEETS: Readonly<Record<string, string>> = {
  tblReadMe: READ_ME_SHEET,
  tblResponses: RESPONSES_SHEET,
  tblFindings: FINDINGS_SHEET,
  tblAssumptions: ASSUMPTIONS_SHEET,
  tblPopulations: ASSUMPTIONS_SHEET,
  tblUptake: ASSUMPTIONS_SHEET,
  tblScenarioInputs: ASSUMPTIONS_SHEET,
  tblScenarioPlaceholders: ASSUMPTIONS_SHEET,
  tblReleases: ASSUMPTIONS_SHEET,
  tblCosts: COSTS_SHEET,
  tblLeadTimes: LEAD_TIMES_SHEET,
};

/**
 * Rebuilds the consultation from the Responses sheet (every answer, with its respondent, category
 * and source lines) and the Read me, so a workbook opened later can be modelled and rewritten as
 * it was imported, question wording included (the Read me keeps it). The raw source text is not
 * kept in the workbook and comes back empty; nothing the workbook shows depends on it. Null when the workbook has no model.
 */
export function reopenWorkbook(snapshot: WorkbookSnapshot): ReopenedWorkbook | null {
  const responses = snapshot.tables.tblResponses;
  const readMe = snapshot.tables.tblReadMe;
  const header = snapshot.tables[headerKey('tblResponses')]?.[0];
  if (!responses || !readMe || !header) return null;
  const item = new Map(readMe.map((r) => [String(r[0] ?? ''), r[1]]));
  const words = (key: string) => String(item.get(key) ?? '');
  const role = (key: string) => (typeof item.get(key) === 'number' ? (item.get(key) as number) : undefined);

  const extraHeadings = header.slice(RESPONSES.firstExtra, header.length - 1).map(String);
  const respondents = new Map<string, Respondent>();
  const answers: Answer[] = [];
  for (const row of responses) {
    const question = row[RESPONSES.question];
    const prefix = `q${String(question)}-`;
    const rowId = String(row[RESPONSES.rowId] ?? '');
    if (typeof question !== 'number' || !rowId.startsWith(prefix)) continue;
    const id = rowId.slice(prefix.length);
    if (!respondents.has(id)) respondents.set(id, { id, name: String(row[RESPONSES.respondent] ?? id), category: String(row[RESPONSES.category] ?? '') });
    const [firstLine, lastLine] = sourceLines(row[row.length - 1]);
    answers.push({
      question,
      respondentId: id,
      response: String(row[RESPONSES.response] ?? ''),
      rationale: String(row[RESPONSES.rationale] ?? ''),
      extra: Object.fromEntries(extraHeadings.map((h, i) => [h, String(row[RESPONSES.firstExtra + i] ?? '')]).filter(([, v]) => v !== '')),
      source: { firstLine, lastLine, raw: '' },
    });
  }
  if (answers.length === 0) return null;

  // Respondents in the order the import listed them: the Costs table's rows.
  const costOrder = new Map((snapshot.tables.tblCosts ?? []).map((r, i) => [String(r[COSTS.rowId] ?? ''), i]));
  const rank = (id: string) => costOrder.get(id) ?? costOrder.size;
  const ordered = [...respondents.values()].sort((a, b) => rank(a.id) - rank(b.id));
  const questions: Question[] = [...new Set(answers.map((a) => a.question))]
    .sort((a, b) => a - b)
    .map((number) => ({ number, text: words(questionItem(number)), columns: [], line: Math.min(...answers.filter((a) => a.question === number).map((a) => a.source.firstLine)) }));
  const sourceName = words(READ_ME_ITEMS.sourceName);
  const costQuestion = role(READ_ME_ITEMS.costQuestion);
  const leadTimeQuestion = role(READ_ME_ITEMS.leadTimeQuestion);
  const written = item.get(READ_ME_ITEMS.written);
  return {
    consultation: {
      source: { name: sourceName, format: 'annex-text' },
      modification: { id: words(READ_ME_ITEMS.modification), title: words(READ_ME_ITEMS.modificationTitle) },
      title: words(READ_ME_ITEMS.consultation),
      questions,
      respondents: ordered,
      answers,
    },
    findings: (snapshot.tables.tblFindings ?? []).map((r) => ({
      severity: (['error', 'warning', 'info'].includes(String(r[0])) ? r[0] : 'info') as Severity,
      line: typeof r[1] === 'number' ? r[1] : 0,
      text: String(r[2] ?? ''),
      message: String(r[3] ?? ''),
    })),
    roles: { ...(costQuestion !== undefined ? { costQuestion } : {}), ...(leadTimeQuestion !== undefined ? { leadTimeQuestion } : {}) },
    sourceName,
    sourceSha256: words(READ_ME_ITEMS.sourceSha256),
    written: typeof written === 'number' ? (isoFromSerial(written) as IsoDate) : null,
    renames: Object.fromEntries(
      Object.entries(snapshot.sheets ?? {}).flatMap(([table, sheet]) => {
        const home = HOME_SHEETS[table];
        return home && home !== sheet ? [[home, sheet]] : [];
      }),
    ),
  };
}

/** "12" or "12–14" as first and last line. */
function sourceLines(value: unknown): [number, number] {
  const [first = 0, last = first] = String(value ?? '')
    .split(/[–-]/)
    .map(Number)
    .filter(Number.isFinite);
  return [first, last];
}

import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importDocuments, MAX_RESPONDENTS } from '../import/importText';
import { documentsHash } from '../import/sourceHash';
import type { Finding } from '../model/consultation';
import { fromDate, isoDate, type IsoDate } from '../model/calendarDates';
import { costRange } from '../model/costAnswer';
import { defaultAssumptions, type ModelAssumptions, type ModelResult } from '../model/costModel';
import { leadTimeRange } from '../model/leadTimeAnswer';
import { formatGbpRange, formatGbpShort, wholeReaching } from '../model/money';
import { basisText, type ResultBasis } from '../model/basis';
import { checksSummary, type Check } from '../model/checks';
import { decisionDateStatus, figuresStatus, populationStatus, releaseStatus, uptakeStatus } from '../model/inputStatus';
import { DEFAULT_MONTE_CARLO, simulationCurrent, type MonteCarloResult } from '../model/monteCarlo';
import { NEVER, NOT_REACHED, partiesIn, type BreakEven } from '../model/uptake';
import type { Analysis } from '../model/responseAnalysis';
import { longestLeadTime } from '../model/respondentTotals';
import { ENGINE_VERSION } from '../version';
import { runCostModel, runWorkbookPlan, withModelFindings } from '../workbook/costModelWorkbook';
import { formatShare } from '../report/format';
import type { RefreshResult } from '../report/refreshDocx';
import { reportHeading, type ReportTable } from '../report/reportTables';
import { carryForward, changeReport, INPUT_TABLES, type WorkbookSnapshot } from '../workbook/readBack';
import { oneLine } from '../workbook/readLimits';
import { CliError, fileProblem, shownPath } from './cliError';
import type { OutputFile, OutputSetOptions } from './outputSet';
import { renderReportHere, type ReportRenderer } from './reportFiles';

/** Everything the CLI touches outside itself, so tests can run it in memory. */
export type CliIo = {
  readFile(path: string): Promise<Uint8Array>;
  stdout(text: string): void;
  stderr(text: string): void;
  now(): Date;
  /** Makes the report's files; without one, they are made on the main thread. */
  readonly renderReport?: ReportRenderer;
  /** The bundled seed document, used when no document is named. */
  readonly defaultDocument: string;
} & (
  | {
      /** Puts a run's files into a folder as one set: all of them, or none and the previous set kept (see outputSet.ts). */
      writeSet(dir: string, files: readonly OutputFile[], options: OutputSetOptions): Promise<void>;
    }
  | {
      /** An in-memory fake: the folder, then each file whole; there is nothing on disk to keep or replace. */
      mkdir(path: string): Promise<void>;
      writeFileAtomic(path: string, data: Uint8Array): Promise<void>;
    }
);

const USAGE = `Usage: npm run model -- [document ...] [options]

Reads a collated consultation response document (an SEC "Annex D": Word .docx or text), several
consultations of one modification (earliest first), or individual response forms, runs the cost
model and writes
<DIR>/<modification>-cost-model.xlsx and the report (DIR defaults to out/). With no document,
reads the bundled seed.

  --out DIR                 folder for the workbook (created if missing)
  --cost-question N         use question N as the cost question instead of the one found from its wording
  --lead-time-question N    use question N as the lead-time question
  --decision-date DATE      approval date, YYYY-MM-DD (default: today)
  --dcc-lead-time MONTHS    the DCC's lead time from approval (default: 0)
  --later-supersedes        with several consultations (earliest first), use each respondent's latest answers
  --from WORKBOOK            carry the assumptions and overrides of an edited workbook into this run
  --update-report FMR.docx  also refresh, in that Word document, every table tagged secmod:<table> (nothing else in it changes)
  --seed N                  Monte Carlo seed (default: ${DEFAULT_MONTE_CARLO.seed})
  --iterations N            Monte Carlo iterations (default: ${DEFAULT_MONTE_CARLO.iterations})
  --json                    print one JSON document instead of the summary
  --debug                   with an internal error, print its trace too
  --help                    print this text`;

const COMMAND_LINE = 'Entered on the command line';

/** How an internal error is reported: one line, the trace only when asked for. */
const INTERNAL = "internal error (a fault in this tool, not in your files): please report it to the model's maintainers with the command you ran and, if you can, the document; --debug prints the details";

/**
 * Runs the main job. Returns the exit code: 0 done, 1 an input could not be used, 2 the command
 * was wrong, 70 an internal error. Every failure is one line on stderr.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let debug = false;
  try {
    const args = parseCommandLine(argv);
    debug = args.debug;
    return await run(args, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`error: ${oneLine(e.message)}\n`);
      return e.exitCode;
    }
    const { message, stack } = (typeof e === 'object' && e !== null ? e : {}) as { message?: unknown; stack?: unknown };
    const what = typeof message === 'string' ? message : String(e);
    io.stderr(debug ? `${INTERNAL}\n${typeof stack === 'string' ? stack : what}\n` : `${INTERNAL} (${oneLine(what).slice(0, 200)})\n`);
    return 70;
  }
}

async function run(args: CommandLine, io: CliIo): Promise<number> {
  if (args.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const paths = args.documents.length ? args.documents : [io.defaultDocument];
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const path of paths) files.push({ name: baseName(path), bytes: await readInput(path, io) });
  const { analysis, findings, fatal } = await importDocuments(files, {
    ...(args.costQuestion !== undefined ? { costQuestion: args.costQuestion } : {}),
    ...(args.leadTimeQuestion !== undefined ? { leadTimeQuestion: args.leadTimeQuestion } : {}),
    laterSupersedes: args.laterSupersedes,
  });
  // No respondents, or more than a model is built for: the documents are unusable. Otherwise a fatal finding is a question override that does not fit.
  if (fatal) {
    const badInput = analysis.results.length === 0 || analysis.results.length > MAX_RESPONDENTS;
    throw new CliError(badInput && paths.length === 1 ? `${paths[0]}: ${fatal}` : fatal, badInput ? 1 : 2);
  }

  const defaults = defaultAssumptions(analysis, args.decisionDate ?? fromDate(io.now()));
  const carried = args.from ? await carryFrom(args.from, analysis, defaults, io) : null;
  const base = carried?.assumptions ?? defaults;
  // Options given on the command line win over the edited workbook's cells.
  const assumptions: ModelAssumptions = {
    ...base,
    monteCarlo: { ...base.monteCarlo, seed: args.seed ?? base.monteCarlo.seed, iterations: args.iterations ?? base.monteCarlo.iterations },
    timeline: {
      ...base.timeline,
      ...(args.decisionDate ? { decisionDate: args.decisionDate } : {}),
      ...(args.dccLeadTimeMonths !== undefined ? { dccLeadTimeMonths: args.dccLeadTimeMonths } : {}),
    },
    sources: {
      ...base.sources,
      ...(args.decisionDate ? { DecisionDate: COMMAND_LINE } : {}),
      ...(args.dccLeadTimeMonths !== undefined ? { DccLeadTime: COMMAND_LINE } : {}),
    },
  };
  const built = runCostModel(analysis, assumptions);
  if (!built.ok) throw new CliError(`the model cannot run${args.from ? ` with the inputs of ${args.from}` : ''}: ${built.problems.join('; ')}`, 1);
  const { model, uncertainty, report, basis, checks } = built;
  const id = analysis.consultation.modification.id || 'consultation';
  const workbookName = `${id}-cost-model.xlsx`;
  const heading = reportHeading(analysis.consultation.modification);
  // The report's files are made from here on while the workbook is planned and written, on a worker thread where the host gives one.
  const stopReport = new AbortController();
  const reportMade = (io.renderReport ?? renderReportHere)(report, heading, io.now(), stopReport.signal);
  // Awaited below; a failure before then must not go unseen as an unhandled rejection.
  reportMade.catch(() => undefined);
  const outputFiles = async () => {
    const plan = runWorkbookPlan(analysis, findings, assumptions, { sourceName: files.map((f) => f.name).join(', '), sourceSha256: await documentsHash(files), engineVersion: ENGINE_VERSION, created: fromDate(io.now()) }, built);
    // The workbook writer is the largest module (exceljs): loaded when a run gets this far, not for --help or a refused input.
    const [{ xlsxParts }, { packParts }] = await Promise.all([import('./xlsxWriter'), import('./xlsxPackage')]);
    const written = io.now();
    const workbook = await packParts(await xlsxParts(plan, { creator: 'SEC modification cost model', created: written }), written, { largePartsFaster: true });
    const { docx, markdown, csv } = await reportMade;
    // The workbook first; the set writer puts it in place last (see outputSet.ts).
    const output: OutputFile[] = [
      { name: workbookName, data: workbook },
      { name: `${id}-report.docx`, data: docx },
      { name: `${id}-report.md`, data: markdown },
      ...report.map((table, i) => ({ name: `${id}-${table.id}.csv`, data: csv[i]! })),
    ];
    return { docx, output };
  };
  // A run that fails from here on stops the report's worker, rather than wait for it to finish.
  const { docx: reportDocx, output } = await outputFiles().catch((e: unknown) => {
    stopReport.abort();
    throw e;
  });
  const outPath = join(args.out, workbookName);
  // Read and refreshed before anything is written, and written first: a document that cannot be refreshed or written stops the run with nothing changed.
  const fmr = args.updateReport ? await refreshedReport(args.updateReport, reportDocx, io, output.map((f) => join(args.out, f.name))) : null;
  if (fmr) await writeFiles(io, dirname(fmr.path), [{ name: basename(fmr.path), data: fmr.result.bytes }], {});
  await writeFiles(io, args.out, output, {
    replacing: async (name, read) => {
      if (name === workbookName) await keepsForeignContent(outPath, await read());
    },
  });


  const outcome = {
    analysis,
    findings: withModelFindings(findings, built.findings),
    model,
    uncertainty,
    basis,
    checks,
    assumptions,
    carried: carried?.report ?? [],
    ...(fmr ? { reportUpdated: { path: fmr.path, replaced: fmr.result.replaced, unknown: fmr.result.unknown, missing: fmr.result.missing, stylesAdded: fmr.result.stylesAdded, lines: refreshLines(fmr.path, fmr.result, report) } } : {}),
  };
  io.stdout(args.json ? `${JSON.stringify(jsonReport(outcome), null, 2)}\n` : summary(outcome, outPath));
  return 0;
}

/** The FMR with its tagged tables replaced by this run's, ready to write over it; refused when it is one of the run's own files or holds none of the tables. */
async function refreshedReport(path: string, fresh: Uint8Array, io: CliIo, outputs: readonly string[]): Promise<{ path: string; result: RefreshResult }> {
  if (outputs.some((o) => resolve(o) === resolve(path))) throw new CliError(`--update-report names ${shownPath(path)}, a file this run writes: keep the FMR elsewhere, or choose another --out`, 2);
  const { refreshTaggedTables } = await import('../report/refreshDocx');
  const result = await refreshTaggedTables(await readInput(path, io), fresh);
  if ('error' in result) throw new CliError(`${shownPath(path)}: ${result.error}; nothing was written`, 1);
  if (!result.replaced.length) throw new CliError(`${shownPath(path)} holds none of this model's tagged tables, so nothing was written: insert them from Word (FMR tables) or start from the exported report`, 1);
  return { path, result };
}

/** What the refresh did, in words for the summary. */
function refreshLines(path: string, r: RefreshResult, report: readonly ReportTable[]): string[] {
  const title = (id: string) => `“${report.find((t) => t.id === id)?.title ?? id}”`;
  return [
    `Refreshed ${r.replaced.length} table${r.replaced.length === 1 ? '' : 's'} in ${path}; the rest of the document is as it was`,
    ...(r.unknown.length ? [`  kept as they were, tagged with tables this model does not make: ${r.unknown.join(', ')}`] : []),
    ...(r.missing.length ? [`  not in the document: ${r.missing.map(title).join('; ')}`] : []),
    ...(r.stylesAdded.length ? [`  styles added for the tables: ${r.stylesAdded.join(', ')}`] : []),
  ];
}

/** Everything one run produced, for the summary and the JSON report. */
interface Outcome {
  readonly analysis: Analysis;
  readonly findings: readonly Finding[];
  readonly assumptions: ModelAssumptions;
  readonly model: ModelResult;
  readonly uncertainty: MonteCarloResult;
  readonly basis: ResultBasis;
  readonly checks: readonly Check[];
  /** What an edited workbook (--from) contributed and what moved since it was written. */
  readonly carried: readonly string[];
  /** What --update-report did to the FMR: table ids, and the same in words for the summary. */
  readonly reportUpdated?: { readonly path: string; readonly replaced: readonly string[]; readonly unknown: readonly string[]; readonly missing: readonly string[]; readonly stylesAdded: readonly string[]; readonly lines: readonly string[] };
}

async function readInput(path: string, io: CliIo): Promise<Uint8Array> {
  try {
    return await io.readFile(path);
  } catch (e) {
    const problem = fileProblem(e);
    if (!problem) throw e;
    throw new CliError(`cannot read ${shownPath(path)}: ${problem.words}`, 1);
  }
}

/** Through the io's set writer, or file by file for an in-memory fake. */
async function writeFiles(io: CliIo, dir: string, files: readonly OutputFile[], options: OutputSetOptions): Promise<void> {
  if ('writeSet' in io) return io.writeSet(dir, files, options);
  await io.mkdir(dir);
  for (const f of files) await io.writeFileAtomic(join(dir, f.name), f.data);
}

/** Refuses to write over a workbook that holds anything the model did not write (see foreignContent.ts). */
async function keepsForeignContent(path: string, bytes: Uint8Array): Promise<void> {
  const { foreignContent } = await import('./foreignContent');
  let foreign: string[];
  try {
    foreign = await foreignContent(bytes);
  } catch {
    throw new CliError(`${path} exists and cannot be read as a workbook, so it is not written over: choose another --out, or move it`, 2);
  }
  if (foreign.length) throw new CliError(`${path} holds ${foreign.join(', ')}: the CLI writes a new workbook and would lose them, so nothing was written; choose another --out, or move them`, 2);
}

/** The modeller's inputs from an edited workbook, carried into this run. */
async function carryFrom(path: string, analysis: Analysis, defaults: ModelAssumptions, io: CliIo): Promise<{ assumptions: ModelAssumptions; report: string[] }> {
  const bytes = await readInput(path, io);
  const { readXlsxSnapshot } = await import('../workbook/xlsxSnapshot');
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = await readXlsxSnapshot(bytes);
  } catch {
    throw new CliError(`${path} is not an .xlsx workbook`, 1);
  }
  if (!INPUT_TABLES.some((t) => t in snapshot.tables)) {
    throw new CliError(`${path} has none of the cost model's input tables (assumptions, populations, scenarios, releases, overrides), so nothing could be carried: pass a workbook this tool wrote`, 1);
  }
  const carried = carryForward(snapshot, analysis, defaults);
  return { assumptions: carried.assumptions, report: [...carried.report, ...changeReport(snapshot, analysis)] };
}

interface CommandLine {
  documents: string[];
  out: string;
  costQuestion?: number;
  leadTimeQuestion?: number;
  decisionDate?: IsoDate;
  dccLeadTimeMonths?: number;
  from?: string;
  /** A Word document (the FMR) whose tagged tables this run refreshes in place. */
  updateReport?: string;
  laterSupersedes: boolean;
  seed?: number;
  iterations?: number;
  json: boolean;
  debug: boolean;
  help: boolean;
}

function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'out' },
        'cost-question': { type: 'string' },
        'lead-time-question': { type: 'string' },
        'decision-date': { type: 'string' },
        'dcc-lead-time': { type: 'string' },
        seed: { type: 'string' },
        iterations: { type: 'string' },
        from: { type: 'string' },
        'update-report': { type: 'string' },
        'later-supersedes': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    // Node's first sentence names the option; the rest is advice about "--" that does not fit npm run.
    const first = /^[^.]*\./.exec((e as Error).message)?.[0] ?? (e as Error).message;
    throw new CliError(`${first} (npm run model -- --help lists the options)`, 2);
  }
  const { values, positionals } = parsed;
  if (values.out?.trim() === '') throw new CliError('--out takes a folder, not an empty name', 2);
  return {
    documents: positionals,
    out: values.out ?? 'out',
    ...(values['cost-question'] !== undefined ? { costQuestion: questionNumber('--cost-question', values['cost-question']) } : {}),
    ...(values['lead-time-question'] !== undefined ? { leadTimeQuestion: questionNumber('--lead-time-question', values['lead-time-question']) } : {}),
    ...(values['decision-date'] !== undefined ? { decisionDate: dateOption(values['decision-date']) } : {}),
    ...(values['dcc-lead-time'] !== undefined ? { dccLeadTimeMonths: numberOption('--dcc-lead-time', values['dcc-lead-time'], 0, 120, false) } : {}),
    ...(values.seed !== undefined ? { seed: numberOption('--seed', values.seed, -(2 ** 31), 2 ** 31 - 1, true) } : {}),
    ...(values.iterations !== undefined ? { iterations: numberOption('--iterations', values.iterations, 1, 1_000_000, true) } : {}),
    ...(values.from !== undefined ? { from: values.from } : {}),
    ...(values['update-report'] !== undefined ? { updateReport: values['update-report'] } : {}),
    laterSupersedes: values['later-supersedes'] ?? false,
    json: values.json ?? false,
    debug: values.debug ?? false,
    help: values.help ?? false,
  };
}

function dateOption(value: string): IsoDate {
  const d = isoDate(value);
  if (!d) throw new CliError(`--decision-date takes a date as YYYY-MM-DD, not "${value}"`, 2);
  return d;
}

function numberOption(flag: string, value: string, min: number, max: number, whole: boolean): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max || (whole && !Number.isInteger(n))) {
    throw new CliError(`${flag} takes ${whole ? 'a whole number' : 'a number'} from ${min.toLocaleString('en-GB')} to ${max.toLocaleString('en-GB')}, not "${value}"`, 2);
  }
  return n;
}

function questionNumber(flag: string, value: string): number {
  if (!/^\d{1,3}$/.test(value)) throw new CliError(`${flag} takes a question number, not "${value}"`, 2);
  return Number(value);
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The --json document: kinds spelled as the model spells them, open-ended highs as null, figures that cannot exist as null with the reason. */
export function jsonReport({ analysis, findings, model, uncertainty, basis, checks, assumptions, carried, reportUpdated }: Outcome) {
  const totals = model.totals;
  const { industry } = model;
  const range3 = (r: { low: number; central: number; high: number }) => ({ low: r.low, central: r.central, high: r.high });
  return {
    modification: analysis.consultation.modification,
    consultation: analysis.consultation.title,
    costQuestion: analysis.roles.costQuestion,
    leadTimeQuestion: analysis.roles.leadTimeQuestion,
    respondents: analysis.results.map(({ respondent, cost, leadTime }) => {
      const months = leadTimeRange(leadTime);
      const pounds = costRange(cost);
      return {
        id: respondent.id,
        name: respondent.name,
        category: respondent.category,
        cost: {
          kind: cost.kind,
          low: pounds?.low ?? null,
          high: pounds ? pounds.high : null,
          ongoingPerYear: pounds?.ongoing ? { low: pounds.ongoing.low, high: pounds.ongoing.high } : null,
          text: cost.text,
          ...(cost.flag ? { flag: cost.flag } : {}),
        },
        leadTime: {
          kind: leadTime.kind,
          minMonths: months?.min ?? null,
          maxMonths: months?.max ?? null,
          text: leadTime.text,
          ...(leadTime.kind === 'release' ? { release: leadTime.release } : {}),
          ...(leadTime.flag ? { flag: leadTime.flag } : {}),
        },
      };
    }),
    totals: {
      respondentCostLow: totals.low,
      respondentCostCentral: totals.central,
      respondentCostHigh: totals.high,
      respondentOngoingPerYear: range3(totals.ongoing),
      quantified: totals.counts.band + totals.counts.zero,
      unquantified: totals.counts.unquantified,
      noAnswer: totals.counts.none,
      unreadable: totals.counts.unreadable,
      notImplementing: totals.counts.notImplementing,
      longestLeadTimeMonths: longestLeadTime(analysis.results)?.months ?? null,
    },
    inputs: {
      populations: assumptions.industry.populations.map((p) => ({ category: p.category, parties: p.parties, status: populationStatus(p), source: p.source })),
      central: {
        dccImplementation: assumptions.industry.central.dccImplementationGbp,
        dccOngoingPerYear: assumptions.industry.central.dccOngoingGbpPerYear,
        secas: industry.centralBodies.secas,
      },
      scenarios: assumptions.scenarios.map((s) => ({ name: s.name, uptake: uptakeStatus(s, assumptions.industry.populations.map((p) => p.category)), figures: figuresStatus(s) })),
      decisionDate: { date: assumptions.timeline.decisionDate, status: decisionDateStatus(assumptions.timeline, assumptions.sources) },
      unconfirmedReleases: assumptions.timeline.releases.filter((d) => releaseStatus(assumptions.timeline, d) !== 'entered'),
    },
    model: {
      industry: {
        ...range3(industry.total),
        parties: range3(industry.parties),
        ongoingPerYear: range3(model.fixedCosts.ongoingPerYear),
        dccImplementation: industry.centralBodies.dccImplementation,
        secas: industry.centralBodies.secas,
        dccOngoingPerYear: industry.centralBodies.dccOngoingPerYear,
        wholeIndustry: industry.wholeIndustry,
        basis: basis.industry,
        p10: uncertainty.industryTotal.p10,
        p50: uncertainty.industryTotal.p50,
        p90: uncertainty.industryTotal.p90,
        seed: uncertainty.seed,
        iterations: uncertainty.iterations,
        simulationCurrent: simulationCurrent(uncertainty, industry.total),
        method: industry.method,
      },
      scenarios: model.scenarios.map(({ scenario, result }) => {
        const b = result.breakEven;
        return {
          name: result.name,
          adopters: result.adopters,
          pvCosts: result.pvCosts,
          pvBenefits: result.pvBenefits,
          npv: result.npv,
          npvAtCost: range3(result.npvAtCost),
          bcr: result.bcr,
          costPerAdopter: result.costPerAdopter,
          equivalentAnnualNetCost: result.equivalentAnnualNetCost,
          breakEvenUptake: b.kind === 'adopters' ? b.share : null,
          breakEvenAdopters: b.kind === 'adopters' ? b.adopters : null,
          breakEvenReason: b.kind === 'adopters' ? null : b.reason,
          basis: basis.scenarios[scenario.name] ?? [],
        };
      }),
      appraisal: {
        years: assumptions.appraisal.years,
        goLive: model.timing.implementation,
        benefitsStart: model.timing.benefitsStart,
        implementationYear: model.timing.implementationYear,
        benefitsYear: model.timing.benefitsYear,
      },
      timeline: {
        decisionDate: assumptions.timeline.decisionDate,
        requiredMonths: model.timeline.requiredMonths,
        readyDate: model.timeline.readyDate,
        earliestRelease: model.timeline.earliestRelease,
        targetRelease: model.timeline.targetRelease,
        basis: basis.timeline,
      },
    },
    checks: { ok: checks.every((c) => c.pass), list: checks.map((c) => ({ name: c.name, description: c.description, pass: c.pass })) },
    findings,
    ...(carried.length ? { carriedForward: carried } : {}),
    ...(reportUpdated ? { reportUpdated: { path: reportUpdated.path, replaced: reportUpdated.replaced, unknown: reportUpdated.unknown, missing: reportUpdated.missing, stylesAdded: reportUpdated.stylesAdded } } : {}),
  };
}

function summary({ analysis, findings, model, uncertainty, basis, checks, assumptions, carried, reportUpdated }: Outcome, outPath: string): string {
  const { consultation, roles, results } = analysis;
  const { totals, industry, timeline } = model;
  const nameOf = (id: string | null) => results.find((r) => r.respondent.id === id)?.respondent.name;
  const quantified = totals.counts.band + totals.counts.zero;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const bySeverity = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const range = (r: { low: number; high: number }) => formatGbpRange(r.low, r.high);
  const mc = uncertainty.industryTotal;
  const central = model.scenarios.find((s) => s.result.name === 'Central') ?? model.scenarios[0];
  // As the report gives it: a share of the parties, never a fraction of a party.
  const parties = partiesIn(assumptions.industry.populations);
  const breakEven = (b: BreakEven) => (b.kind === 'adopters' ? `break-even at ${formatShare(b.share)} uptake (${wholeReaching(b.adopters)} of ${parties} parties)` : `break-even ${b.kind === 'not-reached' ? NOT_REACHED : NEVER}`);
  const lines = [
    `${consultation.modification.id} ${consultation.modification.title ? `‘${consultation.modification.title}’` : ''}${consultation.title ? ` (${consultation.title})` : ''}`.replace(/\s+/g, ' ').trim(),
    `${plural(results.length, 'respondent')}, ${plural(consultation.questions.length, 'question')}; cost question ${roles.costQuestion ?? 'not found'}, lead-time question ${roles.leadTimeQuestion ?? 'not found'}`,
    `Costs: ${quantified ? range(totals) : 'no figures'} from ${plural(quantified, 'respondent')} with a figure; ${totals.counts.unquantified} unquantified, ${totals.counts.none} no answer, ${totals.counts.unreadable} unreadable`,
    `Industry: ${range(industry.total)} (central ${formatGbpShort(industry.total.central)})${industry.wholeIndustry ? '' : ', not the whole industry (some categories taken to have only their respondents)'}; P10–P90 ${simulationCurrent(uncertainty, industry.total) ? formatGbpRange(mc.p10, mc.p90) : 'out of date'} (${uncertainty.iterations.toLocaleString('en-GB')} iterations, seed ${uncertainty.seed})`,
    `  ${basisText(basis.industry)}`,
    `Scenarios: ${model.scenarios.map(({ result: r }) => `${r.name} NPV ${formatGbpShort(r.npv)} (${formatGbpShort(r.npvAtCost.high)} to ${formatGbpShort(r.npvAtCost.low)} over the cost range), ${breakEven(r.breakEven)}`).join('; ')}`,
    ...(central ? [`  ${basisText(basis.scenarios[central.scenario.name] ?? [])}`] : []),
    `Timeline: ${timeline.requiredMonths} months${timeline.governingRespondent ? ` (${nameOf(timeline.governingRespondent)})` : timeline.governedBy === 'dcc' ? ' (DCC)' : ''} from decision on ${assumptions.timeline.decisionDate} → ready ${timeline.readyDate}; earliest release ${timeline.earliestRelease ?? 'none in the calendar'}`,
    `  ${basisText(basis.timeline)}`,
    `Checks: ${checksSummary(checks)}`,
    `Findings: ${findings.length === 0 ? 'none' : `${plural(bySeverity('error'), 'error')}, ${plural(bySeverity('warning'), 'warning')}, ${plural(bySeverity('info'), 'note')} (see the Findings sheet)`}`,
    ...carried,
    `Wrote ${outPath}, and the report as ${outPath.replace(/-cost-model\.xlsx$/, '-report')}.docx, .md and one CSV per table`,
    ...(reportUpdated?.lines ?? []),
  ];
  return `${lines.join('\n')}\n`;
}

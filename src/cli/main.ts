import { parseArgs } from 'node:util';
import { decodeText } from '../import/decodeText';
import { importText } from '../import/importText';
import type { Finding } from '../model/consultation';
import { costRange, formatCostBand } from '../model/costAnswer';
import { formatLeadTime, leadTimeRange } from '../model/leadTimeAnswer';
import type { Analysis } from '../model/responseAnalysis';
import { longestLeadTime, respondentTotals } from '../model/respondentTotals';
import { buildResponsePlan } from '../workbook/responseSheets';
import { planToXlsx } from './xlsxWriter';

/** Everything the CLI touches outside itself, so tests can run it in memory. */
export interface CliIo {
  readFile(path: string): Promise<Uint8Array>;
  /** Writes the whole file or nothing (a temporary file renamed into place). */
  writeFileAtomic(path: string, data: Uint8Array): Promise<void>;
  mkdir(path: string): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
  now(): Date;
  /** The bundled seed document, used when no document is named. */
  readonly defaultDocument: string;
}

const USAGE = `Usage: npm run model -- [document] [--out DIR] [--cost-question N] [--lead-time-question N] [--json]

Reads a collated consultation response document (an SEC "Annex D", text form) and writes
<DIR>/<modification>-cost-model.xlsx (DIR defaults to out/). With no document, reads the bundled seed.

  --out DIR                 folder for the workbook (created if missing)
  --cost-question N         use question N as the cost question instead of the one found from its wording
  --lead-time-question N    use question N as the lead-time question
  --json                    print one JSON document instead of the summary
  --help                    print this text`;

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Runs the main job. Returns the exit code: 0 done, 1 the document could not be used, 2 the command was wrong. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`error: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandLine(argv);
  if (args.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const path = args.document ?? io.defaultDocument;
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`, 1);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new CliError(`${path}: ${decoded.reason}`, 1);

  const { analysis, findings, fatal } = importText(decoded.text, baseName(path), {
    ...(args.costQuestion !== undefined ? { costQuestion: args.costQuestion } : {}),
    ...(args.leadTimeQuestion !== undefined ? { leadTimeQuestion: args.leadTimeQuestion } : {}),
  });
  // No respondents: the document is unusable. Otherwise a fatal finding is a question override that does not fit.
  if (fatal) throw new CliError(analysis.results.length ? fatal : `${path}: ${fatal}`, analysis.results.length ? 2 : 1);

  const plan = buildResponsePlan(analysis, findings);
  const bytesOut = await planToXlsx(plan, { creator: 'SEC modification cost model', created: io.now() });
  const id = analysis.consultation.modification.id || 'consultation';
  const outPath = `${args.out.replace(/\/+$/, '')}/${id}-cost-model.xlsx`;
  await io.mkdir(args.out);
  await io.writeFileAtomic(outPath, bytesOut);

  io.stdout(args.json ? `${JSON.stringify(jsonReport(analysis, findings), null, 2)}\n` : summary(analysis, findings, outPath));
  return 0;
}

interface CommandLine {
  document?: string;
  out: string;
  costQuestion?: number;
  leadTimeQuestion?: number;
  json: boolean;
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
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new CliError(`one document at a time (got ${positionals.length})\n${USAGE}`, 2);
  return {
    ...(positionals[0] !== undefined ? { document: positionals[0] } : {}),
    out: values.out ?? 'out',
    ...(values['cost-question'] !== undefined ? { costQuestion: questionNumber('--cost-question', values['cost-question']) } : {}),
    ...(values['lead-time-question'] !== undefined ? { leadTimeQuestion: questionNumber('--lead-time-question', values['lead-time-question']) } : {}),
    json: values.json ?? false,
    help: values.help ?? false,
  };
}

function questionNumber(flag: string, value: string): number {
  if (!/^\d{1,3}$/.test(value)) throw new CliError(`${flag} takes a question number, not "${value}"`, 2);
  return Number(value);
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The --json document: kinds spelled as the model spells them, open-ended highs as null. */
export function jsonReport(analysis: Analysis, findings: readonly Finding[]) {
  const totals = respondentTotals(analysis.results);
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
      respondentCostHigh: totals.high,
      quantified: totals.counts.band + totals.counts.zero,
      unquantified: totals.counts.unquantified,
      noAnswer: totals.counts.none,
      unreadable: totals.counts.unreadable,
      longestLeadTimeMonths: longestLeadTime(analysis.results)?.months ?? null,
    },
    findings,
  };
}

function summary(analysis: Analysis, findings: readonly Finding[], outPath: string): string {
  const { consultation, roles, results } = analysis;
  const totals = respondentTotals(results);
  const longest = longestLeadTime(results);
  const longestName = longest && results.find((r) => r.respondent.id === longest.respondentId);
  const quantified = totals.counts.band + totals.counts.zero;
  const bySeverity = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const lines = [
    `${consultation.modification.id} ${consultation.modification.title}${consultation.title ? ` (${consultation.title})` : ''}`.trim(),
    `${results.length} respondents, ${consultation.questions.length} questions; cost question ${roles.costQuestion ?? 'not found'}, lead-time question ${roles.leadTimeQuestion ?? 'not found'}`,
    `Costs: ${quantified ? formatCostBand(totals.low, totals.high) : 'no figures'} from ${quantified} respondent${quantified === 1 ? '' : 's'} with a figure; ${totals.counts.unquantified} unquantified, ${totals.counts.none} no answer, ${totals.counts.unreadable} unreadable`,
    `Longest lead time: ${longestName ? `${formatLeadTime(longestName.leadTime)} (${longestName.respondent.name})` : 'none given'}`,
    `Findings: ${findings.length === 0 ? 'none' : `${bySeverity('error')} errors, ${bySeverity('warning')} warnings, ${bySeverity('info')} notes (see the Findings sheet)`}`,
    `Wrote ${outPath}`,
  ];
  return `${lines.join('\n')}\n`;
}

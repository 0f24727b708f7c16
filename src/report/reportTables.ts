import type { ModelAssumptions, ModelResult } from '../model/costModel';
import { costRange, formatCostAnswer } from '../model/costAnswer';
import { formatLeadTime } from '../model/leadTimeAnswer';
import { formatGbpRange, formatGbpShort } from '../model/money';
import type { MonteCarloResult } from '../model/monteCarlo';
import type { Analysis } from '../model/responseAnalysis';
import { capitalise, countWord, formatMonths, formatReportDate, formatShare, listing } from './format';

/**
 * The tables SECAS puts in a Final Modification Report, as one model every renderer (Word, HTML,
 * Markdown, CSV) and the workbook's Report tables sheet draw from. Cells are report text; each
 * table carries a sentence built from its numbers and the assumptions to state under it.
 */
export interface ReportTable {
  /** Stable across exports, so a later export can replace exactly this table in a document. */
  readonly id: string;
  readonly title: string;
  readonly columns: readonly { readonly header: string; readonly align: 'left' | 'right' }[];
  readonly rows: readonly (readonly string[])[];
  readonly narrative: string;
  readonly notes: readonly string[];
}

export interface ReportInput {
  readonly analysis: Analysis;
  readonly assumptions: ModelAssumptions;
  readonly model: ModelResult;
  readonly uncertainty: MonteCarloResult;
}

/** The heading of the report's tables, e.g. "MP207 Allowing ...: costs, benefits and implementation". */
export function reportHeading(modification: { readonly id: string; readonly title: string }): string {
  return `${modification.id} ${modification.title}: costs, benefits and implementation`.trim();
}

const left = (header: string) => ({ header, align: 'left' as const });
const right = (header: string) => ({ header, align: 'right' as const });

export function reportTables(input: ReportInput): ReportTable[] {
  return [costEstimates(input), bandDistribution(input), industryCost(input), uptakeScenarios(input), leadTimes(input), summaryOfViews(input)];
}

function costEstimates({ analysis, model }: ReportInput): ReportTable {
  const { results } = analysis;
  const quantified = model.totals.counts.band + model.totals.counts.zero;
  return {
    id: 'cost-estimates',
    title: 'Consultation cost estimates',
    columns: [left('Respondent'), left('Category'), left('Cost (as written)'), right('Cost (as read)'), left('Notes')],
    rows: results.map(({ respondent, cost }) => [respondent.name, respondent.category, cost.text || '-', costRange(cost) ? formatCostAnswer(cost) : '-', cost.flag ?? '']),
    narrative:
      quantified === 0
        ? `None of the ${countWord(results.length)} respondents provided a cost estimate.`
        : `${capitalise(countWord(quantified))} of ${countWord(results.length)} respondents provided a cost estimate; their combined costs range from ${formatGbpShort(model.totals.low)} to ${formatGbpShort(model.totals.high)}.`,
    notes: model.totals.capped.length ? ['Open-ended estimates are capped at twice their lower figure.'] : [],
  };
}

function bandDistribution({ model }: ReportInput): ReportTable {
  const bands = model.bands;
  const top = [...bands].sort((a, b) => b.count - a.count)[0];
  return {
    id: 'band-distribution',
    title: 'Cost estimates by band',
    columns: [left('Cost band'), right('Respondents')],
    rows: bands.map((b) => [b.label, String(b.count)]),
    narrative: top ? `The most common answer was ${top.label} (${countWord(top.count)} respondent${top.count === 1 ? '' : 's'}).` : 'No respondent answered the cost question.',
    notes: [],
  };
}

function industryCost({ model, uncertainty }: ReportInput): ReportTable {
  const { industry, totals } = model;
  const c = industry.centralBodies;
  const mc = uncertainty.industryTotal;
  const rows: string[][] = [
    ['Respondents’ stated costs', formatGbpRange(totals.low, totals.high), formatGbpShort(totals.central)],
    ['All SEC parties (extrapolated)', formatGbpRange(industry.parties.low, industry.parties.high), formatGbpShort(industry.parties.central)],
    ['DCC implementation', formatGbpShort(c.dccImplementation), formatGbpShort(c.dccImplementation)],
    ['SECAS', formatGbpShort(c.secas), formatGbpShort(c.secas)],
    ['Total one-off cost', formatGbpRange(industry.total.low, industry.total.high), formatGbpShort(industry.total.central)],
    ['Simulated total, P10 to P90 (P50)', formatGbpRange(mc.p10, mc.p90), formatGbpShort(mc.p50)],
  ];
  if (c.dccOngoingPerYear > 0) rows.push(['DCC ongoing cost a year', formatGbpShort(c.dccOngoingPerYear), formatGbpShort(c.dccOngoingPerYear)]);
  return {
    id: 'industry-cost',
    title: 'Industry-wide implementation cost',
    columns: [left('Item'), right('Range'), right('Central')],
    rows,
    narrative: `Extrapolated to the whole industry, implementation would cost ${formatGbpRange(industry.total.low, industry.total.high)} (central estimate ${formatGbpShort(industry.total.central)}); the simulation puts it between ${formatGbpShort(mc.p10)} and ${formatGbpShort(mc.p90)} (P10 to P90).`,
    notes: [...industry.method, `Simulation: ${uncertainty.iterations.toLocaleString('en-GB')} Latin hypercube draws, seed ${uncertainty.seed}.`],
  };
}

function uptakeScenarios({ assumptions, model }: ReportInput): ReportTable {
  const scenarios = model.scenarios;
  const populations = assumptions.industry.populations;
  const totalParties = populations.reduce((s, p) => s + p.parties, 0);
  const byNpv = [...scenarios].sort((a, b) => a.result.npv - b.result.npv);
  const central = scenarios.find((s) => s.result.name === 'Central') ?? scenarios[0];
  const breakEven = (s: (typeof scenarios)[number]) =>
    s.result.breakEven.kind === 'adopters' ? `${s.result.breakEven.adopters.toFixed(1)} parties (${formatShare(s.result.breakEven.share)})` : 'never';
  const lowest = byNpv[0];
  const highest = byNpv[byNpv.length - 1];
  return {
    id: 'uptake-scenarios',
    title: 'Uptake scenarios',
    columns: [left('Scenario'), right('Adopting parties'), right('PV costs'), right('PV benefits'), right('NPV'), right('BCR'), right('Cost per adopter'), right('Break-even uptake')],
    rows: scenarios.map((s) => {
      const r = s.result;
      return [
        r.name,
        `${r.adopters.toFixed(1)}${totalParties > 0 ? ` (${formatShare(r.adopters / totalParties)})` : ''}`,
        formatGbpShort(r.pvCosts),
        formatGbpShort(r.pvBenefits),
        formatGbpShort(r.npv),
        r.bcr === null ? '-' : r.bcr.toFixed(2),
        r.costPerAdopter === null ? '-' : formatGbpShort(r.costPerAdopter),
        breakEven(s),
      ];
    }),
    narrative:
      lowest && highest && central
        ? `NPV ranges from ${formatGbpShort(lowest.result.npv)} (${lowest.result.name}) to ${formatGbpShort(highest.result.npv)} (${highest.result.name}); ${
            central.result.breakEven.kind === 'adopters' ? `the ${central.result.name} scenario breaks even at ${breakEven(central)}` : `in the ${central.result.name} scenario no uptake breaks even`
          }.`
        : 'No scenario was modelled.',
    notes: [
      'Present values in the price base year over the appraisal period, discounted as the Green Book prescribes; every party’s implementation cost and the central bodies’ costs fall whether or not a party adopts.',
      ...[...new Set(scenarios.map((s) => s.scenario.source))].map((s) => `Scenario figures: ${s}.`),
    ],
  };
}

const STATUS: Record<string, string> = {
  counted: '',
  'beyond-coverage': 'beyond the coverage chosen',
  'named-release': 'named a release',
  'as-proposed': 'accepts the proposed date',
  'not-implementing': 'would not implement',
  'no-answer': 'no answer',
  unreadable: 'answer not read',
};

function leadTimes({ analysis, assumptions, model }: ReportInput): ReportTable {
  const t = model.timeline;
  const byId = new Map(analysis.results.map((r) => [r.respondent.id, r]));
  const governing = t.governingRespondent ? byId.get(t.governingRespondent)?.respondent.name : null;
  const rows = t.respondents.map((r) => {
    const result = byId.get(r.respondentId)!;
    return [result.respondent.name, result.respondent.category, formatLeadTime(result.leadTime), r.readyBy ? formatReportDate(r.readyBy) : '-', STATUS[r.status] ?? r.status];
  });
  rows.push(['Required lead time', '', formatMonths(t.requiredMonths), formatReportDate(t.readyDate), t.governedBy === 'respondents' ? (governing ?? '') : t.governedBy === 'dcc' ? 'set by the DCC lead time' : t.governedBy === 'notice' ? 'set by the notice period' : '']);
  rows.push(['Earliest feasible release', '', '', t.earliestRelease ? formatReportDate(t.earliestRelease) : 'none in the calendar', '']);
  return {
    id: 'lead-times',
    title: 'Lead times and implementation',
    columns: [left('Respondent'), left('Category'), left('Lead time'), right('Ready by'), left('Notes')],
    rows,
    narrative: `${
      t.governedBy === 'respondents' && governing ? `The longest lead time among respondents who would implement is ${formatMonths(t.respondentMonths)} (${governing})` : `The required lead time is ${formatMonths(t.requiredMonths)}`
    }; from a decision on ${formatReportDate(assumptions.timeline.decisionDate)} the earliest feasible release is ${t.earliestRelease ? formatReportDate(t.earliestRelease) : 'beyond the release calendar'}.`,
    notes: ['Lead times run from the decision date; the release is the first in the SEC release calendar on or after the ready date.'],
  };
}

type View = 'Yes' | 'No' | 'Other' | 'No answer';

function viewOf(response: string): View {
  const r = response.trim().toLowerCase();
  if (r === '' || /^-+$/.test(r) || r === 'n/a') return 'No answer';
  if (/^yes\b/.test(r)) return 'Yes';
  if (/^no\b/.test(r)) return 'No';
  return 'Other';
}

function summaryOfViews({ analysis }: ReportInput): ReportTable {
  const { consultation } = analysis;
  const categoryOf = new Map(consultation.respondents.map((r) => [r.id, r.category]));
  const categories = [...new Set(consultation.respondents.map((r) => r.category))];
  const rows: string[][] = [];
  const mostlyNo: number[] = [];
  const mostlyYes: number[] = [];
  for (const q of consultation.questions) {
    const answers = consultation.answers.filter((a) => a.question === q.number && a.response !== '');
    if (answers.length === 0) continue;
    const tally = (category: string | null) => {
      const views = answers.filter((a) => category === null || categoryOf.get(a.respondentId) === category).map((a) => viewOf(a.response));
      return (['Yes', 'No', 'Other', 'No answer'] as const).map((v) => views.filter((x) => x === v).length);
    };
    for (const category of categories) rows.push([`Q${q.number}`, category, ...tally(category).map(String)]);
    const [yes, no, other] = tally(null) as [number, number, number];
    const answered = yes + no + other;
    if (no > answered / 2) mostlyNo.push(q.number);
    if (yes > answered / 2) mostlyYes.push(q.number);
  }
  const questionList = (qs: number[]) => `question${qs.length === 1 ? '' : 's'} ${listing(qs.map(String))}`;
  const parts = [mostlyYes.length ? `Most respondents answered Yes to ${questionList(mostlyYes)}` : '', mostlyNo.length ? `most answered No to ${questionList(mostlyNo)}` : ''].filter(Boolean);
  return {
    id: 'summary-of-views',
    title: 'Summary of views',
    columns: [left('Question'), left('Category'), right('Yes'), right('No'), right('Other'), right('No answer')],
    rows,
    narrative: parts.length ? `${capitalise(parts.join('; '))}.` : 'No question was answered Yes or No.',
    notes: ['Answers are counted from the first word of each response; questions asking only for comments are left out.'],
  };
}

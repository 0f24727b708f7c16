import { RELEASE_RULE } from '../model/calendarDates';
import type { ModelAssumptions, ModelResult } from '../model/costModel';
import type { MonteCarloResult } from '../model/monteCarlo';
import type { Analysis } from '../model/responseAnalysis';
import type { Uptake } from '../model/uptake';
import { col, date, num, text, type Cell, type SheetPlan } from './plan';

export const MODEL_SHEET_NAMES = {
  industry: 'Industry costs',
  scenarios: 'Scenarios',
  timeline: 'Timeline',
} as const;

const PER_PARTY_BASIS: Record<ModelResult['industry']['categories'][number]['perPartySource'], string> = {
  'category-mean': "category's respondents",
  'all-respondent-mean': 'all respondents',
  'per-party-value': 'value entered',
  zero: 'nothing',
  'not-needed': '',
};

/** Industry costs (with the uncertainty run), Scenarios and Timeline, as computed by the engine. */
export function buildModelSheets(analysis: Analysis, assumptions: ModelAssumptions, model: ModelResult, uncertainty: MonteCarloResult): SheetPlan[] {
  return [industrySheet(assumptions, model, uncertainty), scenarioSheet(assumptions, model), timelineSheet(analysis, assumptions, model)];
}

function industrySheet(assumptions: ModelAssumptions, model: ModelResult, mc: MonteCarloResult): SheetPlan {
  const { industry, totals } = model;
  const range = (r: { low: number; central: number; high: number }): Cell[] => [num(r.low), num(r.central), num(r.high)];
  const c = industry.centralBodies;
  return {
    name: MODEL_SHEET_NAMES.industry,
    tables: [
      {
        name: 'tblIndustryByCategory',
        title: 'Industry-wide implementation cost by category',
        columns: [
          col('Category', 'text', 26),
          col('Parties', 'integer', 9),
          col('Parties source', 'text', 30),
          col('Respondents', 'integer', 12),
          col('With a figure', 'integer', 12),
          col('Unquantified', 'integer', 12),
          col('Extrapolated parties', 'integer', 12),
          col('Per party central £', 'gbp', 14),
          col('Per party from', 'text', 20),
          col('Low £', 'gbp', 14),
          col('Central £', 'gbp', 14),
          col('High £', 'gbp', 14),
        ],
        rows: industry.categories.map((cat) => [
          text(cat.category),
          num(cat.parties),
          text(assumptions.industry.populations.find((p) => p.category === cat.category)?.source ?? ''),
          num(cat.respondents),
          num(cat.quantified),
          num(cat.unquantified),
          num(cat.extrapolated),
          num(cat.perParty.central),
          text(PER_PARTY_BASIS[cat.perPartySource]),
          ...range(cat.cost),
        ]),
      },
      {
        name: 'tblIndustryTotals',
        title: 'Totals',
        columns: [col('Item', 'text', 26), col('Low £', 'gbp', 14), col('Central £', 'gbp', 14), col('High £', 'gbp', 14)],
        rows: [
          [text('Respondents (stated figures)'), ...range(totals)],
          [text('All SEC parties (extrapolated)'), ...range(industry.parties)],
          [text('DCC implementation'), ...range({ low: c.dccImplementation, central: c.dccImplementation, high: c.dccImplementation })],
          [text('SECAS'), ...range({ low: c.secas, central: c.secas, high: c.secas })],
          [text('Total one-off cost'), ...range(industry.total)],
          [text('DCC ongoing cost per year'), ...range({ low: c.dccOngoingPerYear, central: c.dccOngoingPerYear, high: c.dccOngoingPerYear })],
        ],
      },
      {
        name: 'tblUncertainty',
        title: `Uncertainty: ${mc.iterations.toLocaleString('en-GB')} Latin hypercube draws, seed ${mc.seed}, ${distributionName(mc)}`,
        columns: [col('Measure', 'text', 26), col('Respondents £', 'gbp', 14), col('Industry total £', 'gbp', 16)],
        rows: (['p10', 'p50', 'p90', 'mean', 'min', 'max'] as const).map((k) => [
          text(k === 'mean' ? 'Mean' : k === 'min' ? 'Minimum' : k === 'max' ? 'Maximum' : k.toUpperCase()),
          num(mc.respondentTotal[k]),
          num(mc.industryTotal[k]),
        ]),
      },
      {
        name: 'tblIndustryHistogram',
        title: 'Distribution of the industry total',
        columns: [col('From £', 'gbp', 14), col('To £', 'gbp', 14), col('Draws', 'integer', 10)],
        rows: mc.histogram.map((b) => [num(b.from), num(b.to), num(b.count)]),
      },
    ],
    notes: [
      ...industry.method,
      `The uncertainty figures are values from a simulation run (seed ${mc.seed}, ${mc.iterations} iterations): run the model again after changing assumptions.`,
    ],
  };
}

function distributionName(mc: MonteCarloResult): string {
  const d = mc.distribution;
  return d.kind === 'uniform' ? 'uniform within each band' : `${d.kind === 'pert' ? 'PERT' : 'triangular'} with the mode at ${Math.round(d.modePosition * 100)}% of each band`;
}

function scenarioSheet(assumptions: ModelAssumptions, model: ModelResult): SheetPlan {
  const uptakeText = (uptake: Readonly<Record<string, Uptake>>) =>
    Object.entries(uptake)
      .map(([c, u]) => `${c}: ${u.kind === 'share' ? `${Math.round(u.share * 1000) / 10}%` : `${u.parties} parties`}`)
      .join('; ');
  return {
    name: MODEL_SHEET_NAMES.scenarios,
    tables: [
      {
        name: 'tblScenarioAssumptions',
        title: 'Scenario assumptions',
        columns: [
          col('Scenario', 'text', 14),
          col('Uptake', 'text', 40),
          col('Benefit per adopter a year £', 'gbp', 16),
          col('Ongoing cost per adopter a year £', 'gbp', 16),
          col('One-off cost per adopter £', 'gbp', 16),
          col('Start year', 'integer', 10),
          col('Appraisal years', 'integer', 10),
          col('Discounting', 'text', 40),
          col('Price base year', 'integer', 10),
          col('Source', 'text', 40),
        ],
        rows: assumptions.scenarios.map((s) => [
          text(s.name),
          text(uptakeText(s.uptake)),
          num(s.benefitPerAdopterPerYearGbp),
          num(s.ongoingCostPerAdopterPerYearGbp),
          num(s.oneOffCostPerAdopterGbp),
          num(s.startYear),
          num(s.appraisalYears),
          text(s.discount.source),
          num(s.priceBaseYear),
          text(s.source),
        ]),
      },
      {
        name: 'tblScenarioResults',
        title: 'Scenario results (present values)',
        columns: [
          col('Scenario', 'text', 14),
          col('Adopting parties', 'ratio', 12),
          col('PV costs £', 'gbp', 14),
          col('PV benefits £', 'gbp', 14),
          col('NPV £', 'gbp', 14),
          col('BCR', 'ratio', 8),
          col('Cost per adopter £', 'gbp', 14),
          col('Equivalent annual net cost £', 'gbp', 16),
          col('Break-even adopters', 'ratio', 12),
          col('Break-even share of parties', 'percent', 12),
        ],
        rows: model.scenarios.map(({ result: r }) => [
          text(r.name),
          num(r.adopters),
          num(r.pvCosts),
          num(r.pvBenefits),
          num(r.npv),
          num(r.bcr),
          num(r.costPerAdopter),
          num(r.equivalentAnnualNetCost),
          r.breakEven.kind === 'adopters' ? num(r.breakEven.adopters) : text('never'),
          r.breakEven.kind === 'adopters' && Number.isFinite(r.breakEven.share) ? num(r.breakEven.share) : text('never'),
        ]),
      },
      {
        name: 'tblSensitivity',
        title: 'Sensitivity: NPV with one assumption at a time at its low and high value',
        columns: [col('Scenario', 'text', 14), col('Assumption', 'text', 28), col('Low value', 'text', 18), col('High value', 'text', 28), col('NPV at low £', 'gbp', 14), col('NPV at high £', 'gbp', 14)],
        rows: model.scenarios.flatMap(({ result, tornado }) =>
          tornado.map((b) => [text(result.name), text(b.assumption), text(b.lowLabel), text(b.highLabel), num(b.npvAtLow), num(b.npvAtHigh)]),
        ),
      },
    ],
    notes: [
      "Costs every party bears whether or not it adopts (each party's implementation and the central bodies' costs) fall in year 0; each adopter's one-off cost falls in the start year; benefits and ongoing costs run from the start year to the end of the appraisal period.",
      'Break-even adopters: the number of adopting parties at which NPV is zero (the switching value of uptake); "never" when an adopter costs at least as much as it gains.',
    ],
  };
}

const STATUS_TEXT: Record<string, string> = {
  counted: 'counted',
  'beyond-coverage': 'beyond the coverage chosen',
  'named-release': 'named a release',
  'as-proposed': 'accepts the proposed date',
  'not-implementing': 'would not implement',
  'no-answer': 'no answer',
  unreadable: 'answer not read',
};

function timelineSheet(analysis: Analysis, assumptions: ModelAssumptions, model: ModelResult): SheetPlan {
  const t = model.timeline;
  const byId = new Map(analysis.results.map((r) => [r.respondent.id, r.respondent]));
  const governing = t.governingRespondent ? byId.get(t.governingRespondent)?.name : null;
  return {
    name: MODEL_SHEET_NAMES.timeline,
    tables: [
      {
        name: 'tblTimelineSummary',
        title: 'Implementation timeline',
        columns: [col('Item', 'text', 28), col('Value', 'text', 40)],
        rows: [
          [text('Required lead time (months)'), num(t.requiredMonths)],
          [text('Set by'), text(t.governedBy === 'respondents' ? (governing ?? 'respondents') : t.governedBy === 'dcc' ? 'DCC lead time' : t.governedBy === 'notice' ? 'minimum notice' : 'nothing')],
          [text('Ready by'), date(t.readyDate)],
          [text('Earliest feasible release'), t.earliestRelease ? date(t.earliestRelease) : text('none in the calendar')],
          [text('Release calendar rule'), text(RELEASE_RULE)],
        ],
      },
      {
        name: 'tblReadiness',
        title: 'Respondents',
        columns: [col('Respondent', 'text', 28), col('Category', 'text', 18), col('Status', 'text', 24), col('Lead time months', 'months', 12), col('Ready by', 'date', 14), col('Ready for the release', 'text', 12)],
        rows: t.respondents.map((r) => {
          const respondent = byId.get(r.respondentId);
          return [
            text(respondent?.name ?? r.respondentId),
            text(respondent?.category ?? ''),
            text(STATUS_TEXT[r.status] ?? r.status),
            num(r.leadTimeMonths),
            date(r.readyBy),
            text(r.readyBy === null ? '' : t.notReady.includes(r.respondentId) ? 'no' : 'yes'),
          ];
        }),
      },
      {
        name: 'tblMilestones',
        title: 'Milestones',
        columns: [col('Milestone', 'text', 28), col('Start', 'date', 14), col('End', 'date', 14)],
        rows: t.milestones.map((m) => [text(m.name), date(m.start), date(m.end)]),
      },
      {
        name: 'tblReleases',
        title: 'SEC release calendar (edit to match the published dates)',
        columns: [col('Release', 'date', 14)],
        rows: [...assumptions.timeline.releases].sort().map((d) => [date(d)]),
      },
    ],
    notes: [RELEASE_RULE],
  };
}

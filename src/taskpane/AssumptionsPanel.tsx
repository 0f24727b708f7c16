import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Fragment, useCallback, useRef, useState, type Dispatch, type ReactNode } from 'react';
import { basisText, resultBasis } from '../model/basis';
import type { ModelAssumptions, ModelOverrides } from '../model/costModel';
import type { CentralCosts } from '../model/industryCost';
import { figuresStatus, namedStatus, populationStatus, uptakeStatus } from '../model/inputStatus';
import { formatGbpShort, wholeReaching } from '../model/money';
import { formatShare } from '../report/format';
import { simulationCurrent, type MonteCarloResult } from '../model/monteCarlo';
import type { FigureRule } from '../model/typedFigures';
import { FEWER_THAN_ONE, MAX_APPRAISAL_YEARS, NEVER, NO_COSTS, NOT_REACHED, type ScenarioResult } from '../model/uptake';
import type { WorkbookHost } from '../workbook/host';
import { withAppraisalYears, withCentral, withDiscountRate, withParties, withScenarioFigure, withUptake } from './assumptionEdits';
import { FigureField, invalidReason, useInvalidFields } from './FigureField';
import { OverrideTable } from './OverrideTable';
import type { ImportAction } from './importState';
import type { ModelState } from './modelState';
import { StatusMessage } from './StatusMessage';
import { Cancelled, type UncertaintyRun, type UncertaintyRunner } from './uncertaintyRunner';
import { usePartDraft } from './usePartDraft';

const PERCENTILE_ROWS = ['p10', 'p50', 'p90', 'mean', 'min', 'max'] as const;

/** The results each scenario shows: a sum of money is kept on one line; a result that cannot exist says why in words. */
const RESULT_ROWS: ReadonlyArray<readonly [string, (r: ScenarioResult, money: (gbp: number) => ReactNode) => ReactNode]> = [
  ['NPV', (r, money) => money(r.npv)],
  [
    'NPV, high to low industry cost',
    (r, money) => (
      <>
        {money(r.npvAtCost.high)} to {money(r.npvAtCost.low)}
      </>
    ),
  ],
  ['BCR', (r) => (r.bcr === null ? NO_COSTS : r.bcr.toFixed(2))],
  ['Cost per adopter', (r, money) => (r.costPerAdopter === null ? FEWER_THAN_ONE : money(r.costPerAdopter))],
  // A share of the parties, with the whole parties that reach it, as the report gives it: never a fraction of a party.
  ['Break-even', (r) => (r.breakEven.kind === 'adopters' ? `${formatShare(r.breakEven.share)} (${wholeReaching(r.breakEven.adopters)} ${wholeReaching(r.breakEven.adopters) === 1 ? 'party' : 'parties'})` : r.breakEven.kind === 'not-reached' ? NOT_REACHED : NEVER)],
];

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  // A sum of money is never split between its sign and its figure.
  figure: { whiteSpace: 'nowrap' },
  results: { tableLayout: 'fixed', width: '100%' },
  placeholder: { color: tokens.colorNeutralForeground3 },
  line: { display: 'block' },
  stale: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * The main assumptions beside live results: change a population, a central cost, an uptake or a
 * benefit and NPV, BCR, cost per adopter and break-even follow at once (the engine reruns); "Write
 * to workbook" sets the same cells in the workbook, whose formulas then agree.
 */
export function AssumptionsPanel({ model, dispatch, host, runner }: { model: ModelState; dispatch: Dispatch<ImportAction>; host: WorkbookHost; runner: UncertaintyRunner }) {
  const styles = useStyles();
  const { analysis } = model.source;
  const { draft, setDraft, run, pending, write, status, setStatus } = usePartDraft(model, 'assumptions', dispatch, host, "the workbook's formulas");
  const [progress, setProgress] = useState<number | null>(null);
  const [simulated, setSimulated] = useState<MonteCarloResult | null>(null);
  const current = useRef<UncertaintyRun | null>(null);

  const simulate = async () => {
    if (!run.ok) return;
    setStatus(null);
    setProgress(0);
    const started = runner({ analysis, assumptions: draft, industry: run.result.industry }, (done, total) => setProgress(done / total));
    current.current = started;
    try {
      const result = await started.result;
      setSimulated(result);
      // The simulation's percentiles are values in the workbook, written where the import put them,
      // with the totals it ran on, which the workbook compares with today's to say whether it is current.
      await host.writeInputs([
        ...PERCENTILE_ROWS.flatMap((k, row) => [
          { kind: 'table' as const, table: 'tblUncertainty', row, col: 1, value: result.respondentTotal[k] },
          { kind: 'table' as const, table: 'tblUncertainty', row, col: 2, value: result.industryTotal[k] },
        ]),
        ...(['low', 'central', 'high'] as const).map((k, row) => ({ kind: 'table' as const, table: 'tblSimulationRun', row, col: 1, value: result.ranOn[k] })),
      ]);
      setStatus({ intent: 'success', text: `Simulated ${result.iterations.toLocaleString('en-GB')} draws (seed ${result.seed}) and wrote the percentiles to Industry costs.` });
    } catch (e) {
      setStatus(e instanceof Cancelled ? { intent: 'success', text: 'Simulation cancelled; nothing was written.' } : { intent: 'error', text: `The simulation stopped: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setProgress(null);
      current.current = null;
    }
  };

  const { invalid, report } = useInvalidFields();
  // Stable, so the override list redraws only when the overrides change.
  const changeOverrides = useCallback((overrides: ModelOverrides) => dispatch({ type: 'draftOverridesChanged', overrides }), [dispatch]);
  const blocked = invalidReason(invalid);
  const figure = (label: string, value: number | null, rule: FigureRule, apply: (n: number | null) => ModelAssumptions, hint?: string) => (
    <FigureField key={label} label={label} value={value} rule={rule} report={report} hint={hint} onValue={(n) => setDraft(apply(n))} />
  );
  const money = (label: string, value: number, apply: (n: number) => ModelAssumptions, hint?: string) =>
    figure(label, value, { unit: 'gbp', min: 0 }, (n) => (n === null ? draft : apply(n)), hint);
  // A central-body cost left blank is not yet provided, and counts as nothing.
  const central = (label: string, key: keyof CentralCosts, unit: 'gbp' | 'days' = 'gbp') =>
    figure(label, draft.industry.central[key], { unit, min: 0, blankAllowed: true }, (n) => withCentral(draft, key, n), draft.industry.central[key] === null ? 'not yet provided: counted as nothing' : undefined);
  const categories = draft.industry.populations.filter((p) => p.parties > 0 || analysis.results.some((r) => r.respondent.category === p.category));
  const respondentsIn = (category: string) => analysis.results.filter((r) => r.respondent.category === category).length;
  const basis = run.ok ? resultBasis(analysis, draft, run.result) : null;
  const centralName = draft.scenarios.find((s) => s.name === 'Central')?.name ?? draft.scenarios[0]?.name;
  const sum = (gbp: number) => <span className={styles.figure}>{formatGbpShort(gbp)}</span>;
  const simulationStale = simulated !== null && run.ok && !simulationCurrent(simulated, run.result.industry.total);

  return (
    <div className={styles.panel}>
      <Text as="h3" weight="semibold">Industry</Text>
      <Text className={styles.placeholder}>DCC: the Data Communications Company. SECAS: the Code Administrator and Secretariat.</Text>
      <div className={styles.grid}>
        {categories.map((p) => {
          const n = respondentsIn(p.category);
          return figure(
            `${p.category}: parties`,
            p.parties,
            { unit: 'count', min: n },
            (v) => (v === null ? draft : withParties(draft, p.category, v)),
            populationStatus(p) === 'default' ? `default: the ${n} respondent${n === 1 ? '' : 's'} in it` : `at least the ${n} respondent${n === 1 ? '' : 's'} in it`,
          );
        })}
        {central('DCC implementation cost', 'dccImplementationGbp')}
        {central('DCC ongoing cost a year', 'dccOngoingGbpPerYear')}
        {central('SECAS effort (days)', 'secasDays', 'days')}
        {central('SECAS day rate', 'secasDayRateGbp')}
        {figure('Discount rate, years 0 to 30', draft.appraisal.discount.bands[0]?.rate ?? 0, { unit: 'percent', min: 0, max: 0.1 }, (n) => (n === null ? draft : withDiscountRate(draft, n)), 'HM Treasury Green Book: 3.5%')}
        {figure('Appraisal period (years of benefits)', draft.appraisal.years, { unit: 'years', min: 1, max: MAX_APPRAISAL_YEARS }, (n) => (n === null ? draft : withAppraisalYears(draft, n)), namedStatus(draft, 'AppraisalYears') === 'default' ? 'default: ten years' : undefined)}
      </div>
      <Text as="h3" weight="semibold">
        Overrides of parsed answers
      </Text>
      <Text className={styles.placeholder}>A figure typed here is used in place of the respondent's answer; a blank box leaves the answer as read.</Text>
      <OverrideTable results={analysis.results} overrides={draft.overrides} onChange={changeOverrides} report={report} invalid={invalid} />
      {draft.scenarios.map((s) => {
        const placeholder = [uptakeStatus(s, categories.map((p) => p.category)) === 'placeholder' ? 'uptake' : '', figuresStatus(s) === 'placeholder' ? 'figures per adopter' : ''].filter(Boolean);
        return (
          <Fragment key={s.name}>
            <Text as="h3" weight="semibold">
              {s.name} scenario
            </Text>
            {placeholder.length > 0 && <Text className={styles.placeholder}>Placeholder {placeholder.join(' and ')}: illustrative until the panel enters its own.</Text>}
            <div className={styles.grid}>
              {categories.map((p) => {
                const u = s.uptake[p.category];
                return figure(`${s.name} uptake: ${p.category}`, u?.kind === 'share' ? u.share : 0, { unit: 'percent', min: 0, max: 1 }, (n) => (n === null ? draft : withUptake(draft, s.name, p.category, n)));
              })}
              {money(`${s.name}: benefit per adopter a year`, s.benefitPerAdopterPerYearGbp, (n) => withScenarioFigure(draft, s.name, 'benefitPerAdopterPerYearGbp', n))}
              {money(`${s.name}: one-off cost per adopter`, s.oneOffCostPerAdopterGbp, (n) => withScenarioFigure(draft, s.name, 'oneOffCostPerAdopterGbp', n))}
              {money(`${s.name}: ongoing cost per adopter a year`, s.ongoingCostPerAdopterPerYearGbp, (n) => withScenarioFigure(draft, s.name, 'ongoingCostPerAdopterPerYearGbp', n))}
            </div>
          </Fragment>
        );
      })}
      <Text as="h3" weight="semibold">Results</Text>
      {blocked && (
        <MessageBar intent="warning">
          <MessageBarBody>Out of date: these results are for the last figures that could be read. {blocked}</MessageBarBody>
        </MessageBar>
      )}
      {run.ok ? (
        <>
          {basis && centralName && <Text className={styles.placeholder}>{basisText(basis.scenarios[centralName] ?? [])}.</Text>}
          {/* Scenarios across, measures down: three narrow columns fit a 320-pixel pane. */}
          <Table size="small" aria-label="Scenario results" className={styles.results}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Measure</TableHeaderCell>
                {run.result.scenarios.map(({ result: r }) => (
                  <TableHeaderCell key={r.name}>{r.name}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {RESULT_ROWS.map(([measure, show]) => (
                <TableRow key={measure}>
                  <TableCell>{measure}</TableCell>
                  {run.result.scenarios.map(({ result: r }) => (
                    <TableCell key={r.name}>{show(r, sum)}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Text>
            Industry one-off cost: {sum(run.result.industry.total.central)} central
            {run.result.industry.wholeIndustry ? '' : ' (not the whole industry: some categories are taken to have only their respondents)'}.
          </Text>
        </>
      ) : (
        <MessageBar intent="warning">
          <MessageBarBody>
            {run.problems.map((p) => (
              <span key={p} className={styles.line}>
                {p}
              </span>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.grid}>
        <Button appearance="primary" disabled={!run.ok || pending.length === 0 || blocked !== null} onClick={write}>
          Write to workbook
        </Button>
        {progress === null ? (
          <Button disabled={!run.ok} onClick={simulate}>
            Run uncertainty
          </Button>
        ) : (
          <Button onClick={() => current.current?.cancel()}>Cancel simulation</Button>
        )}
      </div>
      {progress !== null && (
        <Field label="Simulating" validationState="none">
          <ProgressBar value={progress} aria-label="Simulation progress" />
        </Field>
      )}
      {blocked && <Text role="status">Nothing can be written yet. {blocked}</Text>}
      {simulated && (
        <Text aria-label="Simulated industry cost" className={simulationStale ? styles.stale : undefined}>
          {simulationStale ? 'Out of date — run again: the costs it ran on have changed since. ' : ''}
          Industry cost P10 {sum(simulated.industryTotal.p10)}, P50 {sum(simulated.industryTotal.p50)}, P90 {sum(simulated.industryTotal.p90)}.
        </Text>
      )}
      <StatusMessage status={status} />
    </div>
  );
}

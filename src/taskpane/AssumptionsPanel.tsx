import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { Fragment, useRef, useState, type Dispatch } from 'react';
import type { ModelAssumptions } from '../model/costModel';
import type { CentralCosts } from '../model/industryCost';
import { formatGbpShort } from '../model/money';
import type { WorkbookHost } from '../workbook/host';
import type { MonteCarloResult } from '../model/monteCarlo';
import { FEWER_THAN_ONE, NEVER, NOT_REACHED } from '../model/uptake';
import { withAppraisalYears, withBenefit, withCentral, withDiscountRate, withParties, withUptake } from './assumptionEdits';
import { OverrideTable } from './OverrideTable';
import type { ImportAction } from './importState';
import type { ModelState } from './modelState';
import { StatusMessage } from './StatusMessage';
import { typedNumber } from './typedNumber';
import { Cancelled, type UncertaintyRun, type UncertaintyRunner } from './uncertaintyRunner';
import { usePartDraft } from './usePartDraft';

const PERCENTILE_ROWS = ['p10', 'p50', 'p90', 'mean', 'min', 'max'] as const;

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))', gap: tokens.spacingHorizontalS },
});

/**
 * The main assumptions beside live results: change a population, a central cost, an uptake or a
 * benefit and NPV, BCR, cost per adopter and break-even follow at once (the engine reruns); "Write
 * to workbook" sets the same cells in the workbook, whose formulas then agree.
 */
export function AssumptionsPanel({ model, dispatch, host, runner }: { model: ModelState; dispatch: Dispatch<ImportAction>; host: WorkbookHost; runner: UncertaintyRunner }) {
  const styles = useStyles();
  const { analysis } = model.source;
  const { draft, setDraft, run, pending, write, status, setStatus, revision } = usePartDraft(model, 'assumptions', dispatch, host, "the workbook's formulas");
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

  const numberField = (label: string, value: number, apply: (n: number) => ModelAssumptions, scale = 1) => (
    <Field label={label} key={label}>
      <Input
        inputMode="decimal"
        defaultValue={String(Math.round(value * scale * 1000) / 1000)}
        onChange={(_, data) => {
          const n = typedNumber(data.value);
          if (n !== null) setDraft(apply(n / scale));
        }}
      />
    </Field>
  );
  // A central-body cost left blank is not yet provided, and counts as nothing.
  const central = (label: string, key: keyof CentralCosts) => (
    <Field label={label} key={label} hint={draft.industry.central[key] === null ? 'not yet provided' : undefined}>
      <Input
        inputMode="decimal"
        defaultValue={draft.industry.central[key] === null ? '' : String(draft.industry.central[key])}
        onChange={(_, data) => {
          const n = typedNumber(data.value);
          if (n !== null || data.value.trim() === '') setDraft(withCentral(draft, key, n));
        }}
      />
    </Field>
  );
  const categories = draft.industry.populations.filter((p) => p.parties > 0 || analysis.results.some((r) => r.respondent.category === p.category));

  return (
    <section className={styles.panel} aria-label="Assumptions and scenarios">
      <Fragment key={revision}>
        <Subtitle2 as="h2">Assumptions and scenarios</Subtitle2>
        <div className={styles.grid}>
          {categories.map((p) => numberField(`${p.category} parties`, p.parties, (n) => withParties(draft, p.category, Math.round(n))))}
          {central('DCC implementation £', 'dccImplementationGbp')}
          {central('DCC ongoing £ a year', 'dccOngoingGbpPerYear')}
          {central('SECAS days', 'secasDays')}
          {central('SECAS day rate £', 'secasDayRateGbp')}
          {numberField('Discount rate to year 30 %', draft.appraisal.discount.bands[0]?.rate ?? 0, (n) => withDiscountRate(draft, n), 100)}
          {numberField('Appraisal period (years of benefits)', draft.appraisal.years, (n) => withAppraisalYears(draft, Math.round(n)))}
        </div>
        <OverrideTable results={analysis.results} overrides={draft.overrides} onChange={(overrides) => setDraft({ ...draft, overrides })} />
        <div className={styles.grid}>
          {draft.scenarios.flatMap((s) => [
            ...categories.map((p) => {
              const u = s.uptake[p.category];
              return numberField(`${s.name} uptake, ${p.category} %`, u?.kind === 'share' ? u.share : 0, (n) => withUptake(draft, s.name, p.category, n), 100);
            }),
            numberField(`${s.name} benefit per adopter £ a year`, s.benefitPerAdopterPerYearGbp, (n) => withBenefit(draft, s.name, n)),
          ])}
        </div>
        {run.ok ? (
          <Table size="small" aria-label="Scenario results">
            <TableHeader>
              <TableRow>
                {['Scenario', 'NPV', 'BCR', 'Cost per adopter', 'Break-even'].map((h) => (
                  <TableHeaderCell key={h}>{h}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {run.result.scenarios.map(({ result: r }) => (
                <TableRow key={r.name}>
                  <TableCell>{r.name}</TableCell>
                  <TableCell>{formatGbpShort(r.npv)}</TableCell>
                  <TableCell>{r.bcr === null ? '-' : r.bcr.toFixed(2)}</TableCell>
                  <TableCell>{r.costPerAdopter === null ? FEWER_THAN_ONE : formatGbpShort(r.costPerAdopter)}</TableCell>
                  <TableCell>{r.breakEven.kind === 'adopters' ? `${r.breakEven.adopters.toFixed(1)} parties` : r.breakEven.kind === 'not-reached' ? NOT_REACHED : NEVER}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <MessageBar intent="warning">
            <MessageBarBody>{run.problems.join(' ')}</MessageBarBody>
          </MessageBar>
        )}
        {run.ok && <span>Industry one-off cost: {formatGbpShort(run.result.industry.total.central)} central.</span>}
        <div className={styles.grid}>
          <Button appearance="primary" disabled={!run.ok || pending.length === 0} onClick={write}>
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
        {simulated && (
          <span aria-label="Simulated industry cost">
            Industry cost P10 {formatGbpShort(simulated.industryTotal.p10)}, P50 {formatGbpShort(simulated.industryTotal.p50)}, P90 {formatGbpShort(simulated.industryTotal.p90)}.
          </span>
        )}
        <StatusMessage status={status} />
      </Fragment>
    </section>
  );
}

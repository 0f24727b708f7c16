import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { runModel, type ModelAssumptions } from '../model/costModel';
import type { CentralCosts } from '../model/industryCost';
import { formatGbpShort } from '../model/money';
import type { Analysis } from '../model/responseAnalysis';
import type { WorkbookHost } from '../workbook/host';
import { inputChanges } from '../workbook/inputCells';
import { withBenefit, withCentral, withDccLeadTime, withParties, withUptake } from './assumptionEdits';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))', gap: tokens.spacingHorizontalS },
});

/** A number from an input, or null while what is typed is not one. */
function numberOf(value: string): number | null {
  const n = Number(value.replace(/[£,%\s]/g, ''));
  return value.trim() !== '' && Number.isFinite(n) ? n : null;
}

/**
 * The main assumptions beside live results: change a population, a central cost, an uptake or a
 * benefit and NPV, BCR, cost per adopter and break-even follow at once (the engine reruns); "Write
 * to workbook" sets the same cells in the workbook, whose formulas then agree.
 */
export function AssumptionsPanel({ analysis, assumptions, host }: { analysis: Analysis; assumptions: ModelAssumptions; host: WorkbookHost }) {
  const styles = useStyles();
  const [written, setWritten] = useState(assumptions);
  const [draft, setDraft] = useState(assumptions);
  const [status, setStatus] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const run = useMemo(() => runModel(analysis, draft), [analysis, draft]);
  const pending = inputChanges(written, draft);

  const numberField = (label: string, value: number, apply: (n: number) => ModelAssumptions, scale = 1) => (
    <Field label={label} key={label}>
      <Input
        inputMode="decimal"
        defaultValue={String(Math.round(value * scale * 1000) / 1000)}
        onChange={(_, data) => {
          const n = numberOf(data.value);
          if (n !== null) setDraft(apply(n / scale));
        }}
      />
    </Field>
  );
  const central = (label: string, key: keyof CentralCosts) => numberField(label, draft.industry.central[key], (n) => withCentral(draft, key, n));
  const categories = draft.industry.populations.filter((p) => p.parties > 0 || analysis.results.some((r) => r.respondent.category === p.category));

  const write = async () => {
    try {
      await host.writeInputs(pending);
      setWritten(draft);
      setStatus({ intent: 'success', text: `Wrote ${pending.length} cell${pending.length === 1 ? '' : 's'}; the workbook's formulas recalculate.` });
    } catch (e) {
      setStatus({ intent: 'error', text: `The workbook did not take the change (${e instanceof Error ? e.message : String(e)}). Nothing else was changed.` });
    }
  };

  return (
    <section className={styles.panel} aria-label="Assumptions and scenarios">
      <Subtitle2 as="h2">Assumptions and scenarios</Subtitle2>
      <div className={styles.grid}>
        {categories.map((p) => numberField(`${p.category} parties`, p.parties, (n) => withParties(draft, p.category, Math.round(n))))}
        {central('DCC implementation £', 'dccImplementationGbp')}
        {central('DCC ongoing £ a year', 'dccOngoingGbpPerYear')}
        {central('SECAS days', 'secasDays')}
        {central('SECAS day rate £', 'secasDayRateGbp')}
        {numberField('DCC lead time (months)', draft.timeline.dccLeadTimeMonths, (n) => withDccLeadTime(draft, n))}
      </div>
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
                <TableCell>{r.costPerAdopter === null ? '-' : formatGbpShort(r.costPerAdopter)}</TableCell>
                <TableCell>{r.breakEven.kind === 'adopters' ? `${r.breakEven.adopters.toFixed(1)} parties` : 'never'}</TableCell>
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
      <div>
        <Button appearance="primary" disabled={!run.ok || pending.length === 0} onClick={write}>
          Write to workbook
        </Button>
      </div>
      {status && (
        <MessageBar intent={status.intent}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

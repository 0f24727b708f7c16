import { Input, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { ModelOverrides } from '../model/costModel';
import type { RespondentResult } from '../model/responseAnalysis';
import { withCostOverride, withLeadTimeOverride } from './assumptionEdits';
import { typedNumber } from './typedNumber';

const useStyles = makeStyles({
  // Three boxes and a name must fit a 320-pixel pane: the boxes shrink, the name column leads.
  table: { tableLayout: 'fixed', width: '100%' },
  name: { width: '30%', overflowWrap: 'anywhere' },
  box: { minWidth: 0, width: '100%' },
});

/**
 * The modeller's figures in place of parsed answers: low and high cost and lead-time months per
 * respondent. A blank box means the parsed answer counts.
 */
export function OverrideTable({ results, overrides, onChange }: { results: readonly RespondentResult[]; overrides: ModelOverrides; onChange: (next: ModelOverrides) => void }) {
  const styles = useStyles();
  return (
    <Table size="small" aria-label="Overrides" className={styles.table}>
      <TableHeader>
        <TableRow>
          {['Respondent', 'Low £', 'High £', 'Months'].map((h, i) => (
            <TableHeaderCell key={h} className={i === 0 ? styles.name : undefined}>
              {h}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {results.map(({ respondent }) => {
          const o = overrides.costs[respondent.id] ?? {};
          const box = (label: string, value: number | undefined, apply: (v: number | undefined) => ModelOverrides) => (
            <TableCell>
              <Input
                className={styles.box}
                size="small"
                aria-label={`${label}, ${respondent.name}`}
                defaultValue={value === undefined ? '' : String(value)}
                onChange={(_, d) => onChange(apply(d.value.trim() === '' ? undefined : (typedNumber(d.value) ?? undefined)))}
              />
            </TableCell>
          );
          return (
            <TableRow key={respondent.id}>
              <TableCell className={styles.name}>{respondent.name}</TableCell>
              {box('Override low £', o.low, (v) => withCostOverride(overrides, respondent.id, 'low', v))}
              {box('Override high £', o.high, (v) => withCostOverride(overrides, respondent.id, 'high', v))}
              {box('Override months', overrides.leadTimeMonths[respondent.id], (v) => withLeadTimeOverride(overrides, respondent.id, v))}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

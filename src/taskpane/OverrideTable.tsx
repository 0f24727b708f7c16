import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ModelOverrides } from '../model/costModel';
import type { RespondentResult } from '../model/responseAnalysis';
import { withCostOverride, withLeadTimeOverride } from './assumptionEdits';
import { FigureField } from './FigureField';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  // A long name is cut to one line; the whole name is on hover and to screen readers.
  name: { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  // Three boxes side by side where they fit whole, wrapping on a narrow pane.
  boxes: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(6.5rem, 1fr))', gap: tokens.spacingHorizontalS, alignItems: 'start' },
});

/**
 * The modeller's figures in place of parsed answers: low and high cost and lead-time months per
 * respondent. A blank box means the parsed answer counts; what is typed is kept, or marked with
 * the reason it cannot be read.
 */
export function OverrideTable({
  results,
  overrides,
  onChange,
  report,
}: {
  results: readonly RespondentResult[];
  overrides: ModelOverrides;
  onChange: (next: ModelOverrides) => void;
  report: (label: string, message: string | null) => void;
}) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="Overrides">
      {results.map(({ respondent }) => {
        const o = overrides.costs[respondent.id] ?? {};
        const money = (end: 'low' | 'high', visible: string) => (
          <FigureField
            label={`Override ${end} £, ${respondent.name}`}
            visibleLabel={visible}
            size="small"
            value={o[end] ?? null}
            rule={{ unit: 'gbp', min: 0, blankAllowed: true }}
            report={report}
            onValue={(v) => onChange(withCostOverride(overrides, respondent.id, end, v ?? undefined))}
          />
        );
        return (
          <li key={respondent.id}>
            <Text className={styles.name} weight="semibold" title={respondent.name}>
              {respondent.name}
            </Text>
            <div className={styles.boxes}>
              {money('low', 'Low £')}
              {money('high', 'High £')}
              <FigureField
                label={`Override months, ${respondent.name}`}
                visibleLabel="Months"
                size="small"
                value={overrides.leadTimeMonths[respondent.id] ?? null}
                rule={{ unit: 'months', min: 0, max: 240, blankAllowed: true }}
                report={report}
                onValue={(v) => onChange(withLeadTimeOverride(overrides, respondent.id, v ?? undefined))}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

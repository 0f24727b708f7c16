import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ModelOverrides } from '../model/costModel';
import type { RespondentResult } from '../model/responseAnalysis';
import { withCostOverride, withLeadTimeOverride } from './assumptionEdits';
import { FigureField, type Invalid } from './FigureField';
import { useRespondentWindow } from './RespondentFilter';
import { memo, useMemo } from 'react';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  // A long name is cut to one line; the whole name is on hover and to screen readers.
  name: { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  // Three boxes side by side where they fit whole, wrapping on a narrow pane.
  boxes: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(6.5rem, 1fr))', gap: tokens.spacingHorizontalS, alignItems: 'start' },
});

/** The accessible names of a respondent's three boxes: low £, high £, months. */
const labelsOf = (name: string) => [`Override low £, ${name}`, `Override high £, ${name}`, `Override months, ${name}`] as const;

/**
 * The modeller's figures in place of parsed answers: low and high cost and lead-time months per
 * respondent. A blank box means the parsed answer counts; what is typed is kept, or marked with
 * the reason it cannot be read.
 */
export const OverrideTable = memo(function OverrideTable({
  results,
  overrides,
  onChange,
  report,
  invalid,
}: {
  results: readonly RespondentResult[];
  overrides: ModelOverrides;
  onChange: (next: ModelOverrides) => void;
  report: (label: string, message: string | null) => void;
  invalid: Invalid;
}) {
  const styles = useStyles();
  // A respondent with a figure typed, or with text being corrected, stays in view.
  const typed = useMemo(
    () => new Set([...Object.keys(overrides.costs), ...Object.keys(overrides.leadTimeMonths), ...results.filter((r) => labelsOf(r.respondent.name).some((l) => invalid.has(l))).map((r) => r.respondent.id)]),
    [overrides, invalid, results],
  );
  const { shown, filter } = useRespondentWindow(results, typed);
  return (
    <>
      {filter}
      <ul className={styles.list} aria-label="Overrides">
        {shown.map(({ respondent }) => {
          const o = overrides.costs[respondent.id] ?? {};
          const money = (end: 'low' | 'high', visible: string) => (
            <FigureField
              label={labelsOf(respondent.name)[end === 'low' ? 0 : 1]}
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
                  label={labelsOf(respondent.name)[2]}
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
    </>
  );
});

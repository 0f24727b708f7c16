import {
  Badge,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { formatCostAnswer, formatCostBand } from '../model/costAnswer';
import type { ModelOverrides } from '../model/costModel';
import { formatLeadTime } from '../model/leadTimeAnswer';
import type { RespondentResult } from '../model/responseAnalysis';
import { respondentCosts } from '../model/respondentTotals';
import { formatMonths } from '../report/format';
import { memo, useMemo } from 'react';
import { useRespondentWindow } from './RespondentFilter';

const useStyles = makeStyles({
  // Badges do not wrap by default; "Would not implement" must fit a narrow pane.
  value: { whiteSpace: 'normal', height: 'auto', textAlign: 'start' },
  // A long name is cut to two lines; the whole name is on hover and to screen readers.
  name: { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', overflowWrap: 'anywhere' },
  flag: { color: tokens.colorPaletteMarigoldForeground2, display: 'block', fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  override: { color: tokens.colorBrandForeground1, display: 'block', fontSize: tokens.fontSizeBase200 },
  source: { color: tokens.colorNeutralForeground3, display: 'block', fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

/** One row per respondent: parsed cost and lead time, what was written, any flag and any override typed. Text only. */
export const ResponsePreview = memo(function ResponsePreview({ results, overrides }: { results: readonly RespondentResult[]; overrides: ModelOverrides }) {
  const styles = useStyles();
  const typed = useMemo(() => new Set([...Object.keys(overrides.costs), ...Object.keys(overrides.leadTimeMonths)]), [overrides]);
  const { shown, filter } = useRespondentWindow(results, typed);
  const typedCosts = new Map(respondentCosts(shown, undefined, overrides.costs).filter((c) => overrides.costs[c.respondentId]).map((c) => [c.respondentId, c]));
  return (
    <>
      {filter}
      <Table size="small" aria-label="Parsed respondents">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Respondent</TableHeaderCell>
            <TableHeaderCell>Cost</TableHeaderCell>
            <TableHeaderCell>Lead time</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map(({ respondent, cost, leadTime }) => {
            const typedCost = typedCosts.get(respondent.id);
            const typedMonths = overrides.leadTimeMonths[respondent.id];
            return (
              <TableRow key={respondent.id}>
                <TableCell>
                  <Text weight="semibold" className={styles.name} title={respondent.name}>
                    {respondent.name}
                  </Text>
                  <span className={styles.source}>{respondent.category}</span>
                </TableCell>
                <ParsedValueCell
                  display={formatCostAnswer(cost)}
                  answer={cost}
                  figure={cost.kind === 'band' || cost.kind === 'zero'}
                  override={typedCost && formatCostBand(typedCost.low, typedCost.high)}
                />
                <ParsedValueCell
                  display={formatLeadTime(leadTime)}
                  answer={leadTime}
                  figure={leadTime.kind === 'months' || leadTime.kind === 'immediate'}
                  override={typedMonths === undefined ? undefined : formatMonths(typedMonths)}
                />
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
});

/** A parsed value as a badge, the words the respondent wrote under it, the flag and the modeller's figure if any. */
function ParsedValueCell({ display, answer, figure, override }: { display: string; answer: { text: string; flag?: string }; figure: boolean; override: string | undefined }) {
  const styles = useStyles();
  return (
    <TableCell>
      <Badge className={styles.value} appearance="tint" color={figure ? 'brand' : 'informative'}>
        {display}
      </Badge>
      <span className={styles.source}>“{answer.text}”</span>
      {answer.flag && <span className={styles.flag}>{answer.flag}</span>}
      {override !== undefined && <span className={styles.override}>Override: {override}</span>}
    </TableCell>
  );
}

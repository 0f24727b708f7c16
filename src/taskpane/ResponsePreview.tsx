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

const useStyles = makeStyles({
  // Badges do not wrap by default; "Would not implement" must fit a narrow pane.
  value: { whiteSpace: 'normal', height: 'auto', textAlign: 'start' },
  flag: { color: tokens.colorPaletteMarigoldForeground2, display: 'block', fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  override: { color: tokens.colorBrandForeground1, display: 'block', fontSize: tokens.fontSizeBase200 },
  source: { color: tokens.colorNeutralForeground3, display: 'block', fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

/** One row per respondent: parsed cost and lead time, what was written, any flag and any override typed. Text only. */
export function ResponsePreview({ results, overrides }: { results: readonly RespondentResult[]; overrides: ModelOverrides }) {
  const styles = useStyles();
  const typedCosts = new Map(respondentCosts(results, undefined, overrides.costs).filter((c) => overrides.costs[c.respondentId]).map((c) => [c.respondentId, c]));
  return (
    <Table size="small" aria-label="Parsed respondents">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Respondent</TableHeaderCell>
          <TableHeaderCell>Cost</TableHeaderCell>
          <TableHeaderCell>Lead time</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {results.map(({ respondent, cost, leadTime }) => {
          const typedCost = typedCosts.get(respondent.id);
          const typedMonths = overrides.leadTimeMonths[respondent.id];
          return (
            <TableRow key={respondent.id}>
              <TableCell>
                <Text weight="semibold">{respondent.name}</Text>
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
  );
}

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

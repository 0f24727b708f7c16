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
import { formatCostAnswer } from '../model/costAnswer';
import { formatLeadTime } from '../model/leadTimeAnswer';
import type { RespondentResult } from '../model/responseAnalysis';

const useStyles = makeStyles({
  // Badges do not wrap by default; "Would not implement" must fit a narrow pane.
  value: { whiteSpace: 'normal', height: 'auto', textAlign: 'start' },
  flag: { color: tokens.colorPaletteMarigoldForeground2, display: 'block', fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  source: { color: tokens.colorNeutralForeground3, display: 'block', fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

/** One row per respondent: parsed cost and lead time, what was written, and any flag. Text only. */
export function ResponsePreview({ results }: { results: readonly RespondentResult[] }) {
  const styles = useStyles();
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
        {results.map(({ respondent, cost, leadTime }) => (
          <TableRow key={respondent.id}>
            <TableCell>
              <Text weight="semibold">{respondent.name}</Text>
              <span className={styles.source}>{respondent.category}</span>
            </TableCell>
            <ParsedValueCell display={formatCostAnswer(cost)} answer={cost} figure={cost.kind === 'band' || cost.kind === 'zero'} />
            <ParsedValueCell display={formatLeadTime(leadTime)} answer={leadTime} figure={leadTime.kind === 'months' || leadTime.kind === 'immediate'} />
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** A parsed value as a badge, the words the respondent wrote under it, and the flag if any. */
function ParsedValueCell({ display, answer, figure }: { display: string; answer: { text: string; flag?: string }; figure: boolean }) {
  const styles = useStyles();
  return (
    <TableCell>
      <Badge className={styles.value} appearance="tint" color={figure ? 'brand' : 'informative'}>
        {display}
      </Badge>
      <span className={styles.source}>“{answer.text}”</span>
      {answer.flag && <span className={styles.flag}>{answer.flag}</span>}
    </TableCell>
  );
}

import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Checkbox, Field, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Text, tokens } from '@fluentui/react-components';
import { useMemo, type Dispatch } from 'react';
import { formatCostBand } from '../model/costAnswer';
import type { ModelOverrides } from '../model/costModel';
import type { RoleOverrides } from '../model/questionRoles';
import { DEFAULT_COST_OPTIONS, respondentTotals } from '../model/respondentTotals';
import type { Analysis } from '../model/responseAnalysis';
import type { ImportResult } from '../import/importText';
import type { WorkbookHost } from '../workbook/host';
import type { Invalid } from './invalidFields';
import type { ImportAction, ImportState } from './importState';
import { OverrideTable } from './OverrideTable';
import { ResponsePreview } from './ResponsePreview';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  // A native select grows to its longest option; keep it inside the pane.
  select: { minWidth: 0, width: '100%', maxWidth: '100%' },
  note: { display: 'block' },
});

interface ReadReviewProps {
  readonly result: ImportResult;
  readonly state: ImportState;
  readonly dispatch: Dispatch<ImportAction>;
  readonly hostKind: WorkbookHost['kind'];
  /** No cost question was found: the modeller chooses one or confirms there is none. */
  readonly costMissing: boolean;
  readonly noCostQuestion: boolean;
  readonly setNoCostQuestion: (none: boolean) => void;
  readonly typedProblems: readonly string[];
  readonly typeOverrides: (overrides: ModelOverrides) => void;
  readonly report: (label: string, message: string | null) => void;
  readonly invalid: Invalid;
  readonly usable: boolean;
  readonly holdBack: string | null;
  readonly onImport: () => void;
}

/** Step 1 once a document is read: what was found, the question choices, the preview, figures typed over it, and the import. */
export function ReadReview({ result, state, dispatch, hostKind, costMissing, noCostQuestion, setNoCostQuestion, typedProblems, typeOverrides, report, invalid, usable, holdBack, onImport }: ReadReviewProps) {
  const styles = useStyles();
  // Worked out when the read or the typed figures change, not on every edit elsewhere.
  const summary = useMemo(() => summaryLine(result.analysis, state.valueOverrides), [result, state.valueOverrides]);

  const questionPicker = (role: keyof RoleOverrides, label: string) => {
    const chosen = role === 'costQuestion' ? result.analysis.roles.costQuestion : result.analysis.roles.leadTimeQuestion;
    return (
      <Field label={label}>
        <Select
          className={styles.select}
          value={chosen === null || chosen === undefined ? '' : String(chosen)}
          onChange={(_, data) => dispatch({ type: 'overrideChanged', role, question: data.value === '' ? undefined : Number(data.value) })}
        >
          <option value="">Not found</option>
          {result.analysis.consultation.questions.map((q) => (
            <option key={q.number} value={q.number}>
              {`Q${q.number}: ${q.text.length > 60 ? `${q.text.slice(0, 57)}...` : q.text}`}
            </option>
          ))}
        </Select>
      </Field>
    );
  };

  return (
    <>
      {costMissing && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>No cost question found</MessageBarTitle>
            Without it every cost is read as no answer. Choose the question that asks about costs below, or confirm the document has none.
            <Checkbox checked={noCostQuestion} onChange={(_, d) => setNoCostQuestion(d.checked === true)} label="This document has no cost question" />
          </MessageBarBody>
        </MessageBar>
      )}
      {result.analysis.results.length > 0 && (
        <>
          <Text>{summary}</Text>
          {state.reads.length > 1 && (
            <Checkbox
              checked={state.laterSupersedes}
              onChange={(_, data) => dispatch({ type: 'supersedeChanged', laterSupersedes: data.checked === true })}
              label="Later consultations' answers supersede earlier ones"
            />
          )}
          {questionPicker('costQuestion', 'Cost question')}
          {questionPicker('leadTimeQuestion', 'Lead-time question')}
          <ResponsePreview results={result.analysis.results} overrides={state.valueOverrides} />
          {state.importedRead !== state.readNumber && (
            <Accordion collapsible>
              <AccordionItem value="overrides">
                <AccordionHeader>Override parsed figures before importing</AccordionHeader>
                <AccordionPanel>
                  <OverrideTable results={result.analysis.results} overrides={state.valueOverrides} onChange={typeOverrides} report={report} invalid={invalid} />
                </AccordionPanel>
              </AccordionItem>
            </Accordion>
          )}
          {typedProblems.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>Check the figures typed</MessageBarTitle>
                {typedProblems.map((p) => (
                  <span key={p} className={styles.note}>
                    {p}.
                  </span>
                ))}
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.row}>
            <Button appearance="primary" disabled={!usable || state.busy} onClick={onImport}>
              {hostKind === 'excel' ? 'Import into workbook' : 'Import into preview workbook'}
            </Button>
            {state.busy && <Spinner size="tiny" label="Writing..." />}
          </div>
          {holdBack && <Text role="status">{holdBack}</Text>}
        </>
      )}
    </>
  );
}

function summaryLine(analysis: Analysis, overrides: ModelOverrides): string {
  const totals = respondentTotals(analysis.results, DEFAULT_COST_OPTIONS, overrides.costs);
  const quantified = totals.counts.band + totals.counts.zero;
  const typed = overrideCount(overrides);
  const { id, title } = analysis.consultation.modification;
  const withTyped = typed ? ` with ${typed} override${typed === 1 ? '' : 's'}` : '';
  return `${id} ${title}: ${analysis.results.length} respondent${analysis.results.length === 1 ? '' : 's'}; ${quantified} gave a figure, totalling ${formatCostBand(totals.low, totals.high)}${withTyped}; ${totals.counts.unquantified} unquantified.`;
}

/** Respondents with a figure typed for cost or lead time. */
export function overrideCount(o: ModelOverrides): number {
  return new Set([...Object.keys(o.costs), ...Object.keys(o.leadTimeMonths)]).size;
}

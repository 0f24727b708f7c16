import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { subjectTitle, type Finding } from '../model/consultation';
import type { FindingFix } from '../model/findingFixes';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, listStyleType: 'none', margin: 0, padding: 0 },
  quote: { display: 'block', color: tokens.colorNeutralForeground3, wordBreak: 'break-word' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

const INTENT = { error: 'error', warning: 'warning', info: 'info' } as const;

/** What a finding offers: showing its row in the workbook, and the fix it proposes (with whether it is in place). */
export interface FindingActions {
  readonly onShow?: (index: number) => void;
  readonly fixOf?: (finding: Finding) => { readonly fix: FindingFix; readonly applied: boolean } | null;
  readonly onFix?: (fix: FindingFix) => void;
}

/**
 * Every finding, titled by the respondent and question it is about (or its line), with the text
 * it is about, as plain text; once imported, each can be shown in the workbook, and one that
 * proposes a figure can be accepted in one step.
 */
export function FindingList({ findings, onShow, fixOf, onFix }: { findings: readonly Finding[] } & FindingActions) {
  const styles = useStyles();
  if (findings.length === 0) return null;
  return (
    <ul className={styles.list} aria-label="Findings">
      {findings.map((f, i) => {
        const title = f.about ? subjectTitle(f.about) : f.line > 0 ? `Line ${f.line}` : 'Document';
        const prefix = f.about ? `${title}: ` : '';
        const body = prefix && f.message.startsWith(prefix) ? f.message.slice(prefix.length) : f.message;
        const offer = fixOf?.(f) ?? null;
        return (
          <li key={i}>
            <MessageBar intent={INTENT[f.severity]} layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{title}</MessageBarTitle>
                {body}
                {f.text && (
                  <Text className={styles.quote}>
                    {f.about && f.line > 0 ? `Line ${f.line}: ` : ''}“{f.text.length > 200 ? `${f.text.slice(0, 197)}...` : f.text}”
                  </Text>
                )}
              </MessageBarBody>
              {(onShow || offer) && (
                <MessageBarActions>
                  <span className={styles.actions}>
                    {offer &&
                      (offer.applied ? (
                        <Text>{offer.fix.done}</Text>
                      ) : (
                        <Button size="small" appearance="primary" onClick={() => onFix?.(offer.fix)}>
                          {offer.fix.label}
                        </Button>
                      ))}
                    {onShow && (
                      <Button size="small" onClick={() => onShow(i)} aria-label={`Show finding ${i + 1} in the workbook`}>
                        Show
                      </Button>
                    )}
                  </span>
                </MessageBarActions>
              )}
            </MessageBar>
          </li>
        );
      })}
    </ul>
  );
}

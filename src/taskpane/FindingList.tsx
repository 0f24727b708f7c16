import { memo, useState } from 'react';
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { subjectTitle, type Finding } from '../model/consultation';
import type { FindingFix } from '../model/findingFixes';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, listStyleType: 'none', margin: 0, padding: 0 },
  quote: { display: 'block', color: tokens.colorNeutralForeground3, wordBreak: 'break-word' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

const INTENT = { error: 'error', warning: 'warning', info: 'info' } as const;
const RANK = { error: 0, warning: 1, info: 2 } as const;
/** How many findings a long list opens on. */
const FIRST_FEW = 20;

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
export const FindingList = memo(function FindingList({ findings, onShow, fixOf, onFix }: { findings: readonly Finding[] } & FindingActions) {
  const styles = useStyles();
  const [all, setAll] = useState(false);
  if (findings.length === 0) return null;
  // Errors and warnings first; a long list opens on its first few.
  const ordered = findings.map((f, i) => ({ f, i })).sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i);
  const shown = all ? ordered : ordered.slice(0, FIRST_FEW);
  return (
    <>
      <ul className={styles.list} aria-label="Findings">
        {shown.map(({ f, i }) => {
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
      {shown.length < ordered.length && (
        <Button onClick={() => setAll(true)}>Show the other {(ordered.length - shown.length).toLocaleString('en-GB')} findings</Button>
      )}
    </>
  );
});

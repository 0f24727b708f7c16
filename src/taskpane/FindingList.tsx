import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { Finding } from '../model/consultation';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  quote: { display: 'block', color: tokens.colorNeutralForeground3, wordBreak: 'break-word' },
});

const INTENT = { error: 'error', warning: 'warning', info: 'info' } as const;

/** Every finding with its line and the text it is about, as plain text; once imported, each can be shown in the workbook. */
export function FindingList({ findings, onShow }: { findings: readonly Finding[]; onShow?: (index: number) => void }) {
  const styles = useStyles();
  if (findings.length === 0) return null;
  return (
    <section className={styles.list} aria-label="Findings">
      {findings.map((f, i) => (
        <MessageBar key={i} intent={INTENT[f.severity]}>
          <MessageBarBody>
            <MessageBarTitle>{f.line > 0 ? `Line ${f.line}` : 'Document'}</MessageBarTitle>
            {f.message}
            {f.text && <span className={styles.quote}>“{f.text.length > 200 ? `${f.text.slice(0, 197)}...` : f.text}”</span>}
          </MessageBarBody>
          {onShow && (
            <MessageBarActions>
              <Button size="small" onClick={() => onShow(i)} aria-label={`Show finding ${i + 1} in the workbook`}>
                Show
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ))}
    </section>
  );
}

import { makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

/** One numbered step of the pane's work, in the order a modeller takes them. */
export function Step({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.step} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id}>
        {number} {title}
      </Subtitle2>
      {children}
    </section>
  );
}

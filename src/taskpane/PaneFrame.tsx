import { FluentProvider, makeStyles, Subtitle1, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { THEMES, type ThemeName } from './theme';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minHeight: '100vh', boxSizing: 'border-box' },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  logo: { width: '32px', height: '32px' },
  note: { color: tokens.colorNeutralForeground3 },
});

/** What both panes (Excel's and Word's) show around their steps: the theme, the title, and a note when running outside Office. */
export function PaneFrame({ theme, preview, children }: { theme: ThemeName; preview: string | null; children: ReactNode }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={THEMES[theme]}>
      <main className={styles.page}>
        <header className={styles.header}>
          <img className={styles.logo} src="assets/logo.png" alt="" />
          <Subtitle1 as="h1">SEC Modification Cost Model</Subtitle1>
        </header>
        {preview && <Text className={styles.note}>{preview}</Text>}
        {children}
      </main>
    </FluentProvider>
  );
}

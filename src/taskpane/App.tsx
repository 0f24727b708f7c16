import { FluentProvider, makeStyles, Subtitle1, Text, tokens } from '@fluentui/react-components';
import type { WorkbookHost } from '../workbook/host';
import { ImportPanel } from './ImportPanel';
import { THEMES, type ThemeName } from './theme';
import { readInPage, type TextReader } from './textReader';
import { runInPage, type UncertaintyRunner } from './uncertaintyRunner';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minHeight: '100vh', boxSizing: 'border-box' },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  logo: { width: '32px', height: '32px' },
  note: { color: tokens.colorNeutralForeground3 },
});

export function App({ host, theme = 'light', runner = runInPage, reader = readInPage }: { host: WorkbookHost; theme?: ThemeName; runner?: UncertaintyRunner; reader?: TextReader }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={THEMES[theme]}>
      <main className={styles.page}>
        <header className={styles.header}>
          <img className={styles.logo} src="assets/logo.png" alt="" />
          <Subtitle1 as="h1">SEC Modification Cost Model</Subtitle1>
        </header>
        {host.kind === 'preview' && (
          <Text className={styles.note}>Running outside Excel: imports go to an in-memory preview workbook.</Text>
        )}
        <ImportPanel host={host} runner={runner} reader={reader} />
      </main>
    </FluentProvider>
  );
}

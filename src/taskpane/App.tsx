import type { WorkbookHost } from '../workbook/host';
import { ImportPanel } from './ImportPanel';
import { PaneFrame } from './PaneFrame';
import type { ThemeName } from './theme';
import { readInPage, type TextReader } from './textReader';
import { runInPage, type UncertaintyRunner } from './uncertaintyRunner';

export function App({ host, theme = 'light', runner = runInPage, reader = readInPage }: { host: WorkbookHost; theme?: ThemeName; runner?: UncertaintyRunner; reader?: TextReader }) {
  return (
    <PaneFrame theme={theme} preview={host.kind === 'preview' ? 'Running outside Excel: imports go to an in-memory preview workbook.' : null}>
      <ImportPanel host={host} runner={runner} reader={reader} />
    </PaneFrame>
  );
}

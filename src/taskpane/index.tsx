import { createRoot } from 'react-dom/client';
import { createOfficeHost } from '../excel/officeHost';
import { createMemoryHost } from '../workbook/memoryHost';
import { App } from './App';
import { themeFor, type ThemeName } from './theme';
import { runInWorker, workerReader } from './workerRunner';

// React renders once Office is ready; outside Excel (a plain browser) the host is the in-memory workbook,
// and the theme follows the browser's preference instead of Office's.
Office.onReady((info) => {
  const inExcel = info.host === Office.HostType.Excel;
  const host = inExcel ? createOfficeHost() : createMemoryHost();
  const officeTheme = inExcel ? Office.context.officeTheme : undefined;
  const theme: ThemeName = officeTheme
    ? themeFor(officeTheme.bodyBackgroundColor, officeTheme.bodyForegroundColor)
    : window.matchMedia?.('(prefers-color-scheme: dark)').matches
      ? 'dark'
      : 'light';
  createRoot(document.getElementById('root')!).render(<App host={host} theme={theme} {...(typeof Worker === 'undefined' ? {} : { runner: runInWorker, reader: workerReader() })} />);
});

import { createRoot } from 'react-dom/client';
import { createOfficeHost } from '../excel/officeHost';
import { createMemoryHost } from '../workbook/memoryHost';
import { App } from './App';
import { paneTheme } from './theme';
import { runInWorker, workerReader } from './workerRunner';

// React renders once Office is ready; outside Excel (a plain browser) the host is the in-memory workbook,
// and the theme follows the browser's preference instead of Office's.
Office.onReady((info) => {
  const inExcel = info.host === Office.HostType.Excel;
  const host = inExcel ? createOfficeHost() : createMemoryHost();
  createRoot(document.getElementById('root')!).render(<App host={host} theme={paneTheme(inExcel)} {...(typeof Worker === 'undefined' ? {} : { runner: runInWorker, reader: workerReader() })} />);
});

import { createRoot } from 'react-dom/client';
import { App } from './App';
import { lazyHost } from './lazyHost';
import { paneTheme } from './theme';
import { runInWorker, workerReader } from './workerRunner';

// React renders once Office is ready; outside Excel (a plain browser) the host is the in-memory workbook,
// and the theme follows the browser's preference instead of Office's. The host's code (office-js
// writer or preview workbook) loads after the first step is on screen, with the rest of the pane.
Office.onReady((info) => {
  const inExcel = info.host === Office.HostType.Excel;
  const host = inExcel
    ? lazyHost('excel', () => import(/* webpackChunkName: "excel-host" */ '../excel/officeHost').then((m) => m.createOfficeHost()))
    : lazyHost('preview', () => import(/* webpackChunkName: "preview-host" */ '../workbook/memoryHost').then((m) => m.createMemoryHost()));
  // Settles after the frame that shows the first step: the read worker starts then.
  const shown = new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  createRoot(document.getElementById('root')!).render(<App host={host} theme={paneTheme(inExcel)} {...(typeof Worker === 'undefined' ? {} : { runner: runInWorker, reader: workerReader(shown) })} />);
});

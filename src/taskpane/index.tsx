import { createRoot } from 'react-dom/client';
import { createOfficeHost } from '../excel/officeHost';
import { createMemoryHost } from '../workbook/memoryHost';
import { App } from './App';

// React renders once Office is ready; outside Excel (a plain browser) the host is the in-memory workbook.
Office.onReady((info) => {
  const host = info.host === Office.HostType.Excel ? createOfficeHost() : createMemoryHost();
  createRoot(document.getElementById('root')!).render(<App host={host} />);
});

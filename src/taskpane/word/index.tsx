import { createRoot } from 'react-dom/client';
import { createMemoryDocument } from '../../report/memoryDocument';
import { createOfficeDocumentHost } from '../../word/officeDocumentHost';
import { paneTheme } from '../theme';
import { WordPane } from './WordPane';

// The Word pane renders once Office is ready; outside Word (a plain browser) it works on an in-memory document.
Office.onReady((info) => {
  const inWord = info.host === Office.HostType.Word;
  createRoot(document.getElementById('root')!).render(<WordPane host={inWord ? createOfficeDocumentHost() : createMemoryDocument()} theme={paneTheme(inWord)} />);
});

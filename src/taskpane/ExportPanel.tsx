import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ReportExport } from '../report/reportTables';
import { renderHtml, renderMarkdown } from '../report/renderText';
import { StatusMessage, type Status } from './StatusMessage';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** The report tables of the last import: a Word file to download, HTML or Markdown to paste. */
export function ExportPanel({ report }: { report: ReportExport }) {
  const styles = useStyles();
  const [status, setStatus] = useState<Status | null>(null);

  const download = async () => {
    // The Word writer is large; it loads when a report is first downloaded.
    const { renderDocx } = await import('../report/renderDocx');
    const bytes = await renderDocx(report.tables, report.heading);
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${report.stem}-report.docx`;
    link.click();
    URL.revokeObjectURL(url);
    setStatus({ intent: 'success', text: `Downloaded ${link.download}.` });
  };

  const copy = async (kind: 'html' | 'markdown') => {
    const markdown = renderMarkdown(report.tables, report.heading);
    try {
      if (kind === 'html') {
        const html = renderHtml(report.tables);
        await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([markdown], { type: 'text/plain' }) })]);
      } else {
        await navigator.clipboard.writeText(markdown);
      }
      setStatus({ intent: 'success', text: kind === 'html' ? 'Copied: paste into Word to get the tables with their borders.' : 'Copied as Markdown.' });
    } catch {
      setStatus({ intent: 'error', text: 'The clipboard is not available here: download the Word file instead.' });
    }
  };

  return (
    <section aria-label="Export the report tables">
      <div className={styles.row}>
        <Button onClick={download}>Download Word report</Button>
        <Button onClick={() => copy('html')}>Copy tables for Word</Button>
        <Button onClick={() => copy('markdown')}>Copy as Markdown</Button>
      </div>
      <StatusMessage status={status} />
    </section>
  );
}

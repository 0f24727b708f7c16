import { Button, Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState, type ChangeEvent } from 'react';
import type { DocumentHost } from '../../report/documentHost';
import { formatReportDate, listing } from '../../report/format';
import { StatusMessage, type Status } from '../StatusMessage';
import { Step } from '../Step';
import { PaneFrame } from '../PaneFrame';
import type { ThemeName } from '../theme';
import { readModelWorkbook, type ChosenModel } from './modelWorkbook';

const useStyles = makeStyles({
  note: { color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  hidden: { display: 'none' },
  // A long table title shortens in the box rather than widening the pane.
  tableField: { flex: '1 1 12rem', minWidth: 0 },
  fill: { width: '100%', maxWidth: '100%', minWidth: 0 },
});

/**
 * The pane in Word: the Final Modification Report's tables refreshed in place from a model
 * workbook, or inserted at the cursor. The document is only ever changed inside the tables'
 * tagged content controls (and where the author inserts one).
 */
export function WordPane({ host, theme = 'light' }: { host: DocumentHost; theme?: ThemeName }) {
  const styles = useStyles();
  const fileInput = useId();
  const [model, setModel] = useState<ChosenModel | null>(null);
  const [inDocument, setInDocument] = useState<readonly string[] | null>(null);
  // Each message shows under the step it is about.
  const [status, setStatus] = useState<(Status & { readonly step: 1 | 2 | 3 }) | null>(null);
  const statusFor = (step: 1 | 2 | 3) => <StatusMessage status={status?.step === step ? status : null} />;
  const [chosenTable, setChosenTable] = useState('');
  const [busy, setBusy] = useState(false);

  const unreadable = (e: unknown) => setStatus({ step: 2, intent: 'error', text: `The document's tables could not be read: ${(e as Error).message}` });
  const lookAtDocument = () => host.taggedTables().then(setInDocument, unreadable);
  // What the document holds when the pane opens; after each change the pane looks again.
  useEffect(() => {
    let open = true;
    host.taggedTables().then(
      (ids) => open && setInDocument(ids),
      (e: unknown) => open && unreadable(e),
    );
    return () => {
      open = false;
    };
  }, [host]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    const read = await readModelWorkbook(file.name, new Uint8Array(await file.arrayBuffer()));
    setBusy(false);
    if ('error' in read) {
      setStatus({ step: 1, intent: 'error', text: model ? `${read.error} Still using ${model.fileName}.` : read.error });
      return;
    }
    setModel(read);
    setChosenTable(read.report.tables[0]?.id ?? '');
    setStatus(null);
  };

  const titleOf = (id: string) => model?.report.tables.find((t) => t.id === id)?.title ?? id;
  // Titles are quoted and set apart by semicolons: they contain "and" themselves.
  const titles = (ids: readonly string[]) => ids.map((id) => `“${titleOf(id)}”`).join('; ');

  const refresh = async () => {
    if (!model) return;
    setBusy(true);
    try {
      const done = await host.refreshTables(model.pieces);
      const parts = [`Refreshed ${done.replaced.length} table${done.replaced.length === 1 ? '' : 's'} from ${model.fileName}: ${titles(done.replaced)}.`];
      if (done.unknown.length) parts.push(`Left as they were: ${listing(done.unknown)}, which this model does not make.`);
      if (done.missing.length) parts.push(`Not in the document: ${titles(done.missing)}. Insert them below if the report needs them.`);
      setStatus({ step: 2, intent: done.unknown.length ? 'warning' : 'success', text: parts.join(' ') });
    } catch (e) {
      setStatus({ step: 2, intent: 'error', text: `Nothing was refreshed: ${(e as Error).message}` });
    } finally {
      setBusy(false);
      await lookAtDocument();
    }
  };

  const insert = async () => {
    if (!model || !chosenTable) return;
    setBusy(true);
    try {
      await host.insertTable(model.pieces, chosenTable);
      setStatus({ step: 3, intent: 'success', text: `Inserted “${titleOf(chosenTable)}” at the cursor, with its caption; Refresh finds it from now on. Word renumbers the captions when fields are updated (select all, F9).` });
    } catch (e) {
      setStatus({ step: 3, intent: 'error', text: `The table was not inserted: ${(e as Error).message}` });
    } finally {
      setBusy(false);
      await lookAtDocument();
    }
  };

  const ours = inDocument ?? [];
  const refreshable = model ? ours.filter((id) => model.report.tables.some((t) => t.id === id)) : [];
  const whyNoRefresh = !model ? 'Choose the model workbook first.' : refreshable.length === 0 ? 'Insert the tables below first.' : null;

  return (
    <PaneFrame theme={theme} preview={host.kind === 'preview' ? 'Running outside Word: tables go to an in-memory preview document.' : null}>

        <Step number={1} title="Choose the model workbook">
          <Text>The tables come from a workbook the cost model wrote (in Excel or by the command line), with the assumptions and overrides it holds now.</Text>
          <input id={fileInput} className={styles.hidden} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={choose} />
          <div className={styles.row}>
            <Button appearance={model ? 'secondary' : 'primary'} disabled={busy} onClick={() => document.getElementById(fileInput)?.click()}>
              {model ? 'Choose another workbook' : 'Choose workbook…'}
            </Button>
          </div>
          {model && (
            <Text>
              {model.report.heading}. From {model.fileName}
              {model.written ? `, written ${formatReportDate(model.written)}` : ''}; read at {model.readAt.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}. Decision date {formatReportDate(model.decisionDate)}. If the workbook changes, choose it again.
            </Text>
          )}
          {statusFor(1)}
        </Step>

        <Step number={2} title="Refresh the report’s tables">
          <Text>
            {inDocument === null
              ? 'Reading the document…'
              : ours.length === 0
                ? 'This document holds none of the model’s tables.'
                : `This document holds ${ours.length} of the model’s tables: ${titles(ours)}.`}
          </Text>
          <Button appearance="primary" disabled={busy || whyNoRefresh !== null} onClick={refresh}>
            {refreshable.length ? `Refresh ${refreshable.length} table${refreshable.length === 1 ? '' : 's'}` : 'Refresh tables'}
          </Button>
          {whyNoRefresh && <Text className={styles.note}>{whyNoRefresh}</Text>}
          <Text className={styles.note}>Only the tables change: your own text, captions and cross-references are left as they are.</Text>
          {statusFor(2)}
        </Step>

        <Step number={3} title="Insert a table">
          <div className={styles.row}>
            <Field className={styles.tableField} label="Table" hint={model ? undefined : 'Choose the model workbook first.'}>
              <Select className={styles.fill} select={{ className: styles.fill }} value={chosenTable} disabled={!model} onChange={(_, data) => setChosenTable(data.value)}>
                {(model?.report.tables ?? []).map((t, i) => (
                  <option key={t.id} value={t.id}>
                    Table {i + 1}: {t.title}
                  </option>
                ))}
              </Select>
            </Field>
            <Button disabled={busy || !model} onClick={insert}>
              Insert at the cursor
            </Button>
          </div>
          {statusFor(3)}
        </Step>
    </PaneFrame>
  );
}

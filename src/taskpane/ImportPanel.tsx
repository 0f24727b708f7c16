import { Button, Field, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text, Textarea, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useReducer, useRef, useState } from 'react';
import type { ModelOverrides } from '../model/costModel';
import { WorkbookRefusal, WorkbookWriteFailed, type WorkbookHost } from '../workbook/host';
import type { ModelSource } from '../workbook/takeUp';
import { importReducer, initialImportState, textChangedSinceRead } from './importState';
import { invalidReason, useInvalidFields } from './invalidFields';
import { loadTools, tools } from './lazyTools';
import { useWorkbookModel } from './useWorkbookModel';
import type { UncertaintyRunner } from './uncertaintyRunner';
import { Step } from './Step';
import type { TextReader } from './textReader';

const SELECTION_NAME = 'selected range';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  note: { display: 'block' },
  hidden: { display: 'none' },
});

/**
 * Paste → read → preview with flags → choose questions → write the response sheets.
 *
 * This component and what the first step shows load with the pane; the rest (ReadReview and
 * LaterSteps, the engine and the writers) is the tools chunk (lazyTools.ts), loading in the
 * background once the first step is on screen. Every read waits for it, so anything drawn from a
 * read or a model (`result`, `modelled`) can use `tools()`.
 */
export function ImportPanel({ host, runner, reader }: { host: WorkbookHost; runner: UncertaintyRunner; reader: TextReader }) {
  const styles = useStyles();
  const [state, dispatch] = useReducer(importReducer, initialImportState);
  const fileInput = useRef<HTMLInputElement>(null);
  const { result } = state;
  // Worked out when the read or the typed figures change, not on every edit below.
  const typedProblems = useMemo(() => (result ? tools().overrideProblems(result.analysis, state.valueOverrides) : []), [result, state.valueOverrides]);
  const { invalid, report } = useInvalidFields();
  const typeOverrides = useCallback((overrides: ModelOverrides) => dispatch({ type: 'valueOverridesChanged', overrides }), []);
  const [noCostQuestion, setNoCostQuestion] = useState(false);
  const [discardAsked, setDiscardAsked] = useState(false);
  const costMissing = result !== null && result.fatal === null && result.analysis.roles.costQuestion === null;
  // Why the import cannot go ahead yet, in the modeller's words; null when it can.
  const holdBack =
    result === null || result.fatal !== null
      ? null
      : textChangedSinceRead(state)
        ? 'The text has changed since it was read: press Read responses first.'
        : costMissing && !noCostQuestion
          ? 'No cost question was found: choose it below, or confirm the document has none.'
          : (invalidReason(invalid) ?? (typedProblems.length ? 'Check the figures typed first.' : null));
  const usable = result !== null && result.fatal === null && holdBack === null;
  const waiting = state.modelled !== null && (tools().unwritten(state.modelled, 'assumptions') || tools().unwritten(state.modelled, 'timeline'));

  useWorkbookModel(host, state.modelled, dispatch);

  const [reading, setReading] = useState(false);
  const readPasted = async () => {
    const text = state.text;
    setReading(true);
    try {
      const [read] = await Promise.all([reader(text), loadTools()]);
      dispatch({ type: 'textRead', text, ...read });
    } catch (e) {
      dispatch({ type: 'readFailed', message: `${e instanceof Error ? e.message : String(e)}. Nothing was changed.` });
    } finally {
      setReading(false);
    }
  };

  const readSelection = async () => {
    try {
      const [values, t] = await Promise.all([host.readSelection(), loadTools()]);
      const read = t.readRangeCollation(values, SELECTION_NAME);
      const bytes = new TextEncoder().encode(values.map((r) => r.map((c) => String(c ?? '')).join('\t')).join('\n'));
      dispatch({ type: 'fileRead', files: [{ name: SELECTION_NAME, bytes }], result: t.analyseRead(read), reads: [read] });
    } catch (e) {
      dispatch({ type: 'showFailed', message: `The selection could not be read (${e instanceof Error ? e.message : String(e)}).` });
    }
  };

  const write = async (renames: Readonly<Record<string, string>> = {}, discard = false) => {
    if (!usable) return;
    // An import rebuilds the panels from the workbook: figures typed there and not yet written would go.
    if (waiting && !discard) {
      setDiscardAsked(true);
      return;
    }
    setDiscardAsked(false);
    dispatch({ type: 'writeStarted' });
    const t = tools();
    try {
      const source: ModelSource = {
        analysis: result.analysis,
        findings: result.findings,
        sourceName: state.source.name,
        sourceSha256: state.source.files.length ? await t.documentsHash(state.source.files) : await t.sha256Hex(state.text),
        renames,
      };
      // Figures typed in the preview win over those the workbook held for the same respondent.
      const written = await t.writeModel(host, source, (a) => ({ ...a, overrides: t.laidOver(a.overrides, state.valueOverrides) }));
      const typed = t.overrideCount(state.valueOverrides);
      dispatch({ type: 'writeDone', written, source, notes: [...written.notes, ...(typed ? [`Wrote ${typed} override${typed === 1 ? '' : 's'} typed in the preview.`] : [])] });
    } catch (e) {
      const renamesOffered = e instanceof WorkbookRefusal && e.renames ? { renames: e.renames } : {};
      dispatch({ type: 'writeFailed', message: messageFor(e), ...renamesOffered });
    }
  };

  const later = result !== null || state.modelled !== null;
  const t = later ? tools() : null;
  return (
    <div className={styles.panel}>
      {!later && <Text>Start here: paste the collated responses (the Annex D text), open the Word collation, or select a table of answers in the sheet, then read it.</Text>}
      <Step number={1} title="Import">
        <Field label="Collated responses (Annex D text)" hint="Paste the document's text (question headings and tab-separated tables), open the Word collation, or select a table of answers (Respondent, Category, Question, Response) in the sheet.">
          <Textarea value={state.text} onChange={(_, data) => dispatch({ type: 'textChanged', text: data.value })} resize="vertical" rows={8} aria-label="Collated responses" />
        </Field>
        <div className={styles.row}>
          <Button appearance="primary" disabled={state.text.trim() === '' || reading} onClick={readPasted}>
            Read responses
          </Button>
          {reading && <Spinner size="tiny" label="Reading..." />}
          <Button onClick={() => fileInput.current?.click()}>Open files…</Button>
          <Button onClick={readSelection}>Use selected range</Button>
          <input
            ref={fileInput}
            type="file"
            multiple
            accept=".docx,.txt,.md,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-label="Collation file"
            className={styles.hidden}
            onChange={async (e) => {
              const chosen = [...(e.target.files ?? [])];
              if (chosen.length === 0) return;
              const files = await Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
              const { reads, ...read } = await (await loadTools()).importDocuments(files);
              dispatch({ type: 'fileRead', files, result: read, reads });
              e.target.value = '';
            }}
          />
        </div>
        {state.source.files.length > 0 && <Text>Read from {state.source.name}.</Text>}
        {result?.fatal && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>This text cannot be imported</MessageBarTitle>
              {result.fatal}
            </MessageBarBody>
          </MessageBar>
        )}
        {t && result && (
          <t.ReadReview
            result={result}
            state={state}
            dispatch={dispatch}
            hostKind={host.kind}
            costMissing={costMissing}
            noCostQuestion={noCostQuestion}
            setNoCostQuestion={setNoCostQuestion}
            typedProblems={typedProblems}
            typeOverrides={typeOverrides}
            report={report}
            invalid={invalid}
            usable={usable}
            holdBack={holdBack}
            onImport={() => write()}
          />
        )}
        {discardAsked && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>Figures typed below are not yet written</MessageBarTitle>
              Importing rebuilds the panels from the workbook, so they would be lost. Write them first, or import and discard them.
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => write({}, true)}>Import and discard them</Button>
              <Button onClick={() => setDiscardAsked(false)}>Keep them</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {state.outcome && (
          <MessageBar intent={state.outcome.intent}>
            <MessageBarBody>
              <MessageBarTitle>{state.outcome.title}</MessageBarTitle>
              {state.outcome.text}
              {state.outcome.notes?.map((note, i) => (
                <span key={i} className={styles.note}>
                  {note}
                </span>
              ))}
            </MessageBarBody>
            {state.outcome.renames && (
              <MessageBarActions>
                <Button onClick={() => write(state.outcome!.renames)}>
                  Import as {Object.values(state.outcome.renames).map((n) => `“${n}”`).join(', ')}
                </Button>
              </MessageBarActions>
            )}
          </MessageBar>
        )}
      </Step>
      {t && <t.LaterSteps state={state} dispatch={dispatch} host={host} runner={runner} />}
    </div>
  );
}

/** Words a modeller can act on; never a stack trace. */
function messageFor(e: unknown): string {
  if (e instanceof WorkbookRefusal || e instanceof WorkbookWriteFailed) return e.message;
  const detail = e instanceof Error ? e.message : String(e);
  return `Excel did not accept the write (${detail}). Check that no cell is being edited and try again.`;
}

import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { formatCostBand } from '../model/costAnswer';
import type { RoleOverrides } from '../model/questionRoles';
import { DEFAULT_COST_OPTIONS, respondentTotals } from '../model/respondentTotals';
import type { Analysis } from '../model/responseAnalysis';
import { analyseRead, importDocuments } from '../import/importText';
import { readRangeCollation } from '../import/rangeCollation';
import { documentsHash, sha256Hex } from '../import/sourceHash';
import { overrideProblems, type ModelOverrides } from '../model/costModel';
import { WorkbookRefusal, WorkbookWriteFailed, type WorkbookHost } from '../workbook/host';
import { findingLocation } from '../workbook/findingLocation';
import { laidOver, withCostOverride } from './assumptionEdits';
import type { Finding } from '../model/consultation';
import { findingFix, type FindingFix } from '../model/findingFixes';
import { inputChanges } from '../workbook/inputCells';
import { AssumptionsPanel } from './AssumptionsPanel';
import type { ModelSource } from '../workbook/takeUp';
import { writeModel } from './modelWrite';
import { useWorkbookModel } from './useWorkbookModel';
import { OverrideTable } from './OverrideTable';
import { TimelinePanel } from './TimelinePanel';
import type { UncertaintyRunner } from './uncertaintyRunner';
import { ExportPanel } from './ExportPanel';
import { FindingList } from './FindingList';
import { importReducer, initialImportState, textChangedSinceRead } from './importState';
import { invalidReason, useInvalidFields } from './FigureField';
import { unwritten } from './modelState';
import { Step } from './Step';
import { ResponsePreview } from './ResponsePreview';
import type { TextReader } from './textReader';

const SELECTION_NAME = 'selected range';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  // A native select grows to its longest option; keep it inside the pane.
  select: { minWidth: 0, width: '100%', maxWidth: '100%' },
  note: { display: 'block' },
  hidden: { display: 'none' },
});

/** Paste → read → preview with flags → choose questions → write the response sheets. */
export function ImportPanel({ host, runner, reader }: { host: WorkbookHost; runner: UncertaintyRunner; reader: TextReader }) {
  const styles = useStyles();
  const [state, dispatch] = useReducer(importReducer, initialImportState);
  const fileInput = useRef<HTMLInputElement>(null);
  const { result } = state;
  // Worked out when the read or the typed figures change, not on every edit below.
  const typedProblems = useMemo(() => (result ? overrideProblems(result.analysis, state.valueOverrides) : []), [result, state.valueOverrides]);
  const summary = useMemo(() => (result ? summaryLine(result.analysis, state.valueOverrides) : ''), [result, state.valueOverrides]);
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
  const waiting = state.modelled !== null && (unwritten(state.modelled, 'assumptions') || unwritten(state.modelled, 'timeline'));

  const { modelled } = state;
  /** Selects a finding's row in the workbook the model was written to, under the names its sheets have there. */
  const showFinding = (index: number) => {
    if (!modelled) return;
    const { analysis, findings, renames } = modelled.source;
    const { sheet, address } = findingLocation(analysis.consultation, findings, index);
    host.select(renames[sheet] ?? sheet, address).catch((e: unknown) => dispatch({ type: 'showFailed', message: `${e instanceof Error ? e.message : String(e)}. Import again if the sheet was removed.` }));
  };

  useWorkbookModel(host, modelled, dispatch);

  const [reading, setReading] = useState(false);
  const readPasted = async () => {
    const text = state.text;
    setReading(true);
    try {
      dispatch({ type: 'textRead', text, ...(await reader(text)) });
    } catch (e) {
      dispatch({ type: 'readFailed', message: `${e instanceof Error ? e.message : String(e)}. Nothing was changed.` });
    } finally {
      setReading(false);
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
    try {
      const source: ModelSource = {
        analysis: result.analysis,
        findings: result.findings,
        sourceName: state.source.name,
        sourceSha256: state.source.files.length ? await documentsHash(state.source.files) : await sha256Hex(state.text),
        renames,
      };
      // Figures typed in the preview win over those the workbook held for the same respondent.
      const written = await writeModel(host, source, (a) => ({ ...a, overrides: laidOver(a.overrides, state.valueOverrides) }));
      const typed = overrideCount(state.valueOverrides);
      dispatch({ type: 'writeDone', written, source, notes: [...written.notes, ...(typed ? [`Wrote ${typed} override${typed === 1 ? '' : 's'} typed in the preview.`] : [])] });
    } catch (e) {
      const renamesOffered = e instanceof WorkbookRefusal && e.renames ? { renames: e.renames } : {};
      dispatch({ type: 'writeFailed', message: messageFor(e), ...renamesOffered });
    }
  };

  const questionPicker = (role: keyof RoleOverrides, label: string) => {
    const chosen = role === 'costQuestion' ? result?.analysis.roles.costQuestion : result?.analysis.roles.leadTimeQuestion;
    return (
      <Field label={label}>
        <Select
          className={styles.select}
          value={chosen === null || chosen === undefined ? '' : String(chosen)}
          onChange={(_, data) => dispatch({ type: 'overrideChanged', role, question: data.value === '' ? undefined : Number(data.value) })}
        >
          <option value="">Not found</option>
          {result?.analysis.consultation.questions.map((q) => (
            <option key={q.number} value={q.number}>
              {`Q${q.number}: ${q.text.length > 60 ? `${q.text.slice(0, 57)}...` : q.text}`}
            </option>
          ))}
        </Select>
      </Field>
    );
  };

  // A document that cannot be imported says why at the top; its findings are only that.
  const findings = result ? (result.fatal ? [] : result.findings) : (modelled?.source.findings ?? []);
  // A finding can be shown in the workbook once the workbook holds this very read.
  const canShow = result ? state.importedRead === state.readNumber : modelled !== null;
  // Before the import a fix is a figure typed in the preview; after it, an override written to the workbook.
  const inPreview = result !== null && !canShow;
  const shownAnalysis = result?.analysis ?? modelled?.source.analysis;
  const overridesNow = inPreview ? state.valueOverrides : (modelled?.draft.overrides ?? state.valueOverrides);
  const cap = modelled?.draft.costs.openEndedCapMultiple ?? DEFAULT_COST_OPTIONS.openEndedCapMultiple;
  const resultsById = useMemo(() => new Map(shownAnalysis?.results.map((r) => [r.respondent.id, r]) ?? []), [shownAnalysis]);
  // Stable while the overrides and the cap stand, so an edit elsewhere does not redraw every finding.
  const fixOf = useCallback(
    (f: Finding) => {
      const fix = findingFix(f, resultsById, cap);
      if (!fix) return null;
      const o = overridesNow.costs[fix.respondentId];
      return { fix, applied: o?.low === fix.cost.low && o?.high === fix.cost.high };
    },
    [resultsById, cap, overridesNow],
  );
  const withFix = (o: ModelOverrides, fix: FindingFix) => withCostOverride(withCostOverride(o, fix.respondentId, 'low', fix.cost.low), fix.respondentId, 'high', fix.cost.high);
  const applyFixNow = async (fix: FindingFix) => {
    if (inPreview) {
      dispatch({ type: 'valueOverridesChanged', overrides: withFix(state.valueOverrides, fix) });
      return;
    }
    if (!modelled) return;
    const { written, source } = modelled;
    try {
      await host.writeInputs(inputChanges(written, { ...written, overrides: withFix(written.overrides, fix) }, source.analysis.results.map((r) => r.respondent.id)));
      dispatch({ type: 'overridesWritten', apply: (o) => withFix(o, fix) });
    } catch (e) {
      dispatch({ type: 'showFailed', message: `The override could not be written (${e instanceof Error ? e.message : String(e)}). Nothing was changed.` });
    }
  };

  // The findings list keeps the same handlers from render to render, so it redraws only when findings or fixes change.
  const handlers = useRef({ fix: applyFixNow, show: showFinding });
  useEffect(() => {
    handlers.current = { fix: applyFixNow, show: showFinding };
  });
  const applyFix = useCallback((fix: FindingFix) => void handlers.current.fix(fix), []);
  const showStable = useCallback((index: number) => handlers.current.show(index), []);

  return (
    <div className={styles.panel}>
      {!result && !modelled && <Text>Start here: paste the collated responses (the Annex D text), open the Word collation, or select a table of answers in the sheet, then read it.</Text>}
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
          <Button
            onClick={async () => {
              try {
                const values = await host.readSelection();
                const read = readRangeCollation(values, SELECTION_NAME);
                const bytes = new TextEncoder().encode(values.map((r) => r.map((c) => String(c ?? '')).join('\t')).join('\n'));
                dispatch({ type: 'fileRead', files: [{ name: SELECTION_NAME, bytes }], result: analyseRead(read), reads: [read] });
              } catch (e) {
                dispatch({ type: 'showFailed', message: `The selection could not be read (${e instanceof Error ? e.message : String(e)}).` });
              }
            }}
          >
            Use selected range
          </Button>
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
              const { reads, ...read } = await importDocuments(files);
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
        {costMissing && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>No cost question found</MessageBarTitle>
              Without it every cost is read as no answer. Choose the question that asks about costs below, or confirm the document has none.
              <Checkbox checked={noCostQuestion} onChange={(_, d) => setNoCostQuestion(d.checked === true)} label="This document has no cost question" />
            </MessageBarBody>
          </MessageBar>
        )}
        {result && result.analysis.results.length > 0 && (
          <>
            <Text>{summary}</Text>
            {state.reads.length > 1 && (
              <Checkbox
                checked={state.laterSupersedes}
                onChange={(_, data) => dispatch({ type: 'supersedeChanged', laterSupersedes: data.checked === true })}
                label="Later consultations' answers supersede earlier ones"
              />
            )}
            {questionPicker('costQuestion', 'Cost question')}
            {questionPicker('leadTimeQuestion', 'Lead-time question')}
            <ResponsePreview results={result.analysis.results} overrides={state.valueOverrides} />
            {state.importedRead !== state.readNumber && (
              <Accordion collapsible>
                <AccordionItem value="overrides">
                  <AccordionHeader>Override parsed figures before importing</AccordionHeader>
                  <AccordionPanel>
                    <OverrideTable results={result.analysis.results} overrides={state.valueOverrides} onChange={typeOverrides} report={report} invalid={invalid} />
                  </AccordionPanel>
                </AccordionItem>
              </Accordion>
            )}
            {typedProblems.length > 0 && (
              <MessageBar intent="warning">
                <MessageBarBody>
                  <MessageBarTitle>Check the figures typed</MessageBarTitle>
                  {typedProblems.map((p) => (
                    <span key={p} className={styles.note}>
                      {p}.
                    </span>
                  ))}
                </MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.row}>
              <Button appearance="primary" disabled={!usable || state.busy} onClick={() => write()}>
                {host.kind === 'excel' ? 'Import into workbook' : 'Import into preview workbook'}
              </Button>
              {state.busy && <Spinner size="tiny" label="Writing..." />}
            </div>
            {holdBack && <Text role="status">{holdBack}</Text>}
          </>
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
      {findings.length > 0 && (
        <Step number={2} title={`Review findings (${findings.length})`}>
          <FindingList findings={findings} fixOf={fixOf} onFix={applyFix} {...(canShow ? { onShow: showStable } : {})} />
        </Step>
      )}
      {modelled && (
        <>
          {result && state.importedRead !== state.readNumber && (
            <MessageBar intent="warning">
              <MessageBarBody>
                The steps below show the model in the workbook
                {` (${`${modelled.source.analysis.consultation.modification.id}`.trim() || 'imported earlier'})`}, not the document read above, until it is imported.
              </MessageBarBody>
            </MessageBar>
          )}
          <Step number={3} title="Assumptions and scenarios">
            <AssumptionsPanel key={modelled.generation} model={modelled} dispatch={dispatch} host={host} runner={runner} />
          </Step>
          <Step number={4} title="Implementation timeline">
            <TimelinePanel
              key={`timeline-${modelled.generation}`}
              model={modelled}
              dispatch={dispatch}
              host={host}
              rewrite={async (adjust) => {
                const written = await writeModel(host, modelled.source, adjust);
                dispatch({ type: 'modelRewritten', written });
              }}
            />
          </Step>
          <Step number={5} title="Export">
            <ExportPanel report={modelled.report} />
          </Step>
        </>
      )}
    </div>
  );
}

function summaryLine(analysis: Analysis, overrides: ModelOverrides): string {
  const totals = respondentTotals(analysis.results, DEFAULT_COST_OPTIONS, overrides.costs);
  const quantified = totals.counts.band + totals.counts.zero;
  const typed = overrideCount(overrides);
  const { id, title } = analysis.consultation.modification;
  const withTyped = typed ? ` with ${typed} override${typed === 1 ? '' : 's'}` : '';
  return `${id} ${title}: ${analysis.results.length} respondent${analysis.results.length === 1 ? '' : 's'}; ${quantified} gave a figure, totalling ${formatCostBand(totals.low, totals.high)}${withTyped}; ${totals.counts.unquantified} unquantified.`;
}

/** Respondents with a figure typed for cost or lead time. */
function overrideCount(o: ModelOverrides): number {
  return new Set([...Object.keys(o.costs), ...Object.keys(o.leadTimeMonths)]).size;
}

/** Words a modeller can act on; never a stack trace. */
function messageFor(e: unknown): string {
  if (e instanceof WorkbookRefusal || e instanceof WorkbookWriteFailed) return e.message;
  const detail = e instanceof Error ? e.message : String(e);
  return `Excel did not accept the write (${detail}). Check that no cell is being edited and try again.`;
}

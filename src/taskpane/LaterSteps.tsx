import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, type Dispatch } from 'react';
import type { Finding } from '../model/consultation';
import type { ModelOverrides } from '../model/costModel';
import { findingFix, type FindingFix } from '../model/findingFixes';
import { DEFAULT_COST_OPTIONS } from '../model/respondentTotals';
import { findingLocation } from '../workbook/findingLocation';
import type { WorkbookHost } from '../workbook/host';
import { inputChanges } from '../workbook/inputCells';
import { withCostOverride } from './assumptionEdits';
import { AssumptionsPanel } from './AssumptionsPanel';
import { ExportPanel } from './ExportPanel';
import { FindingList } from './FindingList';
import type { ImportAction, ImportState } from './importState';
import { writeModel } from './modelWrite';
import { Step } from './Step';
import { TimelinePanel } from './TimelinePanel';
import type { UncertaintyRunner } from './uncertaintyRunner';

interface LaterStepsProps {
  readonly state: ImportState;
  readonly dispatch: Dispatch<ImportAction>;
  readonly host: WorkbookHost;
  readonly runner: UncertaintyRunner;
}

/** Steps 2 to 5, once a document is read or the workbook holds a model: findings, assumptions, timeline, export. */
export function LaterSteps({ state, dispatch, host, runner }: LaterStepsProps) {
  const { result, modelled } = state;

  /** Selects a finding's row in the workbook the model was written to, under the names its sheets have there. */
  const showFinding = (index: number) => {
    if (!modelled) return;
    const { analysis, findings, renames } = modelled.source;
    const { sheet, address } = findingLocation(analysis.consultation, findings, index);
    host.select(renames[sheet] ?? sheet, address).catch((e: unknown) => dispatch({ type: 'showFailed', message: `${e instanceof Error ? e.message : String(e)}. Import again if the sheet was removed.` }));
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
    <>
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
    </>
  );
}

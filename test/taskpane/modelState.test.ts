import { importText } from '../../src/import/importText';
import { defaultAssumptions } from '../../src/model/costModel';
import { withDccLeadTime, withParties } from '../../src/taskpane/assumptionEdits';
import { modelState, partWritten, pendingCells, rebased, unwritten } from '../../src/taskpane/modelState';
import { DECISION, META } from '../support/plans';
import { seedText } from '../support/seed';

const { analysis, findings } = importText(seedText(), 'seed');
const base = defaultAssumptions(analysis, DECISION);
const DCC_LEAD_TIME = { kind: 'name', name: 'DccLeadTime', value: 12 };
const DCC_SOURCE = { kind: 'table', table: 'tblAssumptions', row: 1, col: 4, value: 'Entered in the task pane', source: true };
const fresh = () => modelState({ analysis, findings, sourceName: META.sourceName, sourceSha256: META.sourceSha256, renames: {} }, base, { tables: [], heading: '', stem: '' }, null);

describe('the pane’s record of the assumptions', () => {
  test('each panel writes only its own part’s cells', () => {
    const m = { ...fresh(), draft: withDccLeadTime(withParties(base, 'Large Supplier', 9), 12) };
    // Each figure goes with its Source, so the workbook's Status cells say it was entered in the pane.
    expect(pendingCells(m, 'assumptions')).toEqual([
      { kind: 'table', table: 'tblPopulations', row: 0, col: 1, value: 9 },
      { kind: 'table', table: 'tblPopulations', row: 0, col: 3, value: 'Entered in the task pane', source: true },
    ]);
    expect(pendingCells(m, 'timeline')).toEqual([DCC_LEAD_TIME, DCC_SOURCE]);
    const afterTimeline = partWritten(m, 'timeline');
    expect([unwritten(afterTimeline, 'timeline'), unwritten(afterTimeline, 'assumptions')]).toEqual([false, true]);
  });

  test('a change in the workbook reaches a part with nothing waiting, and leaves a part’s unwritten edit alone', () => {
    const m = { ...fresh(), draft: withDccLeadTime(base, 12) };
    const sheet = withParties(withDccLeadTime(base, 3), 'Large Supplier', 40);
    const after = rebased(m, sheet);
    // The populations follow the sheet; the DCC lead time typed in the pane waits to be written over the sheet's 3.
    expect(after.draft.industry.populations[0]!.parties).toBe(40);
    expect(after.draft.timeline.dccLeadTimeMonths).toBe(12);
    expect(after.written.timeline.dccLeadTimeMonths).toBe(0);
    expect(pendingCells(after, 'timeline')).toEqual([DCC_LEAD_TIME, DCC_SOURCE]);
    expect(after.kept).toEqual(['timeline']);
    expect(after.revision).toEqual({ assumptions: 1, timeline: 0 });
  });

  test('the other panel’s write does not count as a change under a part’s edits', () => {
    const m = { ...fresh(), draft: withDccLeadTime(withParties(base, 'Large Supplier', 9), 12) };
    const assumptionsWritten = partWritten(m, 'assumptions');
    const after = rebased(assumptionsWritten, withParties(base, 'Large Supplier', 9));
    expect(after.kept).toEqual([]);
    expect(pendingCells(after, 'timeline')).toEqual([DCC_LEAD_TIME, DCC_SOURCE]);
    expect(pendingCells(after, 'assumptions')).toEqual([]);
  });

  test('an edit typed while a write was under way stays unwritten', () => {
    const m = fresh();
    const sent = withParties(base, 'Large Supplier', 9);
    const typedSince = withParties(sent, 'Large Supplier', 10);
    const after = partWritten({ ...m, draft: typedSince }, 'assumptions', sent);
    expect(pendingCells(after, 'assumptions')).toEqual([{ kind: 'table', table: 'tblPopulations', row: 0, col: 1, value: 10 }]);
  });
});

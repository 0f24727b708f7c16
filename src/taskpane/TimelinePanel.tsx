import { Button, Field, makeStyles, MessageBar, MessageBarBody, Tag, TagGroup, Text, tokens } from '@fluentui/react-components';
import { useState, type Dispatch } from 'react';
import { excelSerial, RELEASE_RULE, type IsoDate } from '../model/calendarDates';
import { dateText } from '../model/typedFigures';
import { decisionDateStatus, namedStatus } from '../model/inputStatus';
import type { ModelAssumptions } from '../model/costModel';
import { formatMonths, formatReportDate } from '../report/format';
import type { WorkbookHost } from '../workbook/host';
import { changedTimeline, timelineSources, withDccLeadTime, withReleases, withTimeline } from './assumptionEdits';
import type { ImportAction } from './importState';
import type { ModelState } from './modelState';
import { DateField, FigureField, invalidReason, useInvalidFields } from './FigureField';
import { StatusMessage } from './StatusMessage';
import { usePartDraft } from './usePartDraft';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  gantt: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingRight: tokens.spacingHorizontalS },
  row: { display: 'grid', gridTemplateColumns: '9rem 1fr', alignItems: 'center', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  track: { position: 'relative', height: '0.9rem', backgroundColor: tokens.colorNeutralBackground3 },
  bar: { position: 'absolute', top: 0, bottom: 0, backgroundColor: tokens.colorBrandBackground, minWidth: '3px' },
  point: { position: 'absolute', top: '0.1rem', width: '0.7rem', height: '0.7rem', marginLeft: '-0.35rem', transform: 'rotate(45deg)', backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
  milestone: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  axis: { display: 'flex', justifyContent: 'space-between', color: tokens.colorNeutralForeground3 },
  line: { display: 'block' },
  rule: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  calendar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  add: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
});

/** Rewrites the model workbook with the assumptions it holds now, changed as given. */
export type ModelRewrite = (adjust: (a: ModelAssumptions) => ModelAssumptions) => Promise<void>;

/**
 * The implementation timeline: decision date, DCC lead time, notice, coverage, a proposed release
 * and the release calendar, with the required lead time, the earliest feasible release and a
 * Gantt preview. Single values are written to their cells; a changed calendar changes the
 * workbook's shape (its table and the formulas over it), so the model is rewritten, keeping what
 * the workbook holds.
 */
export function TimelinePanel({ model, dispatch, host, rewrite }: { model: ModelState; dispatch: Dispatch<ImportAction>; host: WorkbookHost; rewrite: ModelRewrite }) {
  const styles = useStyles();
  const { analysis } = model.source;
  const { draft, setDraft, written, run, pending, write, commit, status } = usePartDraft(model, 'timeline', dispatch, host, 'the timeline');
  const [adding, setAdding] = useState<IsoDate | null>(null);
  const t = draft.timeline;
  const calendarChanged = JSON.stringify(written.timeline.releases) !== JSON.stringify(t.releases);
  const writeTimeline = () =>
    calendarChanged
      ? commit(async () => {
          const changes = changedTimeline(written.timeline, t);
          await rewrite((a) => ({ ...a, timeline: { ...a.timeline, ...changes }, sources: { ...a.sources, ...timelineSources(draft.sources) } }));
          return `Rewrote the model with ${t.releases.length} releases in the calendar; the workbook's other assumptions and overrides were kept.`;
        })
      : write();
  const coverage = t.coverage.kind === 'share-of-respondents' ? t.coverage.share : 1;

  const timeline = run.ok ? run.result.timeline : null;
  const nameOf = new Map(analysis.results.map((r) => [r.respondent.id, r.respondent.name]));
  // A little room after the last date, so a release (a point in time) still shows as a mark.
  const span = 1.06 * (timeline ? Math.max(1, ...timeline.milestones.map((m) => excelSerial(m.end) - excelSerial(t.decisionDate))) : 1);
  const { invalid, report } = useInvalidFields();
  const blocked = invalidReason(invalid);
  const months = (label: string, value: number, apply: (n: number) => ModelAssumptions, hint?: string) => (
    <FigureField label={label} value={value} rule={{ unit: 'months', min: 0, max: 240 }} report={report} hint={hint} onValue={(n) => n !== null && setDraft(apply(n))} />
  );
  // Releases before the decision cannot be the target; the calendar shows those from it on.
  const shownReleases = t.releases.filter((d) => d >= t.decisionDate);
  const hiddenReleases = t.releases.length - shownReleases.length;
  return (
    <div className={styles.panel}>
      <div className={styles.grid}>
        <DateField label="Decision date" value={t.decisionDate} report={report} onValue={(d) => d && setDraft(withTimeline(draft, { decisionDate: d }))} hint={decisionDateStatus(t, draft.sources) === 'default' ? 'default: today; enter the expected Panel or Authority decision' : undefined} />
        {months('DCC lead time (months)', t.dccLeadTimeMonths, (n) => withDccLeadTime(draft, n), namedStatus(draft, 'DccLeadTime') === 'default' ? 'not entered: from the DCC Impact Assessment' : undefined)}
        {months('Minimum notice before a release (months)', t.minimumNoticeMonths, (n) => withTimeline(draft, { minimumNoticeMonths: n }))}
        <FigureField
          label="Respondents' lead times to cover"
          value={coverage}
          rule={{ unit: 'percent', min: 0.01, max: 1 }}
          report={report}
          hint="100% waits for the slowest respondent"
          onValue={(n) => n !== null && setDraft(withTimeline(draft, { coverage: n >= 1 ? { kind: 'longest' } : { kind: 'share-of-respondents', share: n } }))}
        />
        <DateField label="Proposed release" value={t.proposedRelease} blankAllowed report={report} hint="blank: the earliest feasible release" onValue={(d) => setDraft(withTimeline(draft, { proposedRelease: d }))} />
      </div>
      {timeline ? (
        <>
          <Text aria-label="Timeline result">
            Required lead time {formatMonths(timeline.requiredMonths)}
            {timeline.governingRespondent ? ` (${nameOf.get(timeline.governingRespondent)})` : timeline.governedBy === 'dcc' ? ' (DCC)' : timeline.governedBy === 'notice' ? ' (notice)' : ''}; ready by {formatReportDate(timeline.readyDate)}; earliest release{' '}
            {timeline.earliestRelease ? formatReportDate(timeline.earliestRelease) : 'beyond the calendar'}.
            {timeline.notReady.length ? ` Not ready for the release: ${timeline.notReady.map((id) => nameOf.get(id)).join(', ')}.` : ''}
          </Text>
          <div className={styles.gantt} role="img" aria-label={`Gantt chart: ${timeline.milestones.map((m) => (m.start === m.end ? `${m.name} ${dateText(m.end)}` : `${m.name} ${dateText(m.start)} to ${dateText(m.end)}`)).join('; ')}`}>
            {timeline.milestones.map((m) => {
              const from = excelSerial(m.start) - excelSerial(t.decisionDate);
              const to = excelSerial(m.end) - excelSerial(t.decisionDate);
              return (
                <div className={styles.row} key={m.name}>
                  <span className={styles.milestone} title={m.name}>
                    {m.name}
                  </span>
                  <span className={styles.track}>
                    {/* A point in time (the decision, a release) is a diamond; a span a bar. */}
                    <span className={from === to ? styles.point : styles.bar} style={from === to ? { left: `${(from / span) * 100}%` } : { left: `${(from / span) * 100}%`, width: `${((to - from) / span) * 100}%` }} />
                  </span>
                </div>
              );
            })}
            <div className={styles.row}>
              <span />
              <span className={styles.axis}>
                <span>{dateText(t.decisionDate)}</span>
                <span>{dateText(timeline.milestones.reduce((last, m) => (m.end > last ? m.end : last), t.decisionDate))}</span>
              </span>
            </div>
          </div>
        </>
      ) : (
        <MessageBar intent="warning">
          <MessageBarBody>
            {run.ok
              ? ''
              : run.problems.map((p) => (
                  <span key={p} className={styles.line}>
                    {p}
                  </span>
                ))}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label="SEC release calendar" hint={`${RELEASE_RULE}${hiddenReleases ? ` ${hiddenReleases} release${hiddenReleases === 1 ? '' : 's'} before the decision date not shown.` : ''}`}>
        <TagGroup
          className={styles.calendar}
          aria-label="SEC release calendar"
          onDismiss={(_, { value }) => setDraft(withReleases(draft, t.releases.filter((d) => d !== value)))}
        >
          {shownReleases.map((d) => (
            <Tag key={d} value={d} size="small" dismissible aria-label={`Remove ${formatReportDate(d)}`}>
              {formatReportDate(d)}
            </Tag>
          ))}
        </TagGroup>
      </Field>
      <div className={styles.add}>
        <DateField label="Release to add" value={adding} blankAllowed report={report} onValue={setAdding} />
        <Button disabled={adding === null || t.releases.includes(adding)} onClick={() => adding && setDraft(withReleases(draft, [...t.releases, adding]))}>
          Add release
        </Button>
      </div>
      <div>
        <Button appearance="primary" disabled={!run.ok || (pending.length === 0 && !calendarChanged) || blocked !== null} onClick={writeTimeline}>
          Write timeline to workbook
        </Button>
      </div>
      {blocked && <Text role="status">Nothing can be written yet. {blocked}</Text>}
      <StatusMessage status={status} />
    </div>
  );
}

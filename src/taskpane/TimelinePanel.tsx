import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Subtitle2, Tag, TagGroup, Text, tokens } from '@fluentui/react-components';
import { Fragment, useState, type Dispatch } from 'react';
import { excelSerial, isoDate, RELEASE_RULE, type IsoDate } from '../model/calendarDates';
import type { ModelAssumptions } from '../model/costModel';
import { formatMonths, formatReportDate } from '../report/format';
import type { WorkbookHost } from '../workbook/host';
import { changedTimeline, timelineSources, withDccLeadTime, withReleases, withTimeline } from './assumptionEdits';
import type { ImportAction } from './importState';
import type { ModelState } from './modelState';
import { StatusMessage } from './StatusMessage';
import { typedNumber } from './typedNumber';
import { usePartDraft } from './usePartDraft';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))', gap: tokens.spacingHorizontalS },
  gantt: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  row: { display: 'grid', gridTemplateColumns: '9rem 1fr', alignItems: 'center', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  track: { position: 'relative', height: '0.9rem', backgroundColor: tokens.colorNeutralBackground3 },
  bar: { position: 'absolute', top: 0, bottom: 0, backgroundColor: tokens.colorBrandBackground, minWidth: '3px' },
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
  const { draft, setDraft, written, run, pending, write, commit, status, revision } = usePartDraft(model, 'timeline', dispatch, host, 'the timeline');
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
  const span = 1.03 * (timeline ? Math.max(1, ...timeline.milestones.map((m) => excelSerial(m.end) - excelSerial(t.decisionDate))) : 1);
  return (
    <section className={styles.panel} aria-label="Implementation timeline">
      <Fragment key={revision}>
        <Subtitle2 as="h2">Implementation timeline</Subtitle2>
        <div className={styles.grid}>
          <Field label="Decision date">
            <Input type="date" defaultValue={t.decisionDate} onChange={(_, d) => isoDate(d.value) && setDraft(withTimeline(draft, { decisionDate: isoDate(d.value)! }))} />
          </Field>
          <Field label="DCC lead time (months)">
            <Input inputMode="decimal" defaultValue={String(t.dccLeadTimeMonths)} onChange={(_, d) => typedNumber(d.value) !== null && setDraft(withDccLeadTime(draft, typedNumber(d.value)!))} />
          </Field>
          <Field label="Minimum notice (months)">
            <Input inputMode="decimal" defaultValue={String(t.minimumNoticeMonths)} onChange={(_, d) => typedNumber(d.value) !== null && setDraft(withTimeline(draft, { minimumNoticeMonths: typedNumber(d.value)! }))} />
          </Field>
          <Field label="Lead times to cover (%)" hint="100% waits for the longest">
            <Input
              inputMode="decimal"
              defaultValue={String(Math.round(coverage * 100))}
              onChange={(_, d) => {
                const n = typedNumber(d.value);
                if (n !== null && n > 0 && n <= 100) setDraft(withTimeline(draft, { coverage: n >= 100 ? { kind: 'longest' } : { kind: 'share-of-respondents', share: n / 100 } }));
              }}
            />
          </Field>
          <Field label="Proposed release (blank: earliest)">
            <Input type="date" defaultValue={t.proposedRelease ?? ''} onChange={(_, d) => setDraft(withTimeline(draft, { proposedRelease: isoDate(d.value) }))} />
          </Field>
        </div>
        {timeline ? (
          <>
            <Text aria-label="Timeline result">
              Required lead time {formatMonths(timeline.requiredMonths)}
              {timeline.governingRespondent ? ` (${nameOf.get(timeline.governingRespondent)})` : timeline.governedBy === 'dcc' ? ' (DCC)' : timeline.governedBy === 'notice' ? ' (notice)' : ''}; ready by {formatReportDate(timeline.readyDate)}; earliest release{' '}
              {timeline.earliestRelease ? formatReportDate(timeline.earliestRelease) : 'beyond the calendar'}.
              {timeline.notReady.length ? ` Not ready for the release: ${timeline.notReady.map((id) => nameOf.get(id)).join(', ')}.` : ''}
            </Text>
            <div className={styles.gantt} role="img" aria-label="Gantt preview of the milestones">
              {timeline.milestones.map((m) => {
                const from = excelSerial(m.start) - excelSerial(t.decisionDate);
                const to = excelSerial(m.end) - excelSerial(t.decisionDate);
                return (
                  <div className={styles.row} key={m.name}>
                    <span>{m.name}</span>
                    <span className={styles.track}>
                      <span className={styles.bar} style={{ left: `${(from / span) * 100}%`, width: `${((to - from) / span) * 100}%` }} />
                    </span>
                  </div>
                );
              })}
            </div>
          </>
        ) : (
          <MessageBar intent="warning">
            <MessageBarBody>{run.ok ? '' : run.problems.join(' ')}</MessageBarBody>
          </MessageBar>
        )}
        <Field label="SEC release calendar" hint={RELEASE_RULE}>
          <TagGroup
            className={styles.calendar}
            aria-label="SEC release calendar"
            onDismiss={(_, { value }) => setDraft(withReleases(draft, t.releases.filter((d) => d !== value)))}
          >
            {t.releases.map((d) => (
              <Tag key={d} value={d} size="small" dismissible aria-label={`Remove ${formatReportDate(d)}`}>
                {formatReportDate(d)}
              </Tag>
            ))}
          </TagGroup>
        </Field>
        <div className={styles.add}>
          <Field label="Release to add">
            <Input type="date" onChange={(_, d) => setAdding(isoDate(d.value))} />
          </Field>
          <Button disabled={adding === null || t.releases.includes(adding)} onClick={() => adding && setDraft(withReleases(draft, [...t.releases, adding]))}>
            Add release
          </Button>
        </div>
        <div>
          <Button appearance="primary" disabled={!run.ok || (pending.length === 0 && !calendarChanged)} onClick={writeTimeline}>
            Write timeline to workbook
          </Button>
        </div>
        <StatusMessage status={status} />
      </Fragment>
    </section>
  );
}

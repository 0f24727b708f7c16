import { toDate, type IsoDate } from './calendarDates';
import type { TimelineResult } from './timeline';
import type { Timing } from './uptake';

/** The appraisal's dates: when the change goes live and when benefits start, and their appraisal years. */
export interface AppraisalTiming extends Timing {
  /** The target release, or the ready date when the calendar has no release after it. */
  readonly implementation: IsoDate;
  readonly implementationIsRelease: boolean;
  readonly benefitsStart: IsoDate;
}

/** Whole calendar months from one date to another: 1 March to 4 November is 8; to 28 February next year, 11. */
export function wholeMonthsBetween(from: IsoDate, to: IsoDate): number {
  const [a, b] = [toDate(from), toDate(to)];
  return (b.getFullYear() - a.getFullYear()) * 12 + (b.getMonth() - a.getMonth()) - (b.getDate() < a.getDate() ? 1 : 0);
}

/** The appraisal year a date falls in: 0 for the twelve months from the decision, and so on; never before 0. */
export function appraisalYear(decision: IsoDate, date: IsoDate): number {
  return Math.max(0, Math.floor(wholeMonthsBetween(decision, date) / 12));
}

/** The change goes live at the target release the timeline finds; benefits start then, or at a stated later date. */
export function appraisalTiming(decision: IsoDate, timeline: TimelineResult, benefitsStart: IsoDate | null): AppraisalTiming {
  const implementation = timeline.targetRelease ?? timeline.readyDate;
  const start = benefitsStart ?? implementation;
  return {
    implementation,
    implementationIsRelease: timeline.targetRelease !== null,
    benefitsStart: start,
    implementationYear: appraisalYear(decision, implementation),
    benefitsYear: appraisalYear(decision, start),
  };
}

import { importText } from '../../src/import/importText';
import { addLeadTime, defaultReleaseCalendar, isoDate, type IsoDate } from '../../src/model/calendarDates';
import { buildTimeline, timelineProblems, type TimelineInputs } from '../../src/model/timeline';
import { seedText } from '../support/seed';

const d = (s: string) => isoDate(s)!;
const results = importText(seedText(), 'seed').analysis.results;
const inputs = (over: Partial<TimelineInputs> = {}): TimelineInputs => ({
  decisionDate: d('2027-03-01'),
  dccLeadTimeMonths: 0,
  minimumNoticeMonths: 0,
  releases: defaultReleaseCalendar(2027, 2030),
  coverage: { kind: 'longest' },
  proposedRelease: null,
  defaultDecisionDate: d('2027-03-01'),
  ruleReleases: defaultReleaseCalendar(2027, 2030),
  releaseSources: {},
  ...over,
});

describe('SEC release calendar', () => {
  test('last Thursday of February and June, first Thursday of November', () => {
    // 24 Feb 2022 was a real release date; 30 Jun 2022 and 3 Nov 2022 are the rule's other two.
    expect(defaultReleaseCalendar(2022, 2022)).toEqual(['2022-02-24', '2022-06-30', '2022-11-03']);
    expect(defaultReleaseCalendar(2027, 2027)).toEqual(['2027-02-25', '2027-06-24', '2027-11-04']);
  });

  test('lead times add as calendar months, fractions as days', () => {
    expect(addLeadTime(d('2027-03-01'), 8)).toBe('2027-11-01');
    expect(addLeadTime(d('2027-01-31'), 1)).toBe('2027-02-28');
    // 12 weeks = 84 / 30.4375 months: 2 months, then 0.7598 × 30.4375 = 23 days
    expect(addLeadTime(d('2027-03-01'), 84 / 30.4375)).toBe('2027-05-24');
  });

  test('ISO dates are checked', () => {
    expect(isoDate('2027-02-29')).toBeNull();
    expect(isoDate('1 March 2027')).toBeNull();
    expect(isoDate('2028-02-29')).toBe('2028-02-29');
  });
});

describe('implementation timeline', () => {
  test('the seed: decision 1 March 2027, no DCC lead time → 8 months (Utilita), ready 1 November, release 4 November 2027', () => {
    const t = buildTimeline(results, inputs());
    expect(t).toMatchObject({ requiredMonths: 8, governedBy: 'respondents', governingRespondent: 'utilita-energy-ltd', readyDate: '2027-11-01', earliestRelease: '2027-11-04', targetRelease: '2027-11-04', notReady: [] });
    expect(t.respondents.map((r) => [r.respondentId, r.status, r.readyBy])).toEqual([
      ['eon-uk', 'not-implementing', null],
      ['ovo-energy', 'counted', '2027-03-01'],
      ['utility-warehouse', 'no-answer', null],
      ['utilita-energy-ltd', 'counted', '2027-11-01'],
      ['engie-engie-power-limited-engie-gas-limited', 'counted', '2027-09-01'],
    ]);
    expect(t.milestones.map((m) => m.name)).toEqual(['Decision', 'Parties implement', 'Release']);
  });

  test('a proposed release lists who would not be ready for it', () => {
    const t = buildTimeline(results, inputs({ proposedRelease: d('2027-06-24') }));
    expect(t.notReady).toEqual(['utilita-energy-ltd', 'engie-engie-power-limited-engie-gas-limited']);
  });

  test('a longer DCC lead time governs', () => {
    // 1 March 2027 + 12 months = 1 March 2028; the February 2028 release (24th) is too early, so June: 29 June 2028.
    const t = buildTimeline(results, inputs({ dccLeadTimeMonths: 12 }));
    expect(t).toMatchObject({ requiredMonths: 12, governedBy: 'dcc', governingRespondent: null, readyDate: '2028-03-01', earliestRelease: '2028-06-29' });
    expect(t.milestones.find((m) => m.name === 'DCC build and test')).toEqual({ name: 'DCC build and test', start: '2027-03-01', end: '2028-03-01' });
  });

  test('coverage of a share of respondents', () => {
    // counted lead times 0, 6, 8 months: half of three respondents needs the second, 6 months (ENGIE)
    const t = buildTimeline(results, inputs({ coverage: { kind: 'share-of-respondents', share: 0.5 } }));
    expect(t).toMatchObject({ requiredMonths: 6, governingRespondent: 'engie-engie-power-limited-engie-gas-limited', readyDate: '2027-09-01', earliestRelease: '2027-11-04' });
    expect(t.respondents.find((r) => r.respondentId === 'utilita-energy-ltd')!.status).toBe('beyond-coverage');
  });

  test('coverage of market share', () => {
    const marketShares = { 'ovo-energy': 0.5, 'utilita-energy-ltd': 0.1, 'engie-engie-power-limited-engie-gas-limited': 0.4 };
    // sorted by lead time: OVO 0 (50%), ENGIE 6 (90%), Utilita 8 (100%); 80% needs ENGIE's 6 months
    expect(buildTimeline(results, inputs({ coverage: { kind: 'share-of-market', share: 0.8, marketShares } })).requiredMonths).toBe(6);
  });

  test('a respondent who named a release is held to it', () => {
    const text = seedText().replace('Immediately\tWe would not make use', 'June 2028 SEC Release\tWe would not make use');
    const named = importText(text, 'named').analysis.results;
    const t = buildTimeline(named, inputs());
    expect(t.respondents.find((r) => r.respondentId === 'ovo-energy')).toMatchObject({ status: 'named-release', readyBy: '2028-06-29' });
    expect(t.earliestRelease).toBe('2028-06-29');
  });

  test('a calendar that ends before the ready date gives no release, and bad inputs are named', () => {
    expect(buildTimeline(results, inputs({ releases: [d('2027-02-25') as IsoDate] })).earliestRelease).toBeNull();
    expect(timelineProblems(inputs({ dccLeadTimeMonths: -1, releases: [] }))).toEqual(['the DCC lead time must be 0 months or more', 'the release calendar is empty']);
  });
});

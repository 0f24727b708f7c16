import fc from 'fast-check';
import { formatLeadTime, parseLeadTimeAnswer, type DurationUnit, type LeadTimeAnswer } from '../../src/model/leadTimeAnswer';

const monthsOf = (text: string) => {
  const a = parseLeadTimeAnswer(text);
  if (a.kind !== 'months') throw new Error(`${text} read as ${a.kind}`);
  return [a.minMonths, a.maxMonths];
};

describe('parseLeadTimeAnswer', () => {
  test.each([
    ['6 – 8 Months', 6, 8],
    ['6 months', 6, 6],
    ['3-6 months', 3, 6],
    ['6 to 8 months', 6, 8],
    ['1 year', 12, 12],
    ['2 years', 24, 24],
    ['18 months from approval', 18, 18],
    ['six months', 6, 6],
    ['up to 6 months', 0, 6],
    ['Yes, 9 months', 9, 9],
  ])('%s → %p to %p months', (text, min, max) => {
    expect(monthsOf(text)).toEqual([min, max]);
  });

  test('days and weeks convert at 365.25/12 days a month', () => {
    // 12 weeks = 84 days; 84 / 30.4375 = 2.7597...
    expect(monthsOf('12 weeks')[0]).toBeCloseTo(84 / 30.4375, 10);
    expect(monthsOf('90 days')[1]).toBeCloseTo(90 / 30.4375, 10);
  });

  test.each([
    ['Immediately', 'immediate'],
    ['None required', 'immediate'],
    ['We would not implement the solution', 'not-implementing'],
    ['Yes', 'as-proposed'],
    ['In line with the proposed implementation date', 'as-proposed'],
    ['Neutral', 'no-view'],
    ['-', 'no-view'],
    ['', 'no-view'],
    ['No', 'unreadable'],
    ['6 months build, then 3 months test', 'unreadable'],
  ])('%p is %s', (text, kind) => {
    expect(parseLeadTimeAnswer(text).kind).toBe(kind);
  });

  test('a named release or date is kept as a release', () => {
    expect(parseLeadTimeAnswer('No, propose earliest release: November 2015.')).toMatchObject({ kind: 'release', release: { year: 2015, month: 11 } });
    expect(parseLeadTimeAnswer('June 2027 SEC Release')).toMatchObject({ kind: 'release', release: { year: 2027, month: 6 } });
    expect(parseLeadTimeAnswer('24 Feb 2022')).toMatchObject({ kind: 'release', release: { year: 2022, month: 2, day: 24 } });
    expect(parseLeadTimeAnswer('30 February 2027').kind).toBe('unreadable');
  });

  test('a minimum only is flagged', () => {
    expect(parseLeadTimeAnswer('at least 9 months').flag).toMatch(/minimum only/);
  });
});

describe('parseLeadTimeAnswer: properties', () => {
  test('never throws; min ≤ max', () => {
    const piece = fc.constantFrom('6', '8', ' ', '-', '–', 'months', 'weeks', 'year', 'to', 'no', 'yes', 'november 2015', 'immediately', ',');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.array(piece, { maxLength: 10 }).map((p) => p.join(' '))), (text) => {
        const a = parseLeadTimeAnswer(text);
        if (a.kind === 'months') expect(a.minMonths).toBeLessThanOrEqual(a.maxMonths);
      }),
    );
  });

  test('the display text reads back as the same lead time; one beyond ten years is unreadable', () => {
    const unit = fc.constantFrom<DurationUnit>('days', 'weeks', 'months', 'years');
    const perUnit = { days: 12 / 365.25, weeks: (7 * 12) / 365.25, months: 1, years: 12 };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 24 }), unit, (min, extra, u) => {
        const first = parseLeadTimeAnswer(`${min}-${min + extra} ${u}`);
        if ((min + extra) * perUnit[u] > 120) return expect(first).toMatchObject({ kind: 'unreadable', flag: expect.stringMatching(/longer than any plausible lead time/) });
        const back = parseLeadTimeAnswer(formatLeadTime(first));
        expect(back).toMatchObject({ kind: 'months', stated: { min, max: min + extra, unit: u } });
        if (back.kind === 'months' && first.kind === 'months') expect(back.maxMonths).toBe(first.maxMonths);
      }),
    );
  });

  test('every kind survives format → parse', () => {
    const answers: LeadTimeAnswer[] = ['Immediately', 'We would not implement the solution', 'Yes', 'Neutral', 'June 2027 SEC Release'].map(
      (t) => parseLeadTimeAnswer(t),
    );
    for (const a of answers) expect(parseLeadTimeAnswer(formatLeadTime(a))).toMatchObject({ kind: a.kind });
    expect(formatLeadTime(parseLeadTimeAnswer('6 – 8 Months'))).toBe('6–8 months');
  });
});

describe('parseLeadTimeAnswer: what cannot be a lead time, intentions and agreement in any wording', () => {
  test('a negative or implausibly long duration is unreadable, saying why, never read as another figure', () => {
    expect(parseLeadTimeAnswer('-3 months')).toMatchObject({ kind: 'unreadable', flag: expect.stringMatching(/negative duration/) });
    expect(parseLeadTimeAnswer('999999 years')).toMatchObject({ kind: 'unreadable', flag: expect.stringMatching(/999999 years is longer than any plausible lead time \(more than 10 years\)/) });
    expect(parseLeadTimeAnswer('6 – 8 months')).toMatchObject({ kind: 'months', maxMonths: 8 });
    expect(parseLeadTimeAnswer('10 years')).toMatchObject({ kind: 'months', maxMonths: 120 });
  });

  test('property: a stated refusal, however worded, is read as would not implement', () => {
    const refusal = fc.oneof(
      fc.tuple(
        fc.constantFrom('do not', "don't", 'will not', "won't", 'would not', 'are not', 'cannot', 'does not'),
        fc.constantFrom('', 'intend to ', 'plan to ', 'expect to ', 'currently intend to ', 'be ', 'propose to '),
        fc.constantFrom('implement', 'implementing', 'use', 'adopt', 'take up', 'deploy', 'make use of', 'participate'),
      ).map(([no, intent, verb]) => `${no} ${intent.startsWith('currently') ? `currently ${intent.slice(10)}` : intent}${verb}`),
      fc.tuple(fc.constantFrom('have no', 'has no', 'no'), fc.constantFrom('plans', 'plan', 'intention', 'current plans'), fc.constantFrom('implement', 'use', 'adopt')).map(
        ([no, plan, verb]) => `${no} ${plan} ${plan.includes('intention') ? 'of' : 'to'} ${verb}`,
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom('We ', 'Our organisation ', 'We currently ', ''), refusal, fc.constantFrom('', ' this', ' the solution', ' this functionality.', '.'), (who, says, what) => {
        expect(parseLeadTimeAnswer(`${who}${says}${what}`)).toMatchObject({ kind: 'not-implementing' });
      }),
    );
  });

  test('a refusal that also gives a condition or figure is read as would not implement, flagged', () => {
    expect(parseLeadTimeAnswer('We will not implement unless mandated')).toMatchObject({ kind: 'not-implementing', flag: expect.stringMatching(/check it/) });
    expect(parseLeadTimeAnswer('We do not plan to implement until 2028')).toMatchObject({ kind: 'not-implementing', flag: expect.stringMatching(/condition, date or figure/) });
  });

  test('property: agreement with the proposed plan, however worded, is as proposed; a negative turns it round', () => {
    const agree = fc.constantFrom('are happy with', 'agree with', 'are content with', 'support', 'are comfortable with', 'accept', 'can meet', 'are satisfied with');
    const plan = fc.tuple(fc.constantFrom('proposed', 'suggested', 'recommended'), fc.constantFrom('approach', 'timescales', 'timeline', 'implementation date', 'release', 'timetable', 'implementation approach'));
    fc.assert(
      fc.property(fc.constantFrom('We ', ''), agree, plan, fc.boolean(), (who, verb, [adj, noun], negated) => {
        const said = negated ? `${who}${verb.startsWith('are ') ? `are not ${verb.slice(4)}` : `do not ${verb}`}` : `${who}${verb}`;
        const a = parseLeadTimeAnswer(`${said} the ${adj} ${noun}`);
        if (negated) expect(a.kind).not.toBe('as-proposed');
        else expect(a.kind).toBe('as-proposed');
      }),
    );
    expect(parseLeadTimeAnswer('The suggested timeline seems workable')).toMatchObject({ kind: 'as-proposed' });
  });
});

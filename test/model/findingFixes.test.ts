import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importText } from '../../src/import/importText';
import { findingFix } from '../../src/model/findingFixes';
import { seedText } from '../support/seed';

const fixesOf = (text: string, cap = 2) => {
  const read = importText(text, 'doc');
  const byId = new Map(read.analysis.results.map((r) => [r.respondent.id, r]));
  return read.findings.map((f) => findingFix(f, byId, cap)).filter((x) => x !== null);
};

describe('what a finding proposes, as one override', () => {
  test('a figure the rationale mentions, for an answer that gave none', () => {
    const text = seedText().replace('Yes, if approved we would be paying for a service that we have no intention of using.', 'Yes, we estimate around £40k.');
    expect(fixesOf(text)).toEqual([{ label: 'Use £40k', done: 'Using £40k', respondentId: 'ovo-energy', cost: { low: 40_000, high: 40_000 } }]);
  });

  test('the cap an open-ended band was given, at the cap multiple in force', () => {
    const ten = readFileSync(join(__dirname, '..', 'fixtures', 'ok.ten-respondents.txt'), 'utf8');
    expect(fixesOf(ten)).toEqual([{ label: 'Keep the £2m cap', done: 'Kept the £2m cap', respondentId: 'alpha-energy', cost: { low: 1_000_000, high: 2_000_000 } }]);
    expect(fixesOf(ten, 3)[0]).toMatchObject({ label: 'Keep the £3m cap', cost: { high: 3_000_000 } });
  });

  test('a finding that proposes no figure offers no fix', () => {
    expect(fixesOf(seedText())).toEqual([]);
  });
});

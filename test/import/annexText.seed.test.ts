import { readAnnexText } from '../../src/import/annexText';
import { analyseConsultation } from '../../src/model/responseAnalysis';
import { longestLeadTime, respondentTotals } from '../../src/model/respondentTotals';
import { seedText } from '../support/seed';

const { consultation, findings } = readAnnexText(seedText(), 'MP207 Annex D');
const analysis = analyseConsultation(consultation);
const byName = (name: string) => analysis.results.find((r) => r.respondent.name.startsWith(name))!;

describe('the MP207 seed', () => {
  test('modification, consultation and nine questions', () => {
    expect(consultation.modification).toEqual({ id: 'MP207', title: 'Allowing Registered Supplier Agents to Maintain Meter Firmware' });
    expect(consultation.title).toBe('Refinement Consultation');
    expect(consultation.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(consultation.questions[3]!.text).toBe('Will your organisation incur any costs in implementing MP207?');
    expect(consultation.questions[7]!.columns).toEqual(['Respondent', 'Category', 'Response', 'Rationale', 'SECAS Response']);
    expect(consultation.questions[8]!.columns).toEqual(['Respondent', 'Category', 'Comments']);
    expect(findings).toEqual([]);
  });

  test('five respondents with their categories, the split ENGIE name read as one', () => {
    expect(consultation.respondents.map((r) => [r.name, r.category])).toEqual([
      ['EON UK', 'Large Supplier'],
      ['OVO Energy', 'Large Supplier'],
      ['Utility Warehouse', 'Large Supplier'],
      ['Utilita Energy Ltd', 'Large Supplier'],
      ['ENGIE (ENGIE Power Limited, ENGIE Gas Limited)', 'Small Supplier'],
    ]);
    expect(consultation.answers).toHaveLength(45);
  });

  test('a row continued over a page break joins the row above, mid-sentence in one paragraph', () => {
    const utilitaQ1 = consultation.answers.find((a) => a.question === 1 && a.respondentId === 'utilita-energy-ltd')!;
    expect(utilitaQ1.rationale).toContain('which would still leave suppliers requiring processes to monitor');
    expect(utilitaQ1.rationale.split('\n')).toHaveLength(2);
    expect(utilitaQ1.source.firstLine).toBe(24);
    expect(utilitaQ1.source.lastLine).toBe(28);
    const engieQ8 = consultation.answers.find((a) => a.question === 8 && a.respondentId.startsWith('engie'))!;
    expect(engieQ8.source).toMatchObject({ firstLine: 101, lastLine: 105 });
    expect(engieQ8.extra).toEqual({ 'SECAS Response': '-' });
  });

  test('HTML is reduced to text with paragraphs kept', () => {
    const ovoQ1 = consultation.answers.find((a) => a.question === 1 && a.respondentId === 'ovo-energy')!;
    expect(ovoQ1.rationale).not.toMatch(/<\/?p>/);
    expect(ovoQ1.rationale.split('\n')).toHaveLength(3);
    expect(ovoQ1.source.raw).toContain('<p>We are yet to see evidence');
  });

  test('question 9 has comments and no response column', () => {
    const eonQ9 = consultation.answers.find((a) => a.question === 9 && a.respondentId === 'eon-uk')!;
    expect(eonQ9.response).toBe('');
    expect(eonQ9.rationale).toMatch(/^The costs for MP207 will eventually be paid/);
  });

  test('cost question 4 and lead-time question 5 are told from their wording', () => {
    expect(analysis.roles).toEqual({ costQuestion: 4, leadTimeQuestion: 5 });
  });

  test('costs as the issue states them', () => {
    expect(byName('EON').cost).toMatchObject({ kind: 'band', low: 100_000, high: 250_000 });
    expect(byName('OVO').cost.kind).toBe('unquantified');
    expect(byName('Utility Warehouse').cost).toMatchObject({ kind: 'band', low: 0, high: 100_000 });
    expect(byName('Utilita').cost).toMatchObject({ kind: 'band', low: 250_000, high: 500_000 });
    expect(byName('ENGIE').cost).toMatchObject({ kind: 'band', low: 0, high: 100_000 });
    const totals = respondentTotals(analysis.results);
    // 100k + 0 + 250k + 0 = 350k; 250k + 100k + 500k + 100k = 950k
    expect([totals.low, totals.high]).toEqual([350_000, 950_000]);
    expect(totals.counts).toEqual({ band: 4, zero: 0, unquantified: 1, none: 0, unreadable: 0, notImplementing: 1 });
  });

  test('lead times as the issue states them', () => {
    expect(byName('EON').leadTime.kind).toBe('not-implementing');
    expect(byName('OVO').leadTime.kind).toBe('immediate');
    expect(byName('Utility Warehouse').leadTime.kind).toBe('no-view');
    expect(byName('Utilita').leadTime).toMatchObject({ kind: 'months', minMonths: 6, maxMonths: 8 });
    expect(byName('ENGIE').leadTime).toMatchObject({ kind: 'months', minMonths: 6, maxMonths: 6 });
    expect(longestLeadTime(analysis.results)).toEqual({ months: 8, respondentId: 'utilita-energy-ltd' });
  });

  test('an explicit role override wins over the wording', () => {
    expect(analyseConsultation(consultation, { costQuestion: 3 }).roles.costQuestion).toBe(3);
    const missing = analyseConsultation(consultation, { leadTimeQuestion: 42 });
    expect(missing.roles.leadTimeQuestion).toBeNull();
    expect(missing.findings[0]!.message).toMatch(/no question 42/);
  });
});

import { readAnnexText } from '../../src/import/annexText';
import { combineConsultations } from '../../src/model/combineConsultations';
import { seedText } from '../support/seed';

const refinement = readAnnexText(seedText(), 'refinement.txt').consultation;
const reportPhase = readAnnexText(
  seedText()
    .replace('## Refinement Consultation responses', '## Modification Report Consultation responses')
    .replace('£250k-£500k', '£300k-£600k')
    .replace('<b>ENGIE (ENGIE Power Limited, ENGIE Gas Limited)</b>\tSmall Supplier\tLess than £100k', '<b>ENGIE (ENGIE Power Limited, ENGIE Gas Limited)</b>\tSmall Supplier\tNone'),
  'report.txt',
).consultation;

describe('two consultations of one modification', () => {
  test('by default each respondent’s earlier answers are used, and the later ones are reported', () => {
    const a = combineConsultations([refinement, reportPhase], false);
    expect(a.consultation.title).toBe('Refinement Consultation + Modification Report Consultation');
    expect(a.consultation.answers).toHaveLength(90);
    expect(a.consultation.answers.find((x) => x.question === 104 && x.respondentId === 'utilita-energy-ltd')!.extra).toEqual({ Consultation: 'Modification Report Consultation' });
    expect(a.results.find((r) => r.respondent.id === 'utilita-energy-ltd')!.cost).toMatchObject({ low: 250_000, high: 500_000 });
    expect(a.findings.find((f) => f.text === 'Utilita Energy Ltd')!.message).toBe(
      'Utilita Energy Ltd also answered the Modification Report Consultation (cost "£300k-£600k", lead time "6 – 8 Months"); the Refinement Consultation answers are used; choose "later answers supersede" to use the later ones',
    );
  });

  test('when the modeller chooses, the later answers supersede', () => {
    const a = combineConsultations([refinement, reportPhase], true);
    expect(a.results.find((r) => r.respondent.id === 'utilita-energy-ltd')!.cost).toMatchObject({ low: 300_000, high: 600_000 });
    expect(a.results.find((r) => r.respondent.id.startsWith('engie'))!.cost.kind).toBe('zero');
    expect(a.roles).toEqual({ costQuestion: 4, leadTimeQuestion: 5 });
  });

  test('one consultation is analysed as it is', () => {
    expect(combineConsultations([refinement], true).results).toHaveLength(5);
  });
});

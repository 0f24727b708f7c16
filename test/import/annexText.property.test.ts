import fc from 'fast-check';
import { readAnnexText } from '../../src/import/annexText';
import { formatCostBand, parseCostAnswer } from '../../src/model/costAnswer';
import { respondentId } from '../../src/model/consultation';
import { parseLeadTimeAnswer } from '../../src/model/leadTimeAnswer';
import { analyseConsultation } from '../../src/model/responseAnalysis';

const CATEGORIES = ['Large Supplier', 'Small Supplier', 'Electricity Network Party', 'Gas Network Party', 'Other SEC Party', 'DCC'];
const word = fc.constantFrom('Energy', 'Power', 'Gas', 'Networks', 'Supply', 'Metering', '(UK)', 'Limited,', 'Ltd', '& Co', 'Retail');

interface Row {
  name: string;
  category: string;
  cost: string;
  lead: string;
  rationale: string[];
}

const band = fc
  .tuple(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 1, max: 900 }), fc.boolean())
  .map(([a, extra, open]) => formatCostBand(a * 1000, open ? null : (a + extra) * 1000));

const rows = fc
  .uniqueArray(fc.array(word, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 25, selector: (w) => w.join(' ') })
  .chain((names) =>
    fc.tuple(
      ...names.map((words, i) =>
        fc.record({
          name: fc.constant(`Org${i} ${words.join(' ')}`),
          category: fc.constantFrom(...CATEGORIES),
          cost: fc.oneof(band, fc.constantFrom('Yes', '-', 'None', 'Minimal')),
          lead: fc.oneof(
            fc.tuple(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 12 }), fc.constantFrom('months', 'weeks', 'Months')).map(([a, extra, unit]) => (extra ? `${a} – ${a + extra} ${unit}` : `${a} ${unit}`)),
            fc.constantFrom('Immediately', 'We would not implement the solution', '-', 'Neutral', 'No, propose earliest release: November 2028.'),
          ),
          rationale: fc.array(fc.lorem({ maxCount: 8 }), { minLength: 1, maxLength: 3 }),
        }),
      ),
    ),
  );

/** One question's table, with a page break (label and header repeated) after any row in `breaks`. */
function table(question: number, data: Row[], breaks: Set<number>, splitAtBreak: boolean, answer: (r: Row) => string = (r) => r.cost): string[] {
  const head = [`Question ${question}\t\t\t`, 'Respondent\tCategory\tResponse\tRationale'];
  const out = [...head];
  data.forEach((r, i) => {
    const paragraphs = r.rationale.map((p) => `<p>${p}.</p>`);
    const split = splitAtBreak && breaks.has(i) && paragraphs.length > 1;
    out.push(`<b>${r.name}</b>\t${r.category}\t${answer(r)}\t${(split ? paragraphs.slice(0, 1) : paragraphs).join(' ')}`);
    if (breaks.has(i)) {
      out.push('', ...head);
      if (split) out.push(`\t\t\t${paragraphs.slice(1).join(' ')}`);
    }
  });
  return out;
}

describe('readAnnexText on generated collations', () => {
  test('every respondent appears once, with their category, cost answer and whole rationale', () => {
    fc.assert(
      fc.property(rows, fc.array(fc.nat(30)), fc.boolean(), (data, breakRows, splitAtBreak) => {
        const breaks = new Set(breakRows.filter((b) => b < data.length - 1));
        const doc = [
          '# MP123 ‘Generated’',
          '',
          '## Question 1: Will your organisation incur any costs?',
          '',
          ...table(1, data, breaks, splitAtBreak),
          '',
          '## Question 2: How long from the point of approval would your organisation need to implement?',
          '',
          ...table(2, data, breaks, splitAtBreak, (r) => r.lead),
        ].join('\n');
        const { consultation, findings } = readAnnexText(doc, 'generated');
        expect(findings).toEqual([]);
        expect(consultation.respondents.map((r) => [r.name, r.category])).toEqual(data.map((r) => [r.name, r.category]));
        const analysis = analyseConsultation(consultation);
        expect(analysis.roles).toEqual({ costQuestion: 1, leadTimeQuestion: 2 });
        analysis.results.forEach((r, i) => {
          expect(r.leadTime).toEqual(parseLeadTimeAnswer(data[i]!.lead));
        });
        consultation.answers.filter((a) => a.question === 1).forEach((a, i) => {
          const row = data[i]!;
          expect(a.respondentId).toBe(respondentId(row.name));
          expect(a.response).toBe(row.cost);
          expect(a.rationale.split('\n')).toEqual(row.rationale.map((p) => `${p}.`));
          expect(parseCostAnswer(a.response)).toEqual(parseCostAnswer(row.cost));
        });
      }),
    );
  });

  test('a later question may list its respondents in another order, or a name in other capitals: each answer is still its own respondent\'s', () => {
    const shuffled = rows.chain((data) => fc.tuple(fc.constant(data), fc.shuffledSubarray(data, { minLength: data.length, maxLength: data.length }), fc.array(fc.boolean(), { minLength: data.length, maxLength: data.length })));
    fc.assert(
      fc.property(shuffled, ([data, later, upper]) => {
        const doc = [
          '## Question 1: Will your organisation incur any costs?',
          ...table(1, data, new Set(), false),
          '',
          '## Question 2: How long from the point of approval would your organisation need to implement?',
          ...table(2, later.map((r, i) => (upper[i] ? { ...r, name: r.name.toUpperCase() } : r)), new Set(), false, (r) => r.lead),
        ].join('\n');
        const { consultation, findings } = readAnnexText(doc, 'generated');
        expect(findings).toEqual([]);
        expect(consultation.respondents.map((r) => r.name)).toEqual(data.map((r) => r.name));
        const results = analyseConsultation(consultation).results;
        results.forEach((r, i) => expect([r.respondent.name, r.leadTime]).toEqual([data[i]!.name, parseLeadTimeAnswer(data[i]!.lead)]));
      }),
    );
  });

  test('never throws on arbitrary text, and every finding names a line inside the document', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('Question 1\t\t\t', 'Respondent\tCategory\tResponse\tRationale', '## Question 2: How long?', '\t\t\tcontinued', '', '<b>A</b>\tSmall Supplier\tYes\t-'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const { findings } = readAnnexText(lines.join('\n'), 'arbitrary');
        for (const f of findings) expect(f.line).toBeLessThanOrEqual(lines.length);
      }),
    );
  });
});

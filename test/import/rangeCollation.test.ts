import { analyseRead } from '../../src/import/importText';
import { readRangeCollation } from '../../src/import/rangeCollation';

/** The seed's cost and lead-time answers as a modeller might paste them into a sheet. */
const range: unknown[][] = [
  ['Answers pasted from the Annex', '', '', '', ''],
  ['Respondent name', 'Party category', 'Question', 'Answer', 'Comments'],
  ['EON UK', 'Large Supplier', 'Q4: Will your organisation incur any costs in implementing MP207?', '£100k-£250k', 'Our share of the costs'],
  ['OVO Energy', 'Large Supplier', 4, 'Yes', ''],
  ['Utilita Energy Ltd', 'Large Supplier', '4', '£250k-£500k', ''],
  ['EON UK', 'Large Supplier', 'Question 5: How long from the point of approval would your organisation need to implement MP207?', 'We would not implement the solution', ''],
  ['Utilita Energy Ltd', 'Large Supplier', 5, '6 – 8 Months', ''],
  ['', '', '', '', ''],
  ['Stray note', '', 'see above', '', ''],
];

describe('a range of answers selected in a worksheet', () => {
  test('is read with loosely named headers, numbered or worded questions, and the roles found from the wording', () => {
    const read = readRangeCollation(range, 'selected range');
    expect(read.consultation.questions.map((q) => [q.number, q.text])).toEqual([
      [4, 'Will your organisation incur any costs in implementing MP207?'],
      [5, 'How long from the point of approval would your organisation need to implement MP207?'],
    ]);
    expect(read.consultation.respondents.map((r) => [r.name, r.category])).toEqual([
      ['EON UK', 'Large Supplier'],
      ['OVO Energy', 'Large Supplier'],
      ['Utilita Energy Ltd', 'Large Supplier'],
    ]);
    expect(read.findings).toEqual([{ severity: 'warning', line: 9, text: 'Stray note |  | see above |  | ', message: '"see above" does not start with a question number: row not read' }]);
    const { analysis } = analyseRead(read, {});
    expect(analysis.roles).toEqual({ costQuestion: 4, leadTimeQuestion: 5 });
    expect(analysis.results.map((r) => [r.respondent.name, r.cost.kind, r.leadTime.kind])).toEqual([
      ['EON UK', 'band', 'not-implementing'],
      ['OVO Energy', 'unquantified', 'no-view'],
      ['Utilita Energy Ltd', 'band', 'months'],
    ]);
  });

  test('a range without the columns it needs says which', () => {
    expect(readRangeCollation([['Respondent', 'Category', 'Cost']], 'x').findings[0]!.message).toBe('the selected range has no question, response column');
    expect(readRangeCollation([['a', 'b']], 'x').findings[0]!.message).toBe('the selected range has no header row with a "Respondent" column');
  });
});

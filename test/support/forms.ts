import { readAnnexText } from '../../src/import/annexText';
import { seedText } from './seed';

/**
 * Each seed respondent's answers as their own response form, built from the seed's collation:
 * "Respondent:" and "Category:" lines, then each question as a heading with Response and
 * Rationale lines (or, with `asTable`, one tab-separated row per question).
 */
export function seedForms(asTable = false): Array<{ sourceName: string; text: string }> {
  const { consultation } = readAnnexText(seedText(), 'seed');
  return consultation.respondents.map((r, i) => {
    const lines = [`# MP207 ‘Allowing Registered Supplier Agents to Maintain Meter Firmware’ response form`, '', `Respondent: ${r.name}`, `Category: ${r.category}`, ''];
    if (asTable) lines.push('Question\tResponse\tRationale');
    for (const q of consultation.questions) {
      const a = consultation.answers.find((x) => x.question === q.number && x.respondentId === r.id);
      if (!a || !a.response) continue;
      if (asTable) lines.push(`Question ${q.number}: ${q.text}\t${a.response}\t${a.rationale.replace(/\n/g, ' ')}`);
      else lines.push(`## Question ${q.number}: ${q.text}`, `Response: ${a.response}`, `Rationale: ${a.rationale}`, '');
    }
    return { sourceName: `form-${i + 1}.txt`, text: lines.join('\n') };
  });
}

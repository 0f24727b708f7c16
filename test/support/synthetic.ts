/** Collated documents of any size, in the seed's text form, for scale tests and benchmarks. */

const COSTS = ['£100k-£250k', 'Less than £100k', '£250k-£500k', 'Yes', '-', 'None', 'More than £1m', '£75,000'];
const LEADS = ['6 – 8 Months', 'Immediately', 'We would not implement the solution', '-', '6 months', '12 weeks', '1 year'];
const CATEGORIES = ['Large Supplier', 'Small Supplier', 'Electricity Network Party', 'Gas Network Party', 'Other SEC Party'];

export function syntheticName(i: number): string {
  return `Respondent ${String(i + 1).padStart(5, '0')} Ltd`;
}

/** N respondents answering a cost question (1) and a lead-time question (2), with a page break every 40 rows. */
export function syntheticAnnex(respondents: number): string {
  const out: string[] = ['# MP900 ‘A synthetic modification’', '', '## Refinement Consultation responses', ''];
  const question = (n: number, wording: string, answer: (i: number) => string) => {
    out.push(`## Question ${n}: ${wording}`, '');
    for (let i = 0; i < respondents; i++) {
      if (i % 40 === 0) out.push('', `Question ${n}\t\t\t`, 'Respondent\tCategory\tResponse\tRationale');
      out.push(`<b>${syntheticName(i)}</b>\t${CATEGORIES[i % CATEGORIES.length]}\t${answer(i)}\t<p>Rationale ${i}.</p>`);
    }
    out.push('');
  };
  question(1, 'Will your organisation incur any costs in implementing MP900?', (i) => COSTS[i % COSTS.length]!);
  question(2, 'How long from the point of approval would your organisation need to implement MP900?', (i) => LEADS[i % LEADS.length]!);
  return out.join('\n');
}

export interface SyntheticRow {
  readonly category: string;
  readonly cost: string;
  readonly lead: string;
}

/** A collation with exactly these respondents' cost and lead-time answers. */
export function annexOf(rows: readonly SyntheticRow[]): string {
  const out: string[] = ['# MP901 ‘Generated’', ''];
  const question = (n: number, wording: string, answer: (r: SyntheticRow) => string) => {
    out.push(`## Question ${n}: ${wording}`, '', `Question ${n}\t\t\t`, 'Respondent\tCategory\tResponse\tRationale');
    rows.forEach((r, i) => out.push(`<b>${syntheticName(i)}</b>\t${r.category}\t${answer(r)}\t-`));
    out.push('');
  };
  question(1, 'Will your organisation incur any costs?', (r) => r.cost);
  question(2, 'How long would you need to implement?', (r) => r.lead);
  return out.join('\n');
}

export const SYNTHETIC_CATEGORIES = CATEGORIES;
export const SYNTHETIC_COSTS = [...COSTS, '£0', '£1m-£2m', 'circa £50k', 'Minimal', 'N/A'];
export const SYNTHETIC_LEADS = [...LEADS, 'Yes', 'No, propose earliest release: November 2028.', '3-6 months', '18 months', 'Neutral'];

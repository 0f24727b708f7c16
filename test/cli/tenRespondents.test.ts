import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { memoryIo } from '../support/memoryIo';

const fixture = join(__dirname, '..', 'fixtures', 'ok.ten-respondents.txt');

/** Ten respondents: an open-ended band, a zero, a "Yes" with no figure, a yearly cost, a past named release, a blank. */
async function run(json: boolean) {
  const io = memoryIo({ [fixture]: readFileSync(fixture) });
  const code = await main([fixture, '--decision-date', '2027-03-01', '--iterations', '2000', ...(json ? ['--json'] : [])], io.io);
  expect(code).toBe(0);
  return io;
}

describe('a ten-respondent document: every figure says what it rests on, and what cannot exist is not shown', () => {
  test('JSON: yearly costs kept apart, NPV over the cost range, break-even not reached, defaults and failing checks named', async () => {
    const report = JSON.parse((await run(true)).stdout());
    const byName = (name: string) => report.respondents.find((r: { name: string }) => r.name === name);
    expect(byName('Delta Networks').cost).toMatchObject({ kind: 'band', low: 100_000, high: 250_000, ongoingPerYear: { low: 20_000, high: 20_000 } });
    expect(byName('Alpha Energy').cost).toMatchObject({ kind: 'band', low: 1_000_000, high: null });
    expect(byName('Beta Power').cost.kind).toBe('zero');
    expect(byName('Gamma Supply').cost.kind).toBe('unquantified');
    expect(byName('Gamma Supply').leadTime).toMatchObject({ kind: 'release', release: { year: 2015, month: 11 } });

    const industry = report.model.industry;
    expect(industry).toMatchObject({ wholeIndustry: false, dccImplementation: null, secas: null, dccOngoingPerYear: null, ongoingPerYear: { low: 20_000, central: 20_000, high: 20_000 } });
    // Alpha's open-ended band is capped at the default 2×: said, beside the other defaults.
    expect(industry.basis).toEqual(['populations not entered', 'the default cap on open-ended bands', 'DCC implementation cost not yet provided', 'SECAS cost not yet provided']);

    // Ready 1 March 2028 (Alpha's twelve months), release 29 June 2028: appraisal year 1.
    expect(report.model.appraisal).toEqual({ years: 10, goLive: '2028-06-29', benefitsStart: '2028-06-29', implementationYear: 1, benefitsYear: 1 });
    const [low, central, high] = report.model.scenarios;
    for (const s of report.model.scenarios) {
      expect(s.npvAtCost.low).toBeGreaterThan(s.npvAtCost.central);
      expect(s.npvAtCost.central).toBeGreaterThan(s.npvAtCost.high);
    }
    // Ten parties in all: the Central scenario would need more adopters than exist.
    expect(central).toMatchObject({ breakEvenUptake: null, breakEvenAdopters: null });
    expect(central.breakEvenReason).toMatch(/^not reached at full uptake: it would take \d+\.\d adopting parties, and there are 10$/);
    expect(low.breakEvenUptake).toBeNull();
    expect(high.breakEvenUptake).toBeGreaterThan(0);
    expect(high.breakEvenUptake).toBeLessThanOrEqual(1);
    expect(low.basis).toContain('placeholder uptake');

    // Gamma named a release before the decision: a finding, and a failing check until months are entered.
    expect(report.checks.ok).toBe(false);
    expect(report.checks.list.filter((c: { pass: boolean }) => !c.pass).map((c: { name: string }) => c.name)).toEqual(['CheckNamedReleases']);
    expect(report.findings.map((f: { message: string }) => f.message)).toContainEqual(
      'Gamma Supply named November 2015 release, which is not after the decision date (2027-03-01): it says nothing about their readiness now, so it is not counted; enter their lead time on Lead times',
    );
    // Kappa's "Minimal" is a word, not a figure: counted as a cost without an amount, and said so.
    expect(report.findings.map((f: { message: string }) => f.message)).toContainEqual(
      'Kappa Utilities, question 2 (cost): “minimal” gives no figure: read as a cost without an amount',
    );
  });

  test('the summary and the report say the same, in words', async () => {
    const io = await run(false);
    const out = io.stdout();
    expect(out).toContain('Industry: £1.95m–£3.95m (central £2.95m), not the whole industry (some categories taken to have only their respondents)');
    expect(out).toMatch(/Central NPV −£[\d.]+m \(−£[\d.]+m to −£[\d.]+m over the cost range\), break-even not reached at full uptake/);
    expect(out).toContain('Checks: 1 of 13 checks fail: Every release a respondent named is after the decision date, or the respondent has a lead-time override');
    expect(out).toContain('Findings: 0 errors, 1 warning, 3 notes (see the Findings sheet)');

    const md = new TextDecoder().decode(io.written.get('out/MP999-report.md')!);
    expect(md).toContain('| Alpha Energy | Large Supplier | More than £1m | £1m–£2m | Open-ended band: no upper figure given, so it is capped (see below) |');
    expect(md).toContain('| Gamma Supply | Small Supplier | Yes | no figure given |  |');
    expect(md).toContain('| Delta Networks | Electricity Network Party | £100k-£250k one-off, plus around £20k a year to run | £100k–£250k; £20k a year | Approximate figure |');
    expect(md).toContain('| DCC: design, build and test | not yet provided | not yet provided |');
    expect(md).toContain('| Gamma Supply | Small Supplier | November 2015 release | - | Named a past release |');
    expect(md).toContain('Implementation would cost £1.95m–£3.95m (central estimate £2.95m)');
    expect(md).toContain('This is not the whole industry’s cost: six categories have no number of parties entered, so only their respondents are counted.');
    expect(md).toContain('in the Central scenario no uptake breaks even: it would take more adopters than there are parties');
    expect(md).toContain('*Model checks: some checks fail: see the Checks sheet of the model workbook.*');
    expect(md).not.toMatch(/\d\.\d parties \(\d{3,}/);
  });
});

const { DefaultReporter, SummaryReporter } = require('@jest/reporters');

/**
 * Jest's default output and summary, then one plain line that CI reads: "tests: N passed, N failed".
 * Jest prints its built-in summary after every custom reporter, so this reporter stands in for
 * "default" and prints the summary itself before the line.
 */
class SummaryLineReporter extends DefaultReporter {
  constructor(globalConfig) {
    super(globalConfig);
    this.summary = new SummaryReporter(globalConfig, {});
  }

  onRunStart(results, options) {
    super.onRunStart(results, options);
    this.summary.onRunStart(results, options);
  }

  onRunComplete(contexts, results) {
    super.onRunComplete?.(contexts, results);
    this.summary.onRunComplete(contexts, results);
    // A suite that fails to load has no failed tests; count it once so a broken run never reads "0 failed".
    const brokenSuites = results.testResults.filter((s) => s.numFailingTests === 0 && (s.testExecError || s.failureMessage)).length;
    process.stdout.write(`tests: ${results.numPassedTests} passed, ${results.numFailedTests + brokenSuites} failed\n`);
  }
}

module.exports = SummaryLineReporter;

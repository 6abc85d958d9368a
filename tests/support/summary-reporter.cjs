// Prints one plain closing line for the whole run, after Jest's own summary:
// "jest: N passed, N failed, N skipped".
const { writeSync } = require('node:fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const line = `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped`;
    process.once('exit', () => writeSync(1, `\n${line}\n`));
  }
}
module.exports = SummaryReporter;

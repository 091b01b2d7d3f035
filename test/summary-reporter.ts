import type { Reporter, TestModule } from "vitest/node";

/** Prints a plain closing line, `N passed, N failed, N skipped`, after vitest's own summary. */
export default class SummaryLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const testModule of testModules) {
      let tests = 0;
      for (const test of testModule.children.allTests()) {
        counts[test.result().state]++;
        tests++;
      }
      if (tests === 0 && testModule.state() === "failed") counts.failed++;
    }
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Property tests run thousands of cases; a busy 2-core machine can take several seconds for one.
    testTimeout: 60_000,
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});

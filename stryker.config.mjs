// Mutation testing of the pure billing rules (`npm run test:mutation`): Stryker changes one operator,
// condition or constant at a time in these files and runs the unit tests; a mutant that no test notices
// ("survived") marks a rule the tests do not pin down. Not part of `npm test`: run it under the shared
// lock, `flock /work/heavy.lock npm run test:mutation`. The HTML report lands in reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: false },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: [
    "lib/billing/subscription-status.ts",
    "lib/billing/entitlements.ts",
    "lib/billing/reversals.ts",
    "lib/billing/money.ts",
    "lib/billing/subscriptions/proration.ts",
    "lib/billing/webhooks/facts.ts",
    "lib/billing/plans.ts",
  ],
  coverageAnalysis: "perTest",
  concurrency: 2,
  timeoutMS: 10_000,
  // Reruns only the mutants whose code changed since the last run (reports/ is not committed). Under
  // Vitest 4 Stryker's setup file records no per-test coverage (its afterAll fails after each file's tests),
  // so a changed test does not rerun the survivor it now kills: after adding tests, `npm run test:mutation
  // -- --force` (every mutant reruns; each run then goes through the tests until the first failure).
  incremental: true,
  incrementalFile: "reports/mutation/incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  ignorePatterns: [".next", ".next-*", ".data", "coverage", "reports", "test-results", "playwright-report"],
};

export default config;

import path from "node:path";
import { defineConfig } from "vitest/config";

// The billing unit tests alone, for mutation testing (stryker.config.mjs): Stryker's Vitest runner reruns these
// tests once per mutant of the pure billing rules, so nothing here needs PostgreSQL or a local CREEM.

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "tests/support/server-only.ts"),
    },
  },
  test: {
    // The tests of the billing rules; property tests run fewer cases per mutant.
    include: ["tests/unit/billing/**/*.test.ts"],
    environment: "node",
    env: { PROPERTY_RUNS: "100" },
    // Test files share one module registry within a run (each mutant run is a new run, so module-level
    // code, a table such as STATUS or PLANS, is evaluated again with the mutant active): most of each
    // run's cost is imports and transforms, and this cuts them to a third.
    isolate: false,
    // A mutant that makes a test file throw while it loads leaves that file without tests; Stryker's runner
    // then sees no failure and reported "survived". The second reporter turns such a file into a failed test.
    reporters: ["default", "./tests/support/unloadable-file-as-failed-test.ts"],
  },
});

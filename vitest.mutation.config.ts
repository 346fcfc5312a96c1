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
    // Stryker switches mutants through a global at run time, so the test files need no fresh module
    // registry per mutant run: reusing it cuts most of each run's cost (imports and transforms). The price:
    // a mutant in module-level code (a constant, a table such as STATUS or PLANS) is not re-evaluated, so it
    // reads "survived" even when a test would kill it; check those by hand, or set `isolate: true`.
    isolate: false,
  },
});

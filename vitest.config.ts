import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const root = import.meta.dirname;

// Every test runs in a time zone that is not UTC (+05:30 all year), whatever the machine's: code that
// mixes local and UTC time (a Date handed to node-postgres as local time, a day boundary taken in local
// time) fails here rather than on a server outside UTC. Set before the worker threads start, which share it.
process.env.TZ = "Asia/Kolkata";

// Isolation (a fresh module registry per test file) costs about a second of imports per file, most of a
// CI run's test time. Files that replace modules or the environment need it: vi.mock and friends, stubbed
// env or globals, spies on module exports, modules imported after such a change, assignments to
// process.env. Every other file shares its worker's modules with the files before it (`isolate: false`).
// Classified here by reading the file, so a new test that starts mocking is isolated without anyone
// remembering to move it. A file that keeps state in a shared module some other way says so with the
// comment `// vitest: isolate` (found by running the shared projects with --sequence.shuffle). Projects: "unit", "unit:isolated", "integration", "integration:isolated"
// (select a kind with `--project 'unit*'`).
const NEEDS_ISOLATION =
  /\bvi\.(mock|doMock|unmock|stubEnv|stubGlobal|resetModules|spyOn|useFakeTimers)\b|\bawait import\(|^\/\/ vitest: isolate\b|process\.env(\.\w+|\[[^\]]+\])\s*=[^=]/m;

function testFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".test.ts"))
    .map((file) => path.join(dir, file).split(path.sep).join("/"));
}

/** The same tests as two projects: files that need a fresh module registry, and the rest, sharing one. */
function splitByIsolation(dir: string, test: TestProjectInlineConfiguration["test"] & { name: string }) {
  const files = testFiles(dir);
  const isolated = files.filter((file) => NEEDS_ISOLATION.test(readFileSync(path.join(root, file), "utf8")));
  const shared = files.filter((file) => !isolated.includes(file));
  return [
    { extends: true, test: { ...test, include: shared, isolate: false } },
    { extends: true, test: { ...test, name: `${test.name}:isolated`, include: isolated, isolate: true } },
  ] satisfies TestProjectInlineConfiguration[];
}

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; tests run server code directly.
      "server-only": path.join(root, "tests/support/server-only.ts"),
    },
  },
  test: {
    // Vitest's default is one worker fewer than the cores: on CI's 2 cores that is one, and every file waited
    // for the one before it. The integration files mostly wait on PostgreSQL and local servers, so at least
    // three workers keep both cores busy (issue #10 E). VITEST_MAX_WORKERS overrides it.
    maxWorkers: Math.max(os.availableParallelism() - 1, 3),
    // Worker threads, not child processes: an isolated file starts in a fresh thread instead of a fresh
    // Node process. Same tests, same results; measured on 2 cores (whole suite, no coverage): 115 s and
    // 183 CPU-s with threads against 164 s and 271 CPU-s with forks.
    pool: "threads",
    // `npm test` runs both projects in one process with coverage (unit + integration together). The floors
    // below fail the run; lib/billing's is just under the level measured on 2026-12-02 (95.5 % lines,
    // 85.5 % branches, before the mutation-testing tests of issue #8 added more; it was 80.6 / 71.2).
    coverage: {
      provider: "v8",
      include: ["lib/**/*.ts"],
      exclude: ["lib/generated/**"],
      reporter: ["text-summary", "json-summary"],
      reportsDirectory: "coverage",
      // Printed even when a test failed, so a CI log always shows where coverage stands.
      reportOnFailure: true,
      thresholds: {
        "lib/creem/**": { lines: 90, branches: 90 },
        "lib/billing/**": { lines: 95, branches: 85 },
      },
    },
    projects: [
      ...splitByIsolation("tests/unit", { name: "unit", environment: "node" }),
      ...splitByIsolation("tests/integration", {
        name: "integration",
        environment: "node",
        // A migrated database per run, copied once per worker; each file runs on its worker's copy.
        globalSetup: ["tests/integration/global-setup.ts"],
        setupFiles: ["tests/support/worker-database.ts"],
        // Generous: the machine (2 cores) also runs the unit project and coverage at the same time.
        testTimeout: 60_000,
        hookTimeout: 60_000,
        // next-auth imports "next/server" without an extension, which Node's ESM loader cannot resolve;
        // transformed by Vite it resolves, so tests can run the real auth() on database sessions.
        server: { deps: { inline: ["next-auth"] } },
      }),
    ],
  },
});

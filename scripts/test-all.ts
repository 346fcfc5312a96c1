import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { e2eEnv } from "./lib/e2e-env";
import { run } from "./lib/run";

// `npm test`: every check CI runs, in order, stopping at the first failure:
// lint, format, types, migrations, unit, integration, production build, e2e in Chromium.
const root = path.resolve(import.meta.dirname, "..");
const results = path.join(root, ".test-results");

type Step = { name: string; command: string[]; env?: NodeJS.ProcessEnv };

const steps: Step[] = [
  { name: "lint", command: ["npx", "eslint", "--max-warnings=0", "."] },
  { name: "format", command: ["npx", "prettier", "--check", "--log-level", "warn", "."] },
  { name: "typecheck", command: ["npx", "tsc", "--noEmit"] },
  { name: "migrations", command: ["npx", "tsx", "scripts/check-migrations.ts"] },
  ...(["unit", "integration"] as const).map((project) => ({
    name: project,
    command: [
      "npx",
      "vitest",
      "run",
      "--project",
      project,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${path.join(results, `${project}.json`)}`,
    ],
  })),
  { name: "build", command: ["npx", "next", "build"], env: e2eEnv() },
  {
    name: "e2e",
    command: ["npx", "playwright", "test"],
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(results, "e2e.json") },
  },
];

function counts(file: string): { passed: number; failed: number; skipped: number } {
  const report = JSON.parse(readFileSync(path.join(results, file), "utf8")) as {
    numPassedTests?: number;
    numFailedTests?: number;
    numPendingTests?: number;
    stats?: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  if (report.stats) {
    return {
      passed: report.stats.expected + report.stats.flaky,
      failed: report.stats.unexpected,
      skipped: report.stats.skipped,
    };
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: report.numPendingTests ?? 0,
  };
}

async function main() {
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  const timings: string[] = [];
  const started = Date.now();
  for (const step of steps) {
    const t0 = Date.now();
    console.log(`\n━━ ${step.name} ━━ ${step.command.join(" ")}`);
    try {
      const [command, ...args] = step.command;
      await run(command!, args, { cwd: root, env: step.env ?? process.env });
    } catch (error) {
      console.error(`\n✗ ${step.name} failed: ${(error as Error).message}`);
      process.exitCode = 1;
      break;
    }
    timings.push(`${step.name.padEnd(12)} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  console.log(`\n${timings.join("\n")}\ntotal        ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const file of ["unit.json", "integration.json", "e2e.json"]) {
    try {
      const c = counts(file);
      totals.passed += c.passed;
      totals.failed += c.failed;
      totals.skipped += c.skipped;
    } catch {
      // A step that did not run (an earlier failure) has no report.
    }
  }
  if (process.exitCode && totals.failed === 0) totals.failed = 1;
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}

void main();

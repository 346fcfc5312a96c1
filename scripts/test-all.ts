import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { e2eEnv } from "./lib/e2e-env";
import { run } from "./lib/run";

// `npm test`: every check CI runs, stopping at the first failing stage: lint, format, types and migrations
// (at the same time: each is light and mostly one core), unit + integration tests with coverage (floors in
// vitest.config.ts), the production build, e2e in Chromium. Prints each step's time, the coverage of lib/ by
// folder, and the test counts (a flaky e2e test is a failure).
const root = path.resolve(import.meta.dirname, "..");
const results = path.join(root, ".test-results");

// The whole run should stay under this on CI's machine (2 cores); a slower run says so in its output.
const BUDGET_SECONDS = 10 * 60;

type Step = { name: string; command: string[]; env?: NodeJS.ProcessEnv; after?: () => void };

// Stages run one after another; the steps of a stage run at the same time (each one's output is printed
// whole when it finishes, so logs do not interleave).
const stages: Step[][] = [
  [
    { name: "lint", command: ["npx", "eslint", "--max-warnings=0", "."] },
    { name: "format", command: ["npx", "prettier", "--check", "--log-level", "warn", "."] },
    { name: "typecheck", command: ["npx", "tsc", "--noEmit"] },
    { name: "migrations", command: ["npx", "tsx", "scripts/check-migrations.ts"] },
  ],
  [
    {
      // Both projects in one run so coverage counts unit and integration tests together.
      name: "unit+integr.",
      command: [
        "npx",
        "vitest",
        "run",
        "--coverage",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${path.join(results, "vitest.json")}`,
      ],
      after: printCoverage,
    },
  ],
  // The typecheck step above already passed, so the build need not check types again (next.config.ts).
  [{ name: "build", command: ["npm", "run", "build"], env: { ...e2eEnv(), TYPECHECKED: "1" } }],
  [
    {
      name: "e2e",
      command: ["npx", "playwright", "test"],
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(results, "e2e.json") },
    },
  ],
];

type Totals = { passed: number; failed: number; skipped: number };

function counts(file: string): Totals {
  const report = JSON.parse(readFileSync(path.join(results, file), "utf8")) as {
    numPassedTests?: number;
    numFailedTests?: number;
    numPendingTests?: number;
    stats?: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  if (report.stats) {
    return {
      passed: report.stats.expected,
      failed: report.stats.unexpected + report.stats.flaky,
      skipped: report.stats.skipped,
    };
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: report.numPendingTests ?? 0,
  };
}

type Metric = { total: number; covered: number };
type FileCoverage = { lines: Metric; branches: Metric };

/** Lines and branches covered, per folder of lib/ (from coverage/coverage-summary.json). */
function printCoverage() {
  const file = path.join(root, "coverage", "coverage-summary.json");
  if (!existsSync(file)) return;
  const summary = JSON.parse(readFileSync(file, "utf8")) as Record<string, FileCoverage>;
  const folders = new Map<string, FileCoverage>();
  for (const [name, c] of Object.entries(summary)) {
    if (name === "total") continue;
    const relative = path.relative(root, name).split(path.sep);
    const folder = relative.length > 2 ? relative.slice(0, 2).join("/") : "lib (top level)";
    const sum = folders.get(folder) ?? {
      lines: { total: 0, covered: 0 },
      branches: { total: 0, covered: 0 },
    };
    for (const key of ["lines", "branches"] as const) {
      sum[key].total += c[key].total;
      sum[key].covered += c[key].covered;
    }
    folders.set(folder, sum);
  }
  const pct = (m: Metric) => (m.total === 0 ? "100.0" : ((100 * m.covered) / m.total).toFixed(1)).padStart(6);
  console.log("\nCoverage (unit + integration)   lines   branches");
  for (const [folder, c] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${folder.padEnd(28)} ${pct(c.lines)} % ${pct(c.branches)} %`);
  }
  if (summary.total)
    console.log(
      `  ${"all of lib/".padEnd(28)} ${pct(summary.total.lines)} % ${pct(summary.total.branches)} %`,
    );
}

/** Runs a step that shares its stage with others, its output collected rather than streamed. */
function runCollected(step: Step): Promise<{ output: string; failure?: string }> {
  const [command, ...args] = step.command;
  return new Promise((resolve) => {
    const child = spawn(command!, args, { cwd: root, env: step.env ?? process.env, stdio: "pipe" });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", (error) => resolve({ output: "", failure: error.message }));
    child.on("close", (code, signal) =>
      resolve({
        output: Buffer.concat(chunks).toString(),
        failure: code === 0 ? undefined : `${step.command.join(" ")} failed (${signal ?? `exit ${code}`})`,
      }),
    );
  });
}

/** Runs one step (its output streamed when it is alone in its stage); returns whether it passed. */
async function runStep(step: Step, alone: boolean, timings: string[]): Promise<boolean> {
  const t0 = Date.now();
  const header = `\n━━ ${step.name} ━━ ${step.command.join(" ")}`;
  let failure: string | undefined;
  if (alone) {
    console.log(header);
    const [command, ...args] = step.command;
    await run(command!, args, { cwd: root, env: step.env ?? process.env }).catch((error: unknown) => {
      failure = (error as Error).message;
    });
  } else {
    const result = await runCollected(step);
    console.log(header);
    process.stdout.write(result.output);
    failure = result.failure;
  }
  step.after?.();
  if (failure) {
    console.error(`\n✗ ${step.name} failed: ${failure}`);
    return false;
  }
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  timings.push(`${step.name.padEnd(12)} ${seconds} s${alone ? "" : " (in parallel)"}`);
  return true;
}

async function main() {
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  const timings: string[] = [];
  const started = Date.now();
  for (const stage of stages) {
    const t0 = Date.now();
    const passed = await Promise.all(stage.map((step) => runStep(step, stage.length === 1, timings)));
    if (stage.length > 1) {
      timings.push(`${"  together".padEnd(12)} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    if (passed.includes(false)) {
      process.exitCode = 1;
      break;
    }
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`\n${timings.join("\n")}\ntotal        ${seconds.toFixed(1)} s`);
  if (seconds > BUDGET_SECONDS) {
    console.log(
      `⚠ over the ${BUDGET_SECONDS / 60}-minute budget for the whole run: find the slow step above`,
    );
  }

  const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
  for (const file of ["vitest.json", "e2e.json"]) {
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

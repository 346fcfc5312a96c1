import { spawnSync } from "node:child_process";

// `npm run test:properties`: the billing property tests with many more cases than CI runs. PROPERTY_RUNS
// sets the cases per property (default 3000); PROPERTY_SEED (and PROPERTY_PATH) replay a failure printed
// by an earlier run. The pure properties run in the unit project, the pipeline ones and the webhook fuzzing
// against PostgreSQL.
const runs = process.env.PROPERTY_RUNS ?? "3000";
const env: NodeJS.ProcessEnv = { ...process.env, PROPERTY_RUNS: runs };
console.log(
  `property tests: ${runs} runs per property${env.PROPERTY_SEED ? `, seed ${env.PROPERTY_SEED}` : ""}`,
);

for (const [project, dir] of [
  ["unit", "tests/unit/billing/properties"],
  ["integration", "tests/integration/properties"],
  ["integration", "tests/integration/webhooks/fuzz.test.ts"],
] as const) {
  const result = spawnSync("npx", ["vitest", "run", "--project", `${project}*`, dir], {
    stdio: "inherit",
    env,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

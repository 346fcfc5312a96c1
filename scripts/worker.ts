import nextEnv from "@next/env";
import path from "node:path";

// `npm run worker`: runs the background jobs of lib/jobs/registry.ts on the app's database until stopped.
// `npm run dev` starts one; in production run one or more beside the app (compose.yaml's `worker` service).
nextEnv.loadEnvConfig(path.resolve(import.meta.dirname, ".."));

const { env } = await import("@/lib/env");
const { db } = await import("@/lib/db");
const { creem } = await import("@/lib/creem/server");
const { startJobWorker } = await import("@/lib/jobs/worker");
const { jobs } = await import("@/lib/jobs/registry");

const worker = await startJobWorker({ connectionString: env.DATABASE_URL, context: { db, creem } });
console.log(
  `▲ Job worker running: ${jobs.map((j) => `${j.name} (${j.schedule ?? "on demand"})`).join(", ")}`,
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // Lets a running job finish (up to 30 s); pg-boss hands an unfinished one to another worker once it expires.
  await worker.stop().catch((error: unknown) => console.error("[jobs] stop:", error));
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());

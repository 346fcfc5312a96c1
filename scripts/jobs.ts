import nextEnv from "@next/env";
import path from "node:path";

// `npm run jobs`: the queues with their schedules and next runs, recent runs and failures.
// `npm run jobs -- run <name>`: queues a run now (skipped when one is already waiting).
// `npm run jobs -- exec <name>`: runs the job once in this process, now, without a worker: for hosts that run
// no long-lived process (a cron calls it); every job is idempotent, so it may overlap a worker's run.
nextEnv.loadEnvConfig(path.resolve(import.meta.dirname, ".."));

const { env } = await import("@/lib/env");
const { createBoss, registerJobs, sendJob } = await import("@/lib/jobs/worker");
const { jobs, jobNamed } = await import("@/lib/jobs/registry");
const { jobsStatus } = await import("@/lib/jobs/status");

const time = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 19) : "—");
const summary = (output: unknown) => {
  if (!output) return "";
  const o = output as { message?: string };
  return (o.message ?? JSON.stringify(output)).split("\n")[0]!.slice(0, 160);
};

/** The registered job named `name`, or undefined after saying which jobs there are. */
function namedJob(name: string | undefined) {
  const job = name ? jobNamed(name) : undefined;
  if (!job) {
    console.error(`Unknown job "${name ?? ""}". Jobs: ${jobs.map((j) => j.name).join(", ")}`);
    process.exitCode = 1;
  }
  return job;
}

const boss = createBoss(env.DATABASE_URL, "client");
boss.on("error", (error) => console.error(`[jobs] ${error.message}`));
await boss.start();
try {
  const [command, name] = process.argv.slice(2);
  if (command === "run") {
    const job = namedJob(name);
    if (job) {
      await registerJobs(boss, [job], env.DATABASE_URL);
      const id = await sendJob(boss, job);
      console.log(
        id ? `Queued ${job.name} (${id}); a worker runs it.` : `${job.name} is already waiting to run.`,
      );
    }
  } else if (command === "exec") {
    const job = namedJob(name);
    if (job) {
      const { db } = await import("@/lib/db");
      const { creem } = await import("@/lib/creem/server");
      try {
        const output = await job.handler({ db, creem, log: (line) => console.log(`[${job.name}] ${line}`) });
        console.log(`${job.name} done: ${JSON.stringify(output)}`);
      } catch (error) {
        console.error(`${job.name} failed: ${(error as Error).message}`);
        process.exitCode = 1;
      } finally {
        await db.$disconnect();
      }
    }
  } else if (command) {
    console.error("Usage: npm run jobs [-- run <name> | exec <name>]");
    process.exitCode = 1;
  } else {
    const status = await jobsStatus(boss);
    console.log(
      status.workers === 0
        ? "No job worker is running on this database (start one: npm run worker)\n"
        : `${status.workers} job worker${status.workers === 1 ? "" : "s"} running\n`,
    );
    console.log("Queues (times in UTC)");
    if (status.queues.length === 0)
      console.log("  none yet: start a worker (`npm run worker` or `npm run dev`)");
    for (const q of status.queues) {
      const description = jobNamed(q.name)?.description ?? "(not in lib/jobs/registry.ts)";
      const counts =
        Object.entries(q.counts)
          .map(([state, n]) => `${state} ${n}`)
          .join(", ") || "no runs";
      console.log(`  ${q.name} — ${description}`);
      console.log(`    schedule ${q.cron ?? "on demand"}; next run ${time(q.nextRunAt)}; retry ${q.retry}`);
      console.log(`    ${counts}`);
    }
    console.log("\nRecent runs");
    for (const r of status.recent) {
      console.log(
        `  ${time(r.createdOn)}  ${r.name.padEnd(24)} ${r.state.padEnd(9)} attempt ${r.attempts}  ` +
          `${r.completedOn && r.startedOn ? `${r.completedOn.getTime() - r.startedOn.getTime()} ms` : ""}`,
      );
    }
    if (status.recent.length === 0) console.log("  none");
    console.log("\nFailures");
    for (const r of status.failures) {
      console.log(`  ${time(r.completedOn ?? r.createdOn)}  ${r.name} ${r.state}: ${summary(r.output)}`);
    }
    if (status.failures.length === 0) console.log("  none");
  }
} finally {
  await boss.stop({ graceful: false, wait: true });
}
// pg-boss can leave a timer behind when stopped right after starting; nothing is left to do here.
process.exit();

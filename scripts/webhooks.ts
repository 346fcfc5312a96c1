import nextEnv from "@next/env";
import path from "node:path";

// `npm run webhooks`: the inbox's events that are not applied: recorded as invalid (signed, but unparseable
// or nonsense: lib/billing/webhooks/validate.ts) or failed, newest first, with the reason.
// `npm run webhooks -- replay <id> [...]`: judges those events again from their exact bytes and applies the
// ones that pass now (after a fix); `-- replay --all` does it for every one (as the replay job does).
nextEnv.loadEnvConfig(path.resolve(import.meta.dirname, ".."));

const { db } = await import("@/lib/db");
const { replayFailedEvents } = await import("@/lib/billing/webhooks/reconcile");

const [command, ...args] = process.argv.slice(2);
if (command === "replay" && args.length > 0) {
  const result = await replayFailedEvents(
    db,
    (line) => console.log(line),
    args.includes("--all") ? {} : { ids: args },
  );
  console.log(
    `${result.pending} events: ${result.applied} applied, ${result.unreadable} still invalid, ${result.failed} failed`,
  );
  process.exitCode = result.failed > 0 ? 1 : 0;
} else if (command) {
  console.error("Usage: npm run webhooks [-- replay <event id>... | --all]");
  process.exitCode = 1;
} else {
  const rows = await db.webhookEvent.findMany({
    where: { processedAt: null, NOT: { type: { startsWith: "sync." } } },
    orderBy: { receivedAt: "desc" },
    take: 200,
    select: { id: true, type: true, receivedAt: true, attempts: true, outcome: true, lastError: true },
  });
  console.log(`${rows.length} events not applied (newest first, at most 200; times in UTC)`);
  for (const row of rows) {
    const when = row.receivedAt.toISOString().replace("T", " ").slice(0, 19);
    console.log(
      `  ${when}  ${row.id.slice(0, 80)}  ${row.type}  ${row.outcome === "invalid" ? "invalid" : "failed"}` +
        `  attempts ${row.attempts}\n      ${(row.lastError ?? "").slice(0, 300)}`,
    );
  }
}
await db.$disconnect();

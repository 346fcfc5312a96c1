import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

// The dev stack's database layer under concurrency: the embedded PostgreSQL that `npm run dev` starts, the
// app's Prisma client (adapter-pg, a pool of connections) and next-auth's database-session lookup, 50
// authenticated requests at once. The previous embedded database (PGlite over pglite-socket) interleaved the
// protocol messages of concurrent connections: lookups came back empty (signed out) or failed with "bind
// message supplies 2 parameters, but prepared statement "" requires 3".

const PARALLEL = 50;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let dataDir: string;
let embedded: EmbeddedPostgres;
let db: PrismaClient;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "embedded-pg-"));
  embedded = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: embedded.url },
    stdio: ["ignore", "ignore", "inherit"],
  });
  db = createPrismaClient(embedded.url);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await embedded?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("embedded PostgreSQL (npm run dev)", () => {
  it("is a real PostgreSQL server with a separate shadow database", async () => {
    const [row] = await db.$queryRaw<Array<{ version: string; database: string }>>`
      SELECT current_setting('server_version_num') AS version, current_database() AS database`;
    expect(Number(row!.version)).toBeGreaterThanOrEqual(180000);
    expect(row!.database).toBe("app");
    expect(new URL(embedded.shadowUrl).pathname).toBe("/app_shadow");
    const shadow = createPrismaClient(embedded.shadowUrl);
    try {
      const [s] = await shadow.$queryRaw<Array<{ database: string }>>`SELECT current_database() AS database`;
      expect(s!.database).toBe("app_shadow");
    } finally {
      await shadow.$disconnect();
    }
  });

  it(`answers ${PARALLEL} parallel authenticated requests correctly`, async () => {
    const adapter = PrismaAdapter(db);
    const products = ["prod_local_pro_monthly", "prod_local_team_monthly", "prod_local_starter_monthly"];
    const people = await Promise.all(
      Array.from({ length: PARALLEL }, async (_, i) => {
        const user = await db.user.create({ data: { email: `parallel-${i}-${randomUUID()}@example.com` } });
        const sessionToken = randomUUID();
        await db.session.create({
          data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 3_600_000) },
        });
        const productId = products[i % products.length]!;
        await db.subscription.create({
          data: {
            id: `sub_parallel_${randomUUID()}`,
            userId: user.id,
            customerId: `cust_${i}`,
            productId,
            status: "active",
            stateAt: new Date(),
            stateSource: "test",
          },
        });
        return { userId: user.id, sessionToken, productId };
      }),
    );

    // What `/api/billing/plan` does for a signed-in user: next-auth's session lookup, the billing rows in one
    // snapshot (a repeatable-read transaction, as getEntitlements reads them), then the subscription itself.
    const answers = await Promise.all(
      people.map(async ({ sessionToken }) => {
        try {
          const found = await adapter.getSessionAndUser!(sessionToken);
          if (!found) return { signedIn: false as const };
          const [subscriptions, purchases] = await db.$transaction(
            [
              db.subscription.findMany({
                where: { userId: found.user.id, status: { in: ["active", "trialing"] } },
                orderBy: { createdAt: "asc" },
                select: { id: true },
              }),
              db.purchase.findMany({ where: { userId: found.user.id }, select: { id: true } }),
            ],
            { isolationLevel: "RepeatableRead" },
          );
          const products = await Promise.all(
            subscriptions.map((s) =>
              db.subscription.findUnique({ where: { id: s.id }, select: { productId: true } }),
            ),
          );
          return {
            signedIn: true as const,
            userId: found.user.id,
            purchases: purchases.length,
            products: products.map((p) => p?.productId),
          };
        } catch (error) {
          return { error: (error as Error).message };
        }
      }),
    );

    const correct = answers.filter(
      (answer, i) =>
        "userId" in answer &&
        answer.userId === people[i]!.userId &&
        answer.purchases === 0 &&
        answer.products.length === 1 &&
        answer.products[0] === people[i]!.productId,
    );
    expect(answers.filter((a) => !("userId" in a))).toEqual([]);
    expect(correct).toHaveLength(PARALLEL);
  });
});

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// A Prisma client over a node-postgres pool. Used by `lib/db.ts` (the app), the seed and the tests. The pool
// is the client's own (ended by $disconnect); poolOf lends it to the one statement that skips Prisma.

// On the client itself under a registered symbol, not in a module-level map: in development a hot reload
// evaluates this module again while lib/db.ts keeps the client it made before.
const POOL = Symbol.for("creem-saas-starter.pg-pool");
type WithPool = PrismaClient & { [POOL]?: pg.Pool };

export function createPrismaClient(connectionString: string): PrismaClient {
  const pool = new pg.Pool({ connectionString });
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  (client as WithPool)[POOL] = pool;
  return client;
}

/**
 * The node-postgres pool under a client made by createPrismaClient, for the webhook hot path's one
 * statement (lib/billing/webhooks/inbox.ts), where Prisma's query pipeline costs more CPU than the
 * statement itself. Everything else goes through Prisma.
 */
export function poolOf(client: PrismaClient): pg.Pool {
  const pool = (client as WithPool)[POOL];
  if (!pool) throw new Error("poolOf: this Prisma client was not made by createPrismaClient");
  return pool;
}

export type { PrismaClient };

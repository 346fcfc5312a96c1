import "server-only";
import { env } from "@/lib/env";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma";

// One client per process; in development it survives hot reloads instead of leaking connection pools.
const globalForDb = globalThis as unknown as { db?: PrismaClient };

export const db: PrismaClient = globalForDb.db ?? createPrismaClient(env.DATABASE_URL);

if (env.NODE_ENV !== "production") globalForDb.db = db;

import { afterAll } from "vitest";
import { createPrismaClient } from "@/lib/prisma";

/** A Prisma client on the run's test database (created by global-setup), closed after the file. */
export function testDb() {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set: run integration tests through vitest --project 'integration*'");
  const db = createPrismaClient(url);
  afterAll(() => db.$disconnect());
  return db;
}

import { createTestDatabase } from "../../scripts/lib/test-database";

// One fresh database per `vitest --project integration` run, migrated, then dropped.
export default async function setup() {
  const db = await createTestDatabase("starter_it");
  process.env.DATABASE_URL = db.url;
  return async () => {
    await db.drop();
  };
}

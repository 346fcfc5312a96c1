import { inject } from "vitest";

// Runs before each integration test file (setupFiles): points DATABASE_URL at this worker's own copy of
// the run's database (tests/integration/global-setup.ts) before the file imports lib/db or testDb().
// Files in one worker run one after another on its copy; files in other workers run at the same time on theirs.

declare module "vitest" {
  export interface ProvidedContext {
    /** Index i is the database of the worker whose VITEST_POOL_ID is i + 1. */
    workerDatabaseUrls: string[];
  }
}

const urls = inject("workerDatabaseUrls");
const url = urls[Number(process.env.VITEST_POOL_ID) - 1];
if (!url) {
  throw new Error(
    `No test database for Vitest worker ${process.env.VITEST_POOL_ID} (made ${urls.length}): ` +
      "run integration tests through `vitest --project 'integration*'`",
  );
}
process.env.DATABASE_URL = url;

import os from "node:os";
import type { TestProject } from "vitest/node";
import { copyTestDatabase, createTestDatabase, type TestDatabase } from "../../scripts/lib/test-database";

// One migrated database per `vitest` run, used only as a template, and a copy of it for each Vitest worker:
// files in different workers run at the same time, each on its worker's copy (tests/support/worker-database.ts
// points a file at it), so they never see each other's rows. All dropped at the end.
export default async function setup(project: TestProject) {
  const workers =
    project.config.maxWorkers ||
    project.vitest.config.maxWorkers ||
    Math.max(os.availableParallelism() - 1, 1);
  const template = await createTestDatabase("starter_it");
  const copies: TestDatabase[] = [];
  const dropAll = async () => {
    for (const db of [...copies, template]) await db.drop();
  };
  try {
    for (let worker = 1; worker <= workers; worker++) {
      copies.push(await copyTestDatabase(template, `${template.name}_w${worker}`));
    }
  } catch (error) {
    await dropAll();
    throw error;
  }
  project.provide(
    "workerDatabaseUrls",
    copies.map((db) => db.url),
  );
  return dropAll;
}

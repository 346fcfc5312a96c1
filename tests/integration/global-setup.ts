import os from "node:os";
import type { TestProject } from "vitest/node";
import { copyTestDatabase, createTestDatabase, type TestDatabase } from "../../scripts/lib/test-database";

// One migrated database per `vitest` run, used only as a template, and a copy of it for each Vitest worker:
// files in different workers run at the same time, each on its worker's copy (tests/support/worker-database.ts
// points a file at it), so they never see each other's rows. All dropped at the end.
// Both integration projects (vitest.config.ts: shared modules and isolated) call this; the databases are
// made once and dropped after the last of them finishes. Worker ids are unique across projects, so a copy
// is never used by two files at the same time.

let databases: Promise<{ urls: string[]; drop: () => Promise<void> }> | undefined;
let users = 0;

async function makeDatabases(workers: number) {
  const template = await createTestDatabase("starter_it");
  const copies: TestDatabase[] = [];
  const drop = async () => {
    for (const db of [...copies, template]) await db.drop();
  };
  try {
    for (let worker = 1; worker <= workers; worker++) {
      copies.push(await copyTestDatabase(template, `${template.name}_w${worker}`));
    }
  } catch (error) {
    await drop();
    throw error;
  }
  return { urls: copies.map((db) => db.url), drop };
}

export default async function setup(project: TestProject) {
  const workers =
    project.vitest.config.maxWorkers ||
    project.config.maxWorkers ||
    Math.max(os.availableParallelism() - 1, 1);
  databases ??= makeDatabases(workers);
  users++;
  const { urls, drop } = await databases;
  project.provide("workerDatabaseUrls", urls);
  return async () => {
    if (--users === 0) await drop();
  };
}

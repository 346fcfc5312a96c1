import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testDb } from "./support/db";

const db = testDb();
// tsx's CLI run by this Node directly: `npx tsx` first resolves the package, seconds on a busy machine.
const TSX = path.resolve(import.meta.dirname, "../../node_modules/tsx/dist/cli.mjs");

describe("seed", () => {
  it("is safe to run twice", async () => {
    for (let i = 0; i < 2; i++) {
      execFileSync(process.execPath, [TSX, "prisma/seed.ts"], { env: process.env, stdio: "pipe" });
    }
    expect(await db.user.count({ where: { email: "demo@example.com" } })).toBe(1);
  });
});

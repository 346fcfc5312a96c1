import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { testDb } from "./support/db";

const db = testDb();

describe("seed", () => {
  it("is safe to run twice", async () => {
    for (let i = 0; i < 2; i++) {
      execFileSync("npx", ["tsx", "prisma/seed.ts"], { env: process.env, stdio: "pipe" });
    }
    expect(await db.user.count({ where: { email: "demo@example.com" } })).toBe(1);
  });
});

import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ServerEnv } from "@/lib/env.schema";
import { testDb } from "../support/db";

// /dev/mail lists everyone's sign-in links: in production it is a 404 unless the e2e switch is set, even
// in a process that skipped the boot-time validation that refuses DEV_OUTBOX there.
const fakeEnv: Partial<ServerEnv> = {};
vi.mock("@/lib/env", () => ({ env: fakeEnv }));
vi.mock("next/server", () => ({ connection: async () => undefined }));

const db = testDb();

async function render(): Promise<"404" | "page"> {
  const { default: DevMailPage } = await import("@/app/dev/mail/page");
  try {
    await DevMailPage({ searchParams: Promise.resolve({}) });
    return "page";
  } catch (error) {
    if (String((error as { digest?: string }).digest).endsWith(";404")) return "404";
    throw error;
  }
}

beforeEach(() => {
  for (const key of Object.keys(fakeEnv)) delete fakeEnv[key as keyof ServerEnv];
  Object.assign(fakeEnv, { DATABASE_URL: process.env.DATABASE_URL, DEV_OUTBOX: true });
});

describe("/dev/mail", () => {
  it("is a 404 in production with DEV_OUTBOX on but without the e2e switch", async () => {
    await db.devMail.create({
      data: { to: `${randomUUID()}@example.com`, subject: "s", text: "t", html: "h", url: "u" },
    });
    Object.assign(fakeEnv, { NODE_ENV: "production" });
    expect(await render()).toBe("404");
  });

  it("is served in production only with ALLOW_DEV_OUTBOX_IN_PRODUCTION=e2e, and in development", async () => {
    Object.assign(fakeEnv, { NODE_ENV: "production", ALLOW_DEV_OUTBOX_IN_PRODUCTION: "e2e" });
    expect(await render()).toBe("page");
    Object.assign(fakeEnv, { NODE_ENV: "development", ALLOW_DEV_OUTBOX_IN_PRODUCTION: undefined });
    expect(await render()).toBe("page");
    Object.assign(fakeEnv, { DEV_OUTBOX: false });
    expect(await render()).toBe("404");
  });
});

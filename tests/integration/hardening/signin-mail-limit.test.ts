import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type * as AuthEmail from "@/lib/auth-email";
import { SignInMailLimitError } from "@/lib/auth-rate-limit";
import { testDb } from "../support/db";

// The email provider's sendVerificationRequest is where every sign-in mail goes out (the form's server
// action and a direct POST to /api/auth/signin/email alike): the limits hold there, in parallel too.
const db = testDb();
let provider: NonNullable<ReturnType<typeof AuthEmail.emailProvider>>;

beforeAll(async () => {
  vi.stubEnv("TRUST_PROXY", "true");
  vi.stubEnv("DEV_OUTBOX", "true");
  vi.stubEnv("EMAIL_SERVER", "");
  const { emailProvider } = await import("@/lib/auth-email");
  provider = emailProvider()!;
  return () => vi.unstubAllEnvs();
});

function send(to: string, ip: string) {
  return provider.sendVerificationRequest({
    identifier: to,
    url: `http://localhost:3000/api/auth/callback/email?token=${randomUUID()}`,
    expires: new Date(Date.now() + 60_000),
    provider,
    token: "t",
    theme: {},
    request: new Request("http://localhost:3000/api/auth/signin/email", {
      method: "POST",
      headers: { "x-forwarded-for": `10.0.0.1, ${ip}` },
    }),
  });
}

const randomIp = () => `198.51.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;

describe("sign-in mail limits at the point of sending", () => {
  it("20 parallel requests for one address send exactly 5 mails", async () => {
    const to = `${randomUUID()}@example.com`;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => send(to, `203.0.113.${i}`)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const refused = results.filter((r) => r.status === "rejected").map((r) => r.reason);
    expect(refused).toHaveLength(15);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(SignInMailLimitError);
      expect((reason as SignInMailLimitError).retryAfterMinutes).toBe(10);
    }
    expect(await db.devMail.count({ where: { to } })).toBe(5);
  });

  it("counts the address case-insensitively", async () => {
    const name = randomUUID();
    for (let i = 0; i < 5; i++) await send(`${name}@example.com`, randomIp());
    await expect(send(`${name.toUpperCase()}@EXAMPLE.COM`, randomIp())).rejects.toBeInstanceOf(
      SignInMailLimitError,
    );
  });

  it("limits one IP to 20 mails in 10 minutes across addresses", async () => {
    const ip = randomIp();
    const batch = randomUUID();
    const results = await Promise.allSettled(
      Array.from({ length: 25 }, (_, i) => send(`${batch}-${i}@example.com`, ip)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(20);
    expect(await db.devMail.count({ where: { to: { startsWith: batch } } })).toBe(20);
    // Another client is not affected.
    await expect(send(`${batch}-other@example.com`, randomIp())).resolves.toBeUndefined();
  });
});

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { emailProvider } from "@/lib/auth-email";
import { testDb } from "./support/db";

const db = testDb();

describe("dev outbox", () => {
  it("is the email transport when no SMTP server is configured", async () => {
    const provider = emailProvider();
    expect(provider?.id).toBe("email");
    const to = `${randomUUID()}@example.com`;
    const url = `http://localhost:3000/api/auth/callback/email?token=${randomUUID()}`;
    await provider!.sendVerificationRequest({
      identifier: to,
      url,
      expires: new Date(Date.now() + 60_000),
      provider: provider!,
      token: "t",
      theme: {},
      request: new Request("http://localhost:3000"),
    });
    const mail = await db.devMail.findFirstOrThrow({ where: { to } });
    expect(mail.url).toBe(url);
    expect(mail.subject).toMatch(/^Sign in to /);
    expect(mail.text).toContain(url);
    expect(mail.html).toContain(`href="${url}"`);
  });
});

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { tooManySignInMails } from "@/lib/auth-rate-limit";
import { testDb } from "./support/db";

const db = testDb();
const DAY = 24 * 60 * 60 * 1000;

describe("sign-in mail rate limit", () => {
  it("allows five links per address in ten minutes, counted in the database", async () => {
    const email = `${randomUUID()}@example.com`;
    const now = Date.now();
    for (let i = 0; i < 5; i++) {
      expect(await tooManySignInMails(email, now)).toBe(false);
      await db.verificationToken.create({
        data: { identifier: email, token: randomUUID(), expires: new Date(now - i * 1000 + DAY) },
      });
    }
    expect(await tooManySignInMails(email, now)).toBe(true);
    expect(await tooManySignInMails(`other-${email}`, now)).toBe(false);
    // Eleven minutes later the window has moved on.
    expect(await tooManySignInMails(email, now + 11 * 60 * 1000)).toBe(false);
  });
});

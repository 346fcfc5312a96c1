import { beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { EMAIL_CHANGE_TTL_MS, hashToken } from "@/lib/account/email-change";
import { testDb } from "../support/db";
import { form, headersMock, newUser, signInAs, uid, type TestUser } from "./support";

vi.mock("@/lib/auth", () => ({
  getCurrentUser: vi.fn(),
  requireUser: vi.fn(),
  configuredProviders: vi.fn(),
}));
vi.mock("next/headers", () => headersMock());
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const db = testDb();
const actions = await import("@/app/dashboard/settings/actions");
const { confirmEmailChange } = await import("@/lib/account/email-change");
const confirmRoute = await import("@/app/api/account/email/confirm/route");

let me: TestUser;
beforeEach(async () => {
  me = await newUser(db, "mover");
});

/** Asks for `newEmail` as `user` and returns the token from the mail the dev outbox received. */
async function ask(user: TestUser, newEmail: string): Promise<string> {
  signInAs(user);
  const result = await actions.requestEmailChangeAction({}, form({ email: newEmail }));
  expect(result.success).toContain(newEmail.toLowerCase());
  const mail = await db.devMail.findFirstOrThrow({
    where: { to: newEmail.toLowerCase() },
    orderBy: { createdAt: "desc" },
  });
  const token = new URL(mail.url!).searchParams.get("token");
  expect(mail.text).toContain(mail.url!);
  return token!;
}

const emailOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).email;

describe("changing the email address", () => {
  it("mails a link to the new address, stores only its hash, and switches when it is opened", async () => {
    const newEmail = `${uid("new")}@example.com`;
    const token = await ask(me, newEmail.toUpperCase());

    const row = await db.emailChangeToken.findFirstOrThrow({ where: { userId: me.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await emailOf(me.id)).toBe(me.email); // nothing changes before the link is opened

    expect(await confirmEmailChange(me.id, token)).toBe("changed");
    expect(await emailOf(me.id)).toBe(newEmail);
    const notice = await db.devMail.findFirstOrThrow({ where: { to: me.email } });
    expect(notice.text).toContain(`from ${me.email} to ${newEmail}`);
  });

  it("works once", async () => {
    const token = await ask(me, `${uid("once")}@example.com`);
    expect(await confirmEmailChange(me.id, token)).toBe("changed");
    expect(await confirmEmailChange(me.id, token)).toBe("used");
  });

  it("expires after an hour", async () => {
    const token = await ask(me, `${uid("late")}@example.com`);
    const later = new Date(Date.now() + EMAIL_CHANGE_TTL_MS + 1000);
    expect(await confirmEmailChange(me.id, token, later)).toBe("expired");
    expect(await emailOf(me.id)).toBe(me.email);
  });

  it("does nothing for another signed-in user", async () => {
    const intruder = await newUser(db, "intruder");
    const token = await ask(me, `${uid("mine")}@example.com`);
    expect(await confirmEmailChange(intruder.id, token)).toBe("wrong_user");
    expect(await emailOf(intruder.id)).toBe(intruder.email);
    expect(await emailOf(me.id)).toBe(me.email);
    // The rightful user can still use it.
    expect(await confirmEmailChange(me.id, token)).toBe("changed");
  });

  it("refuses when another user took the address meanwhile", async () => {
    const wanted = `${uid("contested")}@example.com`;
    const token = await ask(me, wanted);
    await db.user.create({ data: { email: wanted } });
    expect(await confirmEmailChange(me.id, token)).toBe("taken");
    expect(await emailOf(me.id)).toBe(me.email);
  });

  it("refuses an address that belongs to another account, and my own", async () => {
    const other = await newUser(db, "owner");
    signInAs(me);
    expect(await actions.requestEmailChangeAction({}, form({ email: other.email }))).toEqual({
      error: "That email address belongs to another account.",
    });
    expect(await actions.requestEmailChangeAction({}, form({ email: me.email }))).toEqual({
      error: "That is already your email address.",
    });
    expect((await actions.requestEmailChangeAction({}, form({ email: "nope" }))).fieldErrors).toEqual({
      email: "Enter a valid email address, like you@example.com.",
    });
    expect(await db.emailChangeToken.count({ where: { userId: me.id } })).toBe(0);
  });

  it("rejects garbage tokens", async () => {
    expect(await confirmEmailChange(me.id, "short")).toBe("invalid");
    expect(await confirmEmailChange(me.id, "A".repeat(43))).toBe("invalid");
  });

  it("allows 3 requests an hour per user, counted in the database, and only the newest link works", async () => {
    const tokens = [];
    for (let i = 0; i < 3; i++) tokens.push(await ask(me, `${uid(`try${i}`)}@example.com`));
    signInAs(me);
    expect(
      await actions.requestEmailChangeAction({}, form({ email: `${uid("fourth")}@example.com` })),
    ).toEqual({
      error: "You asked to change your email several times this hour. Try again later.",
    });
    expect(await db.emailChangeToken.count({ where: { userId: me.id } })).toBe(3);
    expect(await confirmEmailChange(me.id, tokens[0]!)).toBe("expired");
    expect(await confirmEmailChange(me.id, tokens[2]!)).toBe("changed");
  });

  it("holds the limit under concurrent requests", async () => {
    signInAs(me);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        actions.requestEmailChangeAction({}, form({ email: `${uid(`race${i}`)}@example.com` })),
      ),
    );
    expect(results.filter((r) => r.success)).toHaveLength(3);
    expect(await db.emailChangeToken.count({ where: { userId: me.id } })).toBe(3);
  });
});

describe("the confirmation link", () => {
  const open = (token: string) =>
    confirmRoute.GET(new NextRequest(`http://localhost:3000/api/account/email/confirm?token=${token}`));

  it("sends a signed-out visitor through sign-in and back, changing nothing", async () => {
    const token = await ask(me, `${uid("later")}@example.com`);
    signInAs(null);
    const response = await open(token);
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(location.pathname).toBe("/signin");
    expect(location.searchParams.get("callbackUrl")).toBe(`/api/account/email/confirm?token=${token}`);
    expect(await emailOf(me.id)).toBe(me.email);
  });

  it("switches the address for the signed-in user and says so on the settings page", async () => {
    const newEmail = `${uid("route")}@example.com`;
    const token = await ask(me, newEmail);
    signInAs(me);
    const response = await open(token);
    expect(response.headers.get("location")).toBe("http://localhost:3000/dashboard/settings?email=changed");
    expect(await emailOf(me.id)).toBe(newEmail);
  });
});

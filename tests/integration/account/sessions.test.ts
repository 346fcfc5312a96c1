import { beforeEach, describe, expect, it, vi } from "vitest";
import { LAST_SEEN_EVERY_MS } from "@/lib/account/rules";
import { testDb } from "../support/db";
import {
  configure,
  form,
  headersMock,
  linkAccount,
  newSession,
  newUser,
  redirectOf,
  request,
  signInAs,
  type TestUser,
} from "./support";

vi.mock("@/lib/auth", () => ({
  getCurrentUser: vi.fn(),
  requireUser: vi.fn(),
  configuredProviders: vi.fn(),
}));
vi.mock("next/headers", () => headersMock());
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const db = testDb();
const actions = await import("@/app/dashboard/settings/actions");
const { touchSession } = await import("@/lib/account/sessions");

let me: TestUser;
let other: TestUser;
beforeEach(async () => {
  me = await newUser(db, "me");
  other = await newUser(db, "other");
  configure("email", "github");
});

const sessionsOf = (userId: string) =>
  db.session
    .findMany({ where: { userId }, select: { id: true } })
    .then((rows) => rows.map((r) => r.id).sort());

describe("last seen", () => {
  it("is written on the first read, then at most every few minutes", async () => {
    const session = await newSession(db, me.id);
    await touchSession(session);
    const first = await db.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(first.lastSeenAt).not.toBeNull();
    expect(first.userAgent).toBe(request.userAgent);

    await touchSession(first);
    const again = await db.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(again.lastSeenAt).toEqual(first.lastSeenAt);

    // Another instance read the same (stale) row concurrently: the condition in the UPDATE still holds.
    const stale = { ...first, lastSeenAt: new Date(Date.now() - LAST_SEEN_EVERY_MS - 1) };
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: stale.lastSeenAt } });
    await touchSession(stale);
    const later = await db.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(later.lastSeenAt!.getTime()).toBeGreaterThan(stale.lastSeenAt.getTime());
  });
});

describe("revoking a session", () => {
  it("signs out one of my other sessions", async () => {
    const mine = await newSession(db, me.id);
    const laptop = await newSession(db, me.id);
    signInAs(me, mine.sessionToken);
    expect(await actions.revokeSessionAction({}, form({ sessionId: laptop.id }))).toEqual({
      success: "The session was signed out.",
    });
    expect(await sessionsOf(me.id)).toEqual([mine.id]);
  });

  it("refuses another user's session id and deletes nothing", async () => {
    const mine = await newSession(db, me.id);
    const theirs = await newSession(db, other.id);
    signInAs(me, mine.sessionToken);
    expect(await actions.revokeSessionAction({}, form({ sessionId: theirs.id }))).toEqual({
      error: "That session has already ended.",
    });
    expect(await sessionsOf(other.id)).toEqual([theirs.id]);
    expect(await sessionsOf(me.id)).toEqual([mine.id]);
  });

  it("refuses the session in use (Sign out is for that)", async () => {
    const mine = await newSession(db, me.id);
    signInAs(me, mine.sessionToken);
    expect(await actions.revokeSessionAction({}, form({ sessionId: mine.id }))).toEqual({
      error: "This is the session you are using. Use Sign out instead.",
    });
    expect(await sessionsOf(me.id)).toEqual([mine.id]);
  });

  it("refuses when signed out and on bad input", async () => {
    const theirs = await newSession(db, other.id);
    signInAs(null);
    expect(await actions.revokeSessionAction({}, form({ sessionId: theirs.id }))).toEqual({
      error: "Your session has ended. Please sign in again.",
    });
    signInAs(me);
    expect((await actions.revokeSessionAction({}, form({}))).error).toBe(
      "The session is missing. Reload the page.",
    );
    expect(await sessionsOf(other.id)).toEqual([theirs.id]);
  });

  it("signs out everywhere else, keeping this one and nobody else's", async () => {
    const mine = await newSession(db, me.id);
    await newSession(db, me.id);
    await newSession(db, me.id);
    const theirs = await newSession(db, other.id);
    signInAs(me, mine.sessionToken);
    expect(await actions.signOutSessionsAction({}, form({ scope: "others" }))).toEqual({
      success: "Signed out 2 other sessions.",
    });
    expect(await sessionsOf(me.id)).toEqual([mine.id]);
    expect(await sessionsOf(other.id)).toEqual([theirs.id]);
  });

  it("signs out everywhere, this browser included", async () => {
    const mine = await newSession(db, me.id);
    await newSession(db, me.id);
    const theirs = await newSession(db, other.id);
    signInAs(me, mine.sessionToken);
    expect(await redirectOf(() => actions.signOutSessionsAction({}, form({ scope: "all" })))).toBe("/signin");
    expect(await sessionsOf(me.id)).toEqual([]);
    expect(request.cookies.size).toBe(0);
    expect(await sessionsOf(other.id)).toEqual([theirs.id]);
  });
});

describe("sign-in methods", () => {
  it("disconnects my GitHub while the email link remains", async () => {
    await linkAccount(db, me.id, "github");
    signInAs(me);
    expect(await actions.unlinkProviderAction({}, form({ provider: "github" }))).toEqual({
      success: "GitHub was disconnected from your account.",
    });
    expect(await db.account.count({ where: { userId: me.id } })).toBe(0);
  });

  it("refuses to touch another user's account and deletes nothing", async () => {
    await linkAccount(db, other.id, "github");
    signInAs(me);
    expect(await actions.unlinkProviderAction({}, form({ provider: "github" }))).toEqual({
      error: "That sign-in method is not connected to your account.",
    });
    expect(await db.account.count({ where: { userId: other.id } })).toBe(1);
  });

  it("never removes the last way to sign in", async () => {
    configure("github");
    await linkAccount(db, me.id, "github");
    signInAs(me);
    expect(await actions.unlinkProviderAction({}, form({ provider: "github" }))).toEqual({
      error: "GitHub is your only way to sign in. Add another method before removing it.",
    });
    expect(await db.account.count({ where: { userId: me.id } })).toBe(1);
  });

  it("cannot remove the email link itself", async () => {
    signInAs(me);
    expect((await actions.unlinkProviderAction({}, form({ provider: "email" }))).error).toBe(
      "That sign-in method is not connected to your account.",
    );
  });
});

describe("profile", () => {
  it("saves name and https avatar", async () => {
    signInAs(me);
    const result = await actions.updateProfileAction(
      {},
      form({ name: " Ada Lovelace ", image: "https://cdn.example.com/ada.png" }),
    );
    expect(result).toEqual({ success: "Your profile was saved." });
    expect(await db.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({
      name: "Ada Lovelace",
      image: "https://cdn.example.com/ada.png",
    });
  });

  it("refuses a non-https avatar with a field message and writes nothing", async () => {
    signInAs(me);
    const result = await actions.updateProfileAction(
      {},
      form({ name: "Changed", image: "http://x.example.com/a.png" }),
    );
    expect(result.fieldErrors).toEqual({
      image: "Enter an image address starting with https://, or leave it empty.",
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({
      name: me.name,
      image: null,
    });
  });
});

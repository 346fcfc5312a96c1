import { randomUUID } from "node:crypto";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { remoteStatus, setUpBillingActions, subscribe } from "../billing-actions/support";
import { testDb } from "../support/db";
import { teamWorkspace } from "../support/workspaces";
import { buyFor } from "../workspaces/support";
import {
  form,
  headersMock,
  linkAccount,
  newSession,
  redirectOf,
  request,
  signInAs,
  uid,
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
// Starts the local CREEM and points the app at it before the actions are imported.
const h = setUpBillingActions();
let actions: typeof import("@/app/dashboard/settings/actions");
beforeAll(async () => {
  actions = await import("@/app/dashboard/settings/actions");
});

/** Every table row (as text) that contains `needle`, by table: the "does anything still name them" check. */
async function rowsNaming(needle: string): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<Array<{ table_name: string }>>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`;
  const found: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await db.$queryRawUnsafe<Array<{ n: bigint }>>(
      `SELECT count(*) AS n FROM "${table_name}" t WHERE t::text ILIKE $1`,
      `%${needle}%`,
    );
    if (row && row.n > 0n) found[table_name] = Number(row.n);
  }
  return found;
}

describe("deleting my account", () => {
  let me: TestUser;
  let subscriptionId: string;
  let sessionToken: string;
  let otherUser: TestUser;
  let otherSession: string;

  beforeAll(async () => {
    const email = `${uid("leaver")}@example.com`;
    const name = `Leaver ${uid("name")}`;
    me = await db.user.create({
      data: { email, name, image: "https://cdn.example.com/me.png", emailVerified: new Date() },
      select: { id: true, email: true, name: true },
    });
    subscriptionId = await subscribe(h.creem, db, email, PRODUCT_IDS.teamMonthly, 2);
    await linkAccount(db, me.id, "github");
    sessionToken = (await newSession(db, me.id)).sessionToken;
    await newSession(db, me.id);
    await db.verificationToken.create({
      data: { identifier: email, token: randomUUID(), expires: new Date(Date.now() + 60_000) },
    });
    await db.devMail.create({ data: { to: email, subject: `Hello ${name}`, text: "hi", html: "hi" } });
    await db.emailChangeToken.create({
      data: {
        userId: me.id,
        newEmail: `${uid("next")}@example.com`,
        tokenHash: uid("hash"),
        expires: new Date(),
      },
    });
    otherUser = await db.user.create({
      data: { email: `${uid("stayer")}@example.com` },
      select: { id: true, email: true, name: true },
    });
    otherSession = (await newSession(db, otherUser.id)).id;
  });

  it("is refused unless my email is typed, and nothing changes", async () => {
    signInAs(me, sessionToken);
    const mark = h.creem.requests.length;
    expect(await actions.deleteAccountAction({}, form({ confirmEmail: "someone@example.com" }))).toEqual({
      error: "Type your email address exactly as shown to confirm.",
    });
    expect(h.creem.since(mark)).toEqual([]);
    expect(await db.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({
      email: me.email,
      deletedAt: null,
    });
    expect(await db.session.count({ where: { userId: me.id } })).toBe(2);
  });

  it("cancels at CREEM at period end, removes what names me, keeps billing records, signs out everywhere", async () => {
    signInAs(me, sessionToken);
    const where = await redirectOf(() =>
      actions.deleteAccountAction({}, form({ confirmEmail: ` ${me.email.toUpperCase()} ` })),
    );
    expect(where).toBe("/?account=deleted");

    // CREEM: scheduled to cancel, not cancelled now (the period that was paid for runs out).
    expect(await remoteStatus(h.creem, subscriptionId)).toMatchObject({ status: "scheduled_cancel" });

    const row = await db.user.findUniqueOrThrow({ where: { id: me.id } });
    expect(row).toMatchObject({
      name: null,
      image: null,
      emailVerified: null,
      email: `deleted-${me.id}@deleted.invalid`,
    });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(await db.account.count({ where: { userId: me.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: me.id } })).toBe(0);
    expect(request.cookies.size).toBe(0);
    expect(await db.emailChangeToken.count({ where: { userId: me.id } })).toBe(0);

    // Billing records stay, linked to the anonymous row.
    expect(await db.subscription.findUniqueOrThrow({ where: { id: subscriptionId } })).toMatchObject({
      userId: me.id,
      customerEmail: null,
      cancelIntent: "period_end",
    });

    // Nothing names me any more, except CREEM's own events (the sync of the purchase and of the
    // cancellation), kept as the merchant's record of the payments.
    const naming = await rowsNaming(me.email);
    expect(Object.keys(naming)).toEqual(["WebhookEvent"]);
    expect(await rowsNaming(me.name!)).toEqual({});

    // Nobody else was touched.
    expect(await db.session.findUnique({ where: { id: otherSession } })).not.toBeNull();
  });

  it("lets the same address sign up again as a fresh user, never as the deleted row", async () => {
    const adapter = PrismaAdapter(db);
    expect(await adapter.getUserByEmail!(me.email)).toBeNull();
    const fresh = await adapter.createUser!({ id: randomUUID(), email: me.email, emailVerified: new Date() });
    expect(fresh.id).not.toBe(me.id);
    expect(await db.subscription.count({ where: { userId: fresh.id } })).toBe(0);
  });
});

describe("deleting my account while I pay for a team workspace", () => {
  it("cancels my personal subscription only: the team's goes on, billed as before", async () => {
    const email = `${uid("team-payer")}@example.com`;
    const payer = await db.user.create({ data: { email }, select: { id: true, email: true, name: true } });
    const colleague = await db.user.create({ data: { email: `${uid("colleague")}@example.com` } });
    const team = await teamWorkspace(db, [
      { userId: payer.id, role: "owner" },
      { userId: colleague.id, role: "owner" },
    ]);
    const personalSub = await subscribe(h.creem, db, email, PRODUCT_IDS.proMonthly);
    const teamSub = (await buyFor(h.creem, db, payer, team, { plan: "team", interval: "month", seats: 2 }))
      .subscriptionId!;
    expect((await db.subscription.findUniqueOrThrow({ where: { id: teamSub } })).workspaceId).toBe(team);

    const session = (await newSession(db, payer.id)).sessionToken;
    signInAs(payer, session);
    await redirectOf(() => actions.deleteAccountAction({}, form({ confirmEmail: email })));

    expect(await remoteStatus(h.creem, personalSub)).toMatchObject({ status: "scheduled_cancel" });
    expect(await remoteStatus(h.creem, teamSub)).toMatchObject({ status: "active", units: 2 });
    expect(await db.subscription.findUniqueOrThrow({ where: { id: teamSub } })).toMatchObject({
      status: "active",
      cancelAtPeriodEnd: false,
      workspaceId: team,
    });
    expect(await db.activityLog.count({ where: { workspaceId: team, action: "billing.canceled" } })).toBe(0);
  });
});

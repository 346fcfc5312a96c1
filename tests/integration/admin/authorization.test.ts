import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { customer, envelope, subscription } from "../../support/creem-payloads";
import { testDb } from "../support/db";
import { deliver } from "../webhooks/support";
import { ADMIN_EMAIL, form, isNotFound, newUser, signInAs, uid, type TestUser } from "./support";

// Who may use the console: pages and actions answer 404 to a signed-in customer and to nobody, and write
// nothing; an operator's action is audited. Replay fixes a failed event once its cause is gone.

vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), requireUser: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const db = testDb();
const webhooks = await import("@/app/admin/webhooks/actions");
const customers = await import("@/app/admin/customers/actions");
const discounts = await import("@/app/admin/discounts/actions");
const jobActions = await import("@/app/admin/jobs/actions");
const pages = {
  layout: (await import("@/app/admin/layout")).default,
  home: (await import("@/app/admin/page")).default,
  webhooks: (await import("@/app/admin/webhooks/page")).default,
  event: (await import("@/app/admin/webhooks/[id]/page")).default,
  customers: (await import("@/app/admin/customers/page")).default,
  customer: (await import("@/app/admin/customers/[id]/page")).default,
  revenue: (await import("@/app/admin/revenue/page")).default,
  discounts: (await import("@/app/admin/discounts/page")).default,
  products: (await import("@/app/admin/products/page")).default,
  jobs: (await import("@/app/admin/jobs/page")).default,
};
const { isAdminEmail } = await import("@/lib/admin/guard");

let admin: TestUser;
let customerUser: TestUser;
let failedEventId: string;
let subId: string;

/** A subscription event that fails (a trigger stands in for an outage) and stays recorded as failed. */
async function failedEvent(owner: TestUser) {
  subId = uid("sub");
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION test_admin_fail() RETURNS trigger AS $$
    BEGIN IF NEW.id = '${subId}' THEN RAISE EXCEPTION 'simulated outage'; END IF; RETURN NEW; END $$
    LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(
    `CREATE TRIGGER test_admin_fail BEFORE INSERT ON "Subscription" FOR EACH ROW EXECUTE FUNCTION test_admin_fail()`,
  );
  const now = Date.now();
  const event = envelope(
    uid("evt"),
    "subscription.active",
    now,
    subscription(
      { id: subId, status: "active", periodStart: now - 1000, periodEnd: now + 30 * 86_400_000 },
      customer(uid("cust"), owner.email),
      now,
    ),
  );
  vi.spyOn(console, "error").mockImplementation(() => {});
  expect((await deliver(db, event)).status).toBe(500);
  return event.id;
}

beforeAll(async () => {
  admin = await newUser(db, ADMIN_EMAIL);
  customerUser = await newUser(db);
  failedEventId = await failedEvent(customerUser);
});
afterAll(async () => {
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_admin_fail ON "Subscription"`);
});

const auditCount = () => db.adminAudit.count();

describe("ADMIN_EMAILS", () => {
  it("is a trimmed, lower-cased list compared with the signed-in email", () => {
    expect(isAdminEmail(ADMIN_EMAIL)).toBe(true);
    expect(isAdminEmail(ADMIN_EMAIL.toUpperCase())).toBe(true);
    expect(isAdminEmail("someone@example.com")).toBe(true);
    expect(isAdminEmail(customerUser.email)).toBe(false);
    expect(isAdminEmail(null)).toBe(false);
  });
});

describe("everyone but operators gets 404", () => {
  for (const who of ["a customer", "nobody"] as const) {
    it(`${who}: every page`, async () => {
      signInAs(who === "nobody" ? null : customerUser);
      const ws = await db.workspace.findUniqueOrThrow({ where: { personalOwnerId: customerUser.id } });
      const id = Promise.resolve({ id: ws.id });
      const search = Promise.resolve({});
      expect(await isNotFound(() => pages.layout({ children: null }))).toBe(true);
      expect(await isNotFound(() => pages.home())).toBe(true);
      expect(await isNotFound(() => pages.webhooks({ searchParams: search }))).toBe(true);
      expect(await isNotFound(() => pages.event({ params: Promise.resolve({ id: failedEventId }) }))).toBe(
        true,
      );
      expect(await isNotFound(() => pages.customers({ searchParams: search }))).toBe(true);
      expect(await isNotFound(() => pages.customer({ params: id }))).toBe(true);
      expect(await isNotFound(() => pages.revenue())).toBe(true);
      expect(await isNotFound(() => pages.discounts({ searchParams: search }))).toBe(true);
      expect(await isNotFound(() => pages.products())).toBe(true);
      expect(await isNotFound(() => pages.jobs())).toBe(true);
    });

    it(`${who}: every action, and nothing is written`, async () => {
      signInAs(who === "nobody" ? null : customerUser);
      const audits = await auditCount();
      expect(await isNotFound(() => webhooks.replayEventAction({}, form({ eventId: failedEventId })))).toBe(
        true,
      );
      expect(await isNotFound(() => webhooks.replayAllAction({}, form({})))).toBe(true);
      expect(
        await isNotFound(() => customers.syncCustomerAction({}, form({ customerId: customerUser.id }))),
      ).toBe(true);
      expect(
        await isNotFound(() =>
          discounts.createDiscountAction(
            {},
            form({ name: "x", type: "percentage", percentage: 10, duration: "forever", products: "prod_x" }),
          ),
        ),
      ).toBe(true);
      expect(await isNotFound(() => discounts.deleteDiscountAction({}, form({ discountId: "disc_x" })))).toBe(
        true,
      );
      expect(await isNotFound(() => jobActions.runJobAction({}, form({ job: "billing-reconcile" })))).toBe(
        true,
      );
      // Invalid input is not even read: still 404, not a validation message.
      expect(await isNotFound(() => webhooks.replayEventAction({}, form({})))).toBe(true);
      expect(await auditCount()).toBe(audits);
      expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: failedEventId } })).toMatchObject({
        processedAt: null,
        attempts: 1,
      });
    });
  }
});

describe("an operator", () => {
  it("sees the failed event in the inbox and in the nav count", async () => {
    signInAs(admin);
    const { listInbox, notAppliedCount } = await import("@/lib/admin/webhooks");
    const failed = await listInbox(db, { outcome: "failed", q: subId });
    expect(failed.rows.map((r) => [r.id, r.outcome, r.attempts])).toEqual([[failedEventId, "failed", 1]]);
    expect(failed.rows[0]!.lastError).toMatch(/simulated outage/);
    expect(await notAppliedCount(db)).toBeGreaterThanOrEqual(1);
    expect((await listInbox(db, { outcome: "applied", q: failedEventId })).total).toBe(0);
    expect((await listInbox(db, { type: "subscription.active", q: failedEventId })).total).toBe(1);
  });

  it("replays it: still failing while the cause is there (audited), applied once it is fixed", async () => {
    signInAs(admin);
    const before = await auditCount();
    const stillBroken = await webhooks.replayEventAction({}, form({ eventId: failedEventId }));
    expect(stillBroken.error).toMatch(/failed again/);
    expect(await db.subscription.count({ where: { id: subId } })).toBe(0);

    await db.$executeRawUnsafe(`DROP TRIGGER test_admin_fail ON "Subscription"`);
    const fixed = await webhooks.replayEventAction({}, form({ eventId: failedEventId }));
    expect(fixed.success).toMatch(/applied/);
    expect(await db.subscription.findUniqueOrThrow({ where: { id: subId } })).toMatchObject({
      status: "active",
      userId: customerUser.id,
    });
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: failedEventId } })).toMatchObject({
      outcome: "applied",
      lastError: null,
    });
    // Replaying it again does nothing.
    expect((await webhooks.replayEventAction({}, form({ eventId: failedEventId }))).error).toMatch(
      /already applied/,
    );

    const audit = await db.adminAudit.findMany({
      where: { target: failedEventId },
      orderBy: { at: "asc" },
    });
    expect(await auditCount()).toBe(before + 3);
    expect(audit.map((a) => [a.action, a.adminEmail])).toEqual([
      ["webhook.replay", admin.email],
      ["webhook.replay", admin.email],
      ["webhook.replay", admin.email],
    ]);
    expect(audit[1]!.before).toEqual([
      expect.objectContaining({
        id: failedEventId,
        attempts: 2,
        lastError: expect.stringMatching(/simulated/),
      }),
    ]);
    expect(audit[1]!.after).toMatchObject({ applied: 1, failed: 0 });
  });

  it("finds the account (the customer's personal workspace) by email and by CREEM id, with its billing", async () => {
    signInAs(admin);
    const { searchCustomers, getCustomerAccount } = await import("@/lib/admin/customers");
    const ws = await db.workspace.findUniqueOrThrow({ where: { personalOwnerId: customerUser.id } });
    const byEmail = await searchCustomers(db, customerUser.email.toUpperCase());
    expect(byEmail.map((h) => [h.id, h.personal, h.members, h.subscriptions])).toEqual([
      [ws.id, true, [customerUser.email], 1],
    ]);
    expect((await searchCustomers(db, subId)).map((h) => h.id)).toEqual([ws.id]);
    const sub = await db.subscription.findUniqueOrThrow({ where: { id: subId } });
    expect((await searchCustomers(db, sub.customerId)).map((h) => h.id)).toEqual([ws.id]);
    expect(await searchCustomers(db, "nobody-matches-this@nowhere.test")).toEqual([]);

    const account = (await getCustomerAccount(db, ws.id))!;
    expect(account.members.map((m) => [m.email, m.role])).toEqual([[customerUser.email, "owner"]]);
    expect(account.subscriptions.map((s) => [s.id, s.plan, s.statusLabel])).toEqual([
      [subId, "Pro", "Active"],
    ]);
    expect(account.events.map((e) => [e.id, e.outcome])).toEqual([[failedEventId, "applied"]]);
    expect(account.timeline.map((t) => t.event)).toEqual(["Subscription started"]);
    expect(await getCustomerAccount(db, "no-such-workspace")).toBeNull();

    // A team workspace with its own subscription: its members, not the personal account's rows.
    const team = await db.workspace.create({
      data: {
        name: `Team ${uid("t")}`,
        memberships: {
          create: [
            { userId: customerUser.id, role: "owner" },
            { userId: admin.id, role: "member" },
          ],
        },
      },
    });
    const teamSub = uid("sub");
    await db.subscription.create({
      data: {
        id: teamSub,
        workspaceId: team.id,
        customerId: uid("cust"),
        productId: "prod_local_team_monthly",
        status: "active",
        units: 3,
        stateAt: new Date(),
        stateSource: "test",
      },
    });
    const teamAccount = (await getCustomerAccount(db, team.id))!;
    expect(teamAccount.members.map((m) => [m.email, m.role])).toEqual([
      [customerUser.email, "owner"],
      [admin.email, "member"],
    ]);
    expect(teamAccount.subscriptions.map((s) => [s.id, s.plan, s.units])).toEqual([[teamSub, "Team", 3]]);
    expect((await getCustomerAccount(db, ws.id))!.subscriptions.map((s) => s.id)).toEqual([subId]);
    expect((await searchCustomers(db, teamSub)).map((h) => h.id)).toEqual([team.id]);
  });

  it("syncs an account from CREEM (audited); an unknown account is refused", async () => {
    signInAs(admin);
    const ws = await db.workspace.findUniqueOrThrow({ where: { personalOwnerId: customerUser.id } });
    vi.spyOn(console, "error").mockImplementation(() => {});
    // No CREEM is configured in this file: the sync reports the failure, and the audit row says so.
    const result = await customers.syncCustomerAction({}, form({ customerId: ws.id }));
    expect(result.error).toMatch(/0 subscriptions synced, 1 failed/);
    const audit = await db.adminAudit.findFirstOrThrow({ where: { target: ws.id, action: "customer.sync" } });
    expect(audit.after).toMatchObject({ synced: 0, failed: 1 });
    expect((await customers.syncCustomerAction({}, form({ customerId: "nope" }))).error).toBe(
      "That customer does not exist.",
    );
  });

  it("renders every page (as an operator)", async () => {
    signInAs(admin);
    const search = Promise.resolve({});
    await expect(
      pages.webhooks({ searchParams: Promise.resolve({ outcome: "applied" }) }),
    ).resolves.toBeTruthy();
    await expect(pages.event({ params: Promise.resolve({ id: failedEventId }) })).resolves.toBeTruthy();
    await expect(pages.customers({ searchParams: search })).resolves.toBeTruthy();
    const ws = await db.workspace.findUniqueOrThrow({ where: { personalOwnerId: customerUser.id } });
    await expect(pages.customer({ params: Promise.resolve({ id: ws.id }) })).resolves.toBeTruthy();
    await expect(pages.revenue()).resolves.toBeTruthy();
    expect(await isNotFound(() => pages.customer({ params: Promise.resolve({ id: "missing" }) }))).toBe(true);
    expect(await isNotFound(() => pages.event({ params: Promise.resolve({ id: "missing" }) }))).toBe(true);
  });
});

import { describe, expect, it, vi } from "vitest";
import {
  checkoutCompleted,
  customer,
  envelope,
  subscription,
  WEBHOOK_SECRET,
} from "../../support/creem-payloads";
import { testDb } from "../support/db";
import { deliver } from "../webhooks/support";
import { form, newUser, signInAs, uid } from "../admin/support";

// Lifecycle email as an outbox: what the stored state calls for is decided once per occasion (the unique
// key), rendered with React Email and sent through the dev outbox by the job worker, which the webhook route
// wakes after the events that matter; the trial reminder can be turned off.

vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), requireUser: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

process.env.CREEM_WEBHOOK_SECRET = WEBHOOK_SECRET;
const db = testDb();
const { decideEmails, deliverQueued, dueEmails, sendDueEmails } = await import("@/lib/email/lifecycle");
const { renderTeamInvitationEmail } = await import("@/lib/email/render");
const settings = await import("@/app/dashboard/settings/actions");

const DAY = 86_400_000;
const mailsTo = (to: string) => db.devMail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

/** A subscription.past_due event for a new subscription of `email`: its renewal failed a second ago. */
function pastDueEvent(email: string) {
  const now = Date.now();
  const sub = { id: uid("sub"), status: "past_due", periodStart: now - 30 * DAY, periodEnd: now - 1000 };
  const event = envelope(
    uid("evt"),
    "subscription.past_due",
    now,
    subscription(sub, customer(uid("cust"), email), now),
  );
  return { subId: sub.id, event };
}

async function pastDue(email: string) {
  const { subId, event } = pastDueEvent(email);
  expect((await deliver(db, event)).status).toBe(200);
  return { subId, event };
}

function row(data: Record<string, unknown> & { id: string; userId: string; status: string }) {
  return db.subscription.create({
    data: {
      customerId: uid("cust"),
      productId: "prod_local_pro_monthly",
      stateAt: new Date(),
      stateSource: "test",
      ...data,
    },
  });
}

describe("payment failed", () => {
  it("one email per past_due, however often it is decided, with the grace end and the portal link", async () => {
    const user = await newUser(db);
    const { subId } = await pastDue(user.email);
    const sub = await db.subscription.findUniqueOrThrow({ where: { id: subId } });
    expect(sub.pastDueSince).not.toBeNull();

    await sendDueEmails(db);
    await sendDueEmails(db);
    expect(await decideEmails(db, new Date())).toBeGreaterThanOrEqual(0);
    await deliverQueued(db);

    const deliveries = await db.emailDelivery.findMany({ where: { subscriptionId: subId } });
    expect(deliveries.map((d) => [d.kind, d.status, d.to, d.attempts])).toEqual([
      ["payment_failed", "sent", user.email, 1],
    ]);
    const mails = await mailsTo(user.email);
    expect(mails).toHaveLength(1);
    const graceEnd = new Date(sub.pastDueSince!.getTime() + 7 * DAY);
    const graceText = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(
      graceEnd,
    );
    expect(mails[0]!.subject).toBe("Action needed: your Pro payment failed");
    expect(mails[0]!.html).toContain("<!DOCTYPE html");
    expect(mails[0]!.html).toContain(graceText);
    expect(mails[0]!.html).toContain("http://localhost:3000/dashboard/billing/portal");
    expect(mails[0]!.text).toContain(graceText);
    expect(mails[0]!.text).not.toContain("<");
    expect(mails[0]!.url).toBe("http://localhost:3000/dashboard/billing/portal");
  });

  it("through the webhook route: the event wakes the job worker, which sends the email at once", async () => {
    const { postWebhook } = await import("../webhooks/route-support");
    const { jobNamed } = await import("@/lib/jobs/registry");
    const { startJobWorker } = await import("@/lib/jobs/worker");
    // The registry's job, polling once a minute: only the route's wake can start it within this test.
    const job = jobNamed("lifecycle-email")!;
    const worker = await startJobWorker({
      connectionString: process.env.DATABASE_URL!,
      context: { db, creem: {} as never },
      definitions: [job],
      pollingIntervalSeconds: 60,
      log: () => undefined,
    });
    try {
      const user = await newUser(db);
      const { event } = pastDueEvent(user.email);
      expect((await postWebhook(JSON.stringify(event))).status).toBe(200);
      await vi.waitFor(async () => expect(await mailsTo(user.email)).toHaveLength(1), {
        timeout: 15_000,
        interval: 100,
      });
      // CREEM's retry of the same event is a duplicate: nothing more.
      expect((await postWebhook(JSON.stringify(event))).body).toMatchObject({ outcome: "duplicate" });
      await new Promise((r) => setTimeout(r, 300));
      expect(await mailsTo(user.email)).toHaveLength(1);
    } finally {
      await worker.stop();
    }
  });
});

describe("the other kinds", () => {
  it("trial ending in 3 days (non-essential: off in settings = not sent), cancellation scheduled, ended", async () => {
    const now = new Date();
    const trialing = await newUser(db);
    const optedOut = await newUser(db);
    const canceling = await newUser(db);
    const ended = await newUser(db);
    const t1 = await row({
      id: uid("sub"),
      userId: trialing.id,
      status: "trialing",
      trialEnd: new Date(now.getTime() + 2 * DAY),
      currentPeriodEnd: new Date(now.getTime() + 2 * DAY),
    });
    const t2 = await row({
      id: uid("sub"),
      userId: optedOut.id,
      status: "trialing",
      trialEnd: new Date(now.getTime() + 2 * DAY),
      currentPeriodEnd: new Date(now.getTime() + 2 * DAY),
    });
    const farTrial = await row({
      id: uid("sub"),
      userId: trialing.id,
      status: "trialing",
      trialEnd: new Date(now.getTime() + 10 * DAY),
    });
    const c = await row({
      id: uid("sub"),
      userId: canceling.id,
      status: "scheduled_cancel",
      cancelAtPeriodEnd: true,
      currentPeriodStart: new Date(now.getTime() - DAY),
      currentPeriodEnd: new Date(now.getTime() + 20 * DAY),
    });
    const e = await row({
      id: uid("sub"),
      userId: ended.id,
      status: "canceled",
      currentPeriodEnd: new Date(now.getTime() - DAY),
      canceledAt: new Date(now.getTime() - DAY),
    });

    signInAs(optedOut);
    expect(await settings.updateEmailPreferencesAction({}, form({}))).toEqual({
      success: "Your email preferences were saved.",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: optedOut.id } })).emailTrialReminders).toBe(false);

    const kinds = async (subscriptionId: string) =>
      (await dueEmails(db, now, { subscriptionId })).map((d) => d.email.kind);
    expect(await kinds(t1.id)).toEqual(["trial_ending"]);
    expect(await kinds(t2.id)).toEqual([]);
    expect(await kinds(farTrial.id)).toEqual([]);
    expect(await kinds(c.id)).toEqual(["cancellation_scheduled"]);
    expect(await kinds(e.id)).toEqual(["subscription_ended"]);

    for (const s of [t1, t2, c, e]) await decideEmails(db, now, { subscriptionId: s.id });
    // Turned off after it was decided: skipped at sending.
    signInAs(trialing);
    await settings.updateEmailPreferencesAction({}, form({}));
    await deliverQueued(db);
    const status = async (subscriptionId: string) =>
      (await db.emailDelivery.findMany({ where: { subscriptionId } })).map((d) => `${d.kind}:${d.status}`);
    expect(await status(t1.id)).toEqual(["trial_ending:skipped"]);
    expect(await status(t2.id)).toEqual([]);
    expect(await status(c.id)).toEqual(["cancellation_scheduled:sent"]);
    expect(await status(e.id)).toEqual(["subscription_ended:sent"]);
    expect((await mailsTo(canceling.email))[0]!.subject).toMatch(/^Your Pro subscription ends on /);
    expect((await mailsTo(canceling.email))[0]!.html).toContain("http://localhost:3000/dashboard/billing");
    expect((await mailsTo(ended.email))[0]!.subject).toBe("Your Pro subscription has ended");
    expect(await mailsTo(trialing.email)).toHaveLength(0);

    signInAs(trialing);
    await settings.updateEmailPreferencesAction({}, form({ trialReminders: "on" }));
    expect((await db.user.findUniqueOrThrow({ where: { id: trialing.id } })).emailTrialReminders).toBe(true);
    expect(
      (await settings.updateEmailPreferencesAction({}, form({ trialReminders: "yes" }))).error,
    ).toBeTruthy();
  });

  it("a lifetime purchase mails its license key once the key is stored", async () => {
    const user = await newUser(db);
    const orderId = uid("ord");
    const key = `KEY-${uid("k")}`;
    const event = checkoutCompleted({
      eventId: uid("evt"),
      at: Date.now(),
      checkoutId: uid("ch"),
      customer: customer(uid("cust"), user.email),
      productId: "prod_local_lifetime",
      orderId,
      licenseKey: key,
    });
    expect((await deliver(db, event)).status).toBe(200);
    await sendDueEmails(db);
    const mails = await mailsTo(user.email);
    expect(mails.map((m) => m.subject)).toEqual(["Your Launchpad Lifetime license key"]);
    expect(mails[0]!.html).toContain(key);
    expect(mails[0]!.text).toContain(key);
    await sendDueEmails(db);
    expect(await mailsTo(user.email)).toHaveLength(1);
  });
});

describe("team invitation template", () => {
  it("renders HTML and text with the accept link and the expiry", async () => {
    const mail = await renderTeamInvitationEmail({
      workspaceName: "Acme",
      inviterName: "Ada",
      acceptUrl: "https://app.example.com/invite/abc",
      expiresAt: new Date("2026-12-09T12:00:00Z"),
    });
    expect(mail.subject).toBe("Ada invited you to Acme on Launchpad");
    expect(mail.html).toContain("https://app.example.com/invite/abc");
    expect(mail.text).toContain("Dec 9, 2026");
    expect(mail.url).toBe("https://app.example.com/invite/abc");
  });
});

import "server-only";
import { catalog } from "@/lib/billing/catalog";
import { subscriptionAccess } from "@/lib/billing/entitlements";
import { isEnded } from "@/lib/billing/subscription-status";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/format";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { sendMail } from "@/lib/mail";
import { publicEnv } from "@/lib/public-env";
import { EMAIL_EVENT_TYPES } from "./events";
import { NON_ESSENTIAL, renderLifecycleEmail, type LifecycleEmail, type LifecycleKind } from "./render";

// Lifecycle email as an outbox. Deciding: the stored billing state (never the webhook itself) says which
// emails are due; each becomes an EmailDelivery row whose unique `key` names its occasion (kind +
// subscription + the period or event), so INSERT ... ON CONFLICT DO NOTHING lets the database decide
// "at most one" whoever decides it twice. Delivering: queued rows are claimed (SKIP LOCKED), rendered
// and sent through sendMail; a failure stays queued with its error and is retried by the next run.
// The webhook route decides for the few events that matter right after they are applied (after the
// response); the `lifecycle-email` job scans everything every minute as the durable backstop, and is
// what sends the trial reminders. Receipts are not sent: CREEM sends them as merchant of record.

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back a change still gets its email (so deploying this does not mail about old history). */
export const RECENT_DAYS = 7;
export const TRIAL_REMINDER_DAYS = 3;
export const MAX_ATTEMPTS = 5;
/** A row left "sending" this long (its sender died) is tried again. */
const SENDING_TIMEOUT_MS = 10 * 60 * 1000;

type Due = {
  key: string;
  email: LifecycleEmail;
  userId: string | null;
  to: string;
  subscriptionId?: string;
  orderId?: string;
};

const link = (path: string) => new URL(path, publicEnv.NEXT_PUBLIC_APP_URL).toString();
const planName = (productId: string | null | undefined) =>
  (productId && catalog.byProductId(productId)?.plan.name) || "your plan";

type Recipient = { userId: string | null; to: string; name: string | null; trialReminders: boolean } | null;

type Owner = {
  userId: string | null;
  customerEmail: string | null;
  user: { email: string; name: string | null; deletedAt: Date | null; emailTrialReminders: boolean } | null;
};

function recipientOf(row: Owner): Recipient {
  if (row.user) {
    if (row.user.deletedAt) return null; // an anonymised account is never mailed
    return {
      userId: row.userId,
      to: row.user.email,
      name: row.user.name,
      trialReminders: row.user.emailTrialReminders,
    };
  }
  return row.customerEmail ? { userId: null, to: row.customerEmail, name: null, trialReminders: true } : null;
}

const ownerSelect = {
  userId: true,
  customerEmail: true,
  user: { select: { email: true, name: true, deletedAt: true, emailTrialReminders: true } },
} as const;

export type Scope = { subscriptionId?: string; orderId?: string };

/** The emails the stored state says are due now (some may have been decided already). Reads only. */
export async function dueEmails(db: PrismaClient, now: Date, scope: Scope = {}): Promise<Due[]> {
  const recent = new Date(now.getTime() - RECENT_DAYS * DAY_MS);
  const due: Due[] = [];
  const wantSubs = !scope.orderId || !!scope.subscriptionId;
  const subscriptions = wantSubs
    ? await db.subscription.findMany({
        where: {
          ...(scope.subscriptionId ? { id: scope.subscriptionId } : {}),
          OR: [
            { status: "past_due", pastDueSince: { gte: recent } },
            {
              status: "trialing",
              trialEnd: { gt: now, lte: new Date(now.getTime() + TRIAL_REMINDER_DAYS * DAY_MS) },
            },
            {
              OR: [
                { cancelIntent: "period_end" },
                { cancelAtPeriodEnd: true },
                { status: "scheduled_cancel" },
              ],
              currentPeriodEnd: { gt: now },
            },
            { status: { in: ["canceled", "unpaid", "expired"] }, updatedAt: { gte: recent } },
          ],
        },
        select: {
          id: true,
          productId: true,
          status: true,
          units: true,
          currentPeriodStart: true,
          currentPeriodEnd: true,
          pastDueSince: true,
          coveredThrough: true,
          cancelIntent: true,
          cancelIntentAt: true,
          cancelAtPeriodEnd: true,
          trialStartedAt: true,
          trialEnd: true,
          ...ownerSelect,
        },
      })
    : [];
  for (const sub of subscriptions) {
    const to = recipientOf(sub);
    if (!to) continue;
    const base = { userId: to.userId, to: to.to, subscriptionId: sub.id };
    const plan = planName(sub.productId);
    const access = subscriptionAccess(sub, now, env.BILLING_GRACE_DAYS);
    if (sub.status === "past_due" && sub.pastDueSince && access.reason === "grace_period" && access.until) {
      due.push({
        ...base,
        key: `payment_failed:${sub.id}:${sub.pastDueSince.toISOString()}`,
        email: {
          kind: "payment_failed",
          props: {
            name: to.name,
            planName: plan,
            graceEndsOn: formatDate(access.until),
            portalUrl: link("/dashboard/billing/portal"),
          },
        },
      });
    }
    if (
      sub.status === "trialing" &&
      sub.trialEnd &&
      sub.trialEnd > now &&
      to.trialReminders &&
      !sub.cancelAtPeriodEnd
    ) {
      due.push({
        ...base,
        key: `trial_ending:${sub.id}:${sub.trialEnd.toISOString()}`,
        email: {
          kind: "trial_ending",
          props: {
            name: to.name,
            planName: plan,
            trialEndsOn: formatDate(sub.trialEnd),
            billingUrl: link("/dashboard/billing"),
            settingsUrl: link("/dashboard/settings"),
          },
        },
      });
    }
    const scheduled =
      access.granted &&
      (access.reason === "scheduled_cancel" ||
        access.reason === "canceled_at_period_end" ||
        (sub.cancelAtPeriodEnd && !isEnded(sub.status)));
    if (scheduled && sub.currentPeriodEnd) {
      due.push({
        ...base,
        key: `cancellation_scheduled:${sub.id}:${sub.currentPeriodEnd.toISOString()}`,
        email: {
          kind: "cancellation_scheduled",
          props: {
            name: to.name,
            planName: plan,
            accessEndsOn: formatDate(sub.currentPeriodEnd),
            resumeUrl: link("/dashboard/billing"),
          },
        },
      });
    }
    if ((isEnded(sub.status) || sub.status === "expired") && !access.granted) {
      due.push({
        ...base,
        key: `subscription_ended:${sub.id}`,
        email: {
          kind: "subscription_ended",
          props: { name: to.name, planName: plan, pricingUrl: link("/pricing") },
        },
      });
    }
  }

  const wantOrders = !scope.subscriptionId || !!scope.orderId;
  const purchases = wantOrders
    ? await db.purchase.findMany({
        where: {
          ...(scope.orderId ? { id: scope.orderId } : {}),
          status: "paid",
          createdAt: { gte: recent },
        },
        select: { id: true, productId: true, ...ownerSelect },
      })
    : [];
  const keys = purchases.length
    ? await db.licenseKey.findMany({
        where: { orderId: { in: purchases.map((p) => p.id) } },
        select: { orderId: true, key: true, activationLimit: true },
      })
    : [];
  for (const purchase of purchases) {
    const entry = purchase.productId ? catalog.byProductId(purchase.productId) : undefined;
    const license = keys.find((k) => k.orderId === purchase.id);
    const to = recipientOf(purchase);
    // A lifetime plan's mail carries its key: it waits until the key is stored (same or a later event).
    if (!entry?.plan.oneTime || !license || !to) continue;
    due.push({
      key: `lifetime_purchase:${purchase.id}`,
      userId: to.userId,
      to: to.to,
      orderId: purchase.id,
      email: {
        kind: "lifetime_purchase",
        props: {
          name: to.name,
          planName: entry.plan.name,
          licenseKey: license.key,
          activations: license.activationLimit ?? entry.plan.licenseActivations ?? null,
          billingUrl: link("/dashboard/billing"),
        },
      },
    });
  }
  return due;
}

/** Records the due emails; the unique key drops any decided before. Returns how many are new. */
export async function decideEmails(db: PrismaClient, now: Date, scope: Scope = {}): Promise<number> {
  const due = await dueEmails(db, now, scope);
  if (due.length === 0) return 0;
  const { count } = await db.emailDelivery.createMany({
    data: due.map((d) => ({
      key: d.key,
      kind: d.email.kind,
      userId: d.userId,
      to: d.to,
      subscriptionId: d.subscriptionId ?? null,
      orderId: d.orderId ?? null,
      data: d.email.props as Prisma.InputJsonValue,
    })),
    skipDuplicates: true,
  });
  return count;
}

export type DeliveryResult = { sent: number; failed: number; skipped: number };

/** Claims queued rows (each by one sender only), sends them, records the result. */
export async function deliverQueued(
  db: PrismaClient,
  now = new Date(),
  scope: Scope = {},
): Promise<DeliveryResult> {
  const staleSending = new Date(now.getTime() - SENDING_TIMEOUT_MS);
  const claimed = await db.$queryRaw<
    Array<{ id: string; kind: string; to: string; userId: string | null; data: unknown; attempts: number }>
  >`
    UPDATE "EmailDelivery" SET "status" = 'sending', "attempts" = "attempts" + 1, "claimedAt" = ${now}
    WHERE id IN (
      SELECT id FROM "EmailDelivery"
      WHERE ("status" = 'queued' OR ("status" = 'sending' AND "claimedAt" < ${staleSending}))
        AND (${scope.subscriptionId ?? null}::text IS NULL OR "subscriptionId" = ${scope.subscriptionId ?? null})
        AND (${scope.orderId ?? null}::text IS NULL OR "orderId" = ${scope.orderId ?? null})
      ORDER BY "createdAt" LIMIT 50 FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, "to", "userId", data, attempts`;
  const result: DeliveryResult = { sent: 0, failed: 0, skipped: 0 };
  for (const row of claimed) {
    try {
      if (NON_ESSENTIAL.has(row.kind as LifecycleKind) && row.userId) {
        // Turned off after it was decided: not sent.
        const user = await db.user.findUnique({
          where: { id: row.userId },
          select: { emailTrialReminders: true },
        });
        if (user && !user.emailTrialReminders) {
          await db.emailDelivery.update({ where: { id: row.id }, data: { status: "skipped" } });
          result.skipped++;
          continue;
        }
      }
      const mail = await renderLifecycleEmail({ kind: row.kind, props: row.data } as LifecycleEmail);
      await sendMail({ to: row.to, ...mail });
      await db.emailDelivery.update({
        where: { id: row.id },
        data: { status: "sent", sentAt: new Date(), lastError: null },
      });
      result.sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db.emailDelivery.update({
        where: { id: row.id },
        data: {
          status: row.attempts >= MAX_ATTEMPTS ? "failed" : "queued",
          lastError: message.slice(0, 2000),
        },
      });
      result.failed++;
    }
  }
  return result;
}

/** Right after an applied webhook event (the route runs it after answering): decide and send its emails. */
export async function emailsAfterEvent(db: PrismaClient, event: { type: string } & Scope) {
  if (!EMAIL_EVENT_TYPES.has(event.type) || (!event.subscriptionId && !event.orderId)) return;
  const scope = { subscriptionId: event.subscriptionId, orderId: event.orderId };
  const now = new Date();
  if ((await decideEmails(db, now, scope)) > 0) await deliverQueued(db, now, scope);
}

import "server-only";
import { catalog } from "@/lib/billing/catalog";
import { subscriptionAccess, subscriptionRecordSelect } from "@/lib/billing/entitlements";
import { isEnded } from "@/lib/billing/subscription-status";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/format";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { sendMail } from "@/lib/mail";
import { publicEnv } from "@/lib/public-env";
import { can, isRole, ROLES } from "@/lib/workspaces/roles";
import { NON_ESSENTIAL, renderLifecycleEmail, type LifecycleEmail, type LifecycleKind } from "./render";

// Lifecycle email as an outbox. Deciding: the stored billing state (never the webhook itself) says which
// emails are due; each becomes an EmailDelivery row whose unique `key` names its occasion (kind +
// subscription + the period or event) and its recipient, so INSERT ... ON CONFLICT DO NOTHING lets the
// database decide "at most one per person" whoever decides it twice. Billing belongs to the workspace:
// every owner and admin of it gets the email (see audienceOf), members never do. Delivering: queued rows
// are claimed (SKIP LOCKED), rendered and sent through sendMail; a failure stays queued with its error and
// is retried by the next run.
// Both run in the job worker (the `lifecycle-email` job), every minute and at once when the webhook route
// wakes it after an event that matters (lib/email/events.ts), so rendering React Email never slows the
// route that answers CREEM. The minute's run is the backstop for a lost wake and sends the trial reminders.
// Receipts are not sent: CREEM sends them as merchant of record.

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

/** One person an email goes to; `key` names them in the EmailDelivery key (one email per occasion each). */
type Recipient = {
  key: string;
  userId: string | null;
  to: string;
  name: string | null;
  trialReminders: boolean;
};

type Person = {
  id: string;
  email: string;
  name: string | null;
  deletedAt: Date | null;
  emailTrialReminders: boolean;
};

type Owner = {
  userId: string | null;
  customerEmail: string | null;
  user: Person | null;
  workspace: {
    id: string;
    name: string;
    personalOwnerId: string | null;
    memberships: Array<{ role: string; user: Person }>;
  } | null;
};

/** Who gets a subscription's or order's billing email, and the team workspace it is about (if any). */
type Audience = { recipients: Recipient[]; workspaceName: string | null };

/** The roles that manage billing (lib/workspaces/roles.ts): they, and only they, get billing email. */
const BILLING_ROLES = ROLES.filter((role) => can(role, "billing.manage"));

const personRecipient = (user: Person): Recipient => ({
  key: `user:${user.id}`,
  userId: user.id,
  to: user.email,
  name: user.name,
  trialReminders: user.emailTrialReminders,
});

/**
 * Billing belongs to the workspace: its email goes to every owner and admin of the subscription's or
 * order's workspace (a personal workspace: its one owner), deleted accounts left out. When none of them
 * can be reached (no workspace, or only deleted managers), to whom it went before workspaces: the buyer,
 * or without a linked account the CREEM customer's address; an anonymised (deleted) buyer is never
 * mailed, and neither is a buyer who is now a plain member of the workspace (members get no billing mail).
 */
async function audienceOf(db: PrismaClient, row: Owner): Promise<Audience> {
  const workspace = row.workspace;
  const workspaceName = workspace && !workspace.personalOwnerId ? workspace.name : null;
  const managers = (workspace?.memberships ?? [])
    .filter((m) => isRole(m.role) && can(m.role, "billing.manage") && !m.user.deletedAt)
    .map((m) => personRecipient(m.user));
  if (managers.length) return { recipients: managers, workspaceName };

  let fallback: Recipient | null = null;
  if (row.user) {
    if (!row.user.deletedAt) fallback = personRecipient(row.user);
  } else if (row.customerEmail) {
    fallback = {
      key: `email:${row.customerEmail.toLowerCase()}`,
      userId: null,
      to: row.customerEmail,
      name: null,
      trialReminders: true,
    };
  }
  if (!fallback || !workspace) return { recipients: fallback ? [fallback] : [], workspaceName };
  const plainMember = await db.membership.findFirst({
    where: {
      workspaceId: workspace.id,
      role: { notIn: BILLING_ROLES },
      user: fallback.userId
        ? { id: fallback.userId }
        : { email: { equals: fallback.to, mode: "insensitive" } },
    },
    select: { userId: true },
  });
  return { recipients: plainMember ? [] : [fallback], workspaceName };
}

const personSelect = {
  select: { id: true, email: true, name: true, deletedAt: true, emailTrialReminders: true },
} as const;

const ownerSelect = {
  userId: true,
  customerEmail: true,
  user: personSelect,
  workspace: {
    select: {
      id: true,
      name: true,
      personalOwnerId: true,
      memberships: {
        where: { role: { in: BILLING_ROLES } },
        orderBy: { createdAt: "asc" },
        select: { role: true, user: personSelect },
      },
    },
  },
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
          ...subscriptionRecordSelect,
          cancelIntentAt: true,
          cancelAtPeriodEnd: true,
          trialEnd: true,
          ...ownerSelect,
        },
      })
    : [];
  /** One email per recipient of the occasion; `build` gives each their own props (name, wording). */
  const addFor = (
    audience: Audience,
    occasion: string,
    target: { subscriptionId: string } | { orderId: string },
    build: (to: Recipient, workspaceName: string | null) => LifecycleEmail,
    wanted: (to: Recipient) => boolean = () => true,
  ) => {
    for (const to of audience.recipients) {
      if (!wanted(to)) continue;
      due.push({
        key: `${occasion}:${to.key}`,
        userId: to.userId,
        to: to.to,
        ...target,
        email: build(to, audience.workspaceName),
      });
    }
  };

  for (const sub of subscriptions) {
    const audience = await audienceOf(db, sub);
    if (!audience.recipients.length) continue;
    const target = { subscriptionId: sub.id };
    const plan = planName(sub.productId);
    const access = subscriptionAccess(sub, now, env.BILLING_GRACE_DAYS);
    if (sub.status === "past_due" && sub.pastDueSince && access.reason === "grace_period" && access.until) {
      const graceEndsOn = formatDate(access.until);
      addFor(audience, `payment_failed:${sub.id}:${sub.pastDueSince.toISOString()}`, target, (to, ws) => ({
        kind: "payment_failed",
        props: {
          name: to.name,
          workspaceName: ws,
          planName: plan,
          graceEndsOn,
          portalUrl: link("/dashboard/billing/portal"),
        },
      }));
    }
    if (sub.status === "trialing" && sub.trialEnd && sub.trialEnd > now && !sub.cancelAtPeriodEnd) {
      const trialEndsOn = formatDate(sub.trialEnd);
      addFor(
        audience,
        `trial_ending:${sub.id}:${sub.trialEnd.toISOString()}`,
        target,
        (to, ws) => ({
          kind: "trial_ending",
          props: {
            name: to.name,
            workspaceName: ws,
            planName: plan,
            trialEndsOn,
            billingUrl: link("/dashboard/billing"),
            settingsUrl: link("/dashboard/settings"),
          },
        }),
        // Non-essential: each recipient's own setting decides.
        (to) => to.trialReminders,
      );
    }
    const scheduled =
      access.granted &&
      (access.reason === "scheduled_cancel" ||
        access.reason === "canceled_at_period_end" ||
        (sub.cancelAtPeriodEnd && !isEnded(sub.status)));
    if (scheduled && sub.currentPeriodEnd) {
      const accessEndsOn = formatDate(sub.currentPeriodEnd);
      addFor(
        audience,
        `cancellation_scheduled:${sub.id}:${sub.currentPeriodEnd.toISOString()}`,
        target,
        (to, ws) => ({
          kind: "cancellation_scheduled",
          props: {
            name: to.name,
            workspaceName: ws,
            planName: plan,
            accessEndsOn,
            resumeUrl: link("/dashboard/billing"),
          },
        }),
      );
    }
    if ((isEnded(sub.status) || sub.status === "expired") && !access.granted) {
      addFor(audience, `subscription_ended:${sub.id}`, target, (to, ws) => ({
        kind: "subscription_ended",
        props: { name: to.name, workspaceName: ws, planName: plan, pricingUrl: link("/pricing") },
      }));
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
    // A lifetime plan's mail carries its key: it waits until the key is stored (same or a later event).
    if (!entry?.plan.oneTime || !license) continue;
    const audience = await audienceOf(db, purchase);
    addFor(audience, `lifetime_purchase:${purchase.id}`, { orderId: purchase.id }, (to, ws) => ({
      kind: "lifetime_purchase",
      props: {
        name: to.name,
        workspaceName: ws,
        planName: entry.plan.name,
        licenseKey: license.key,
        activations: license.activationLimit ?? entry.plan.licenseActivations ?? null,
        billingUrl: link("/dashboard/billing"),
      },
    }));
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

/** One run of the `lifecycle-email` job: decides what the stored state calls for, then sends what is queued. */
export async function sendDueEmails(db: PrismaClient, now = new Date()) {
  const decided = await decideEmails(db, now);
  const delivery = await deliverQueued(db, now);
  return { decided, ...delivery };
}

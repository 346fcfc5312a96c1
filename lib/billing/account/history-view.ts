import type { Transaction } from "@/lib/creem";
import { formatDate, formatMoney } from "@/lib/format";
import type { PlanCatalog } from "@/lib/billing/plans";
import type { PurchaseStanding } from "@/lib/billing/reversals";
import { lookup, type Tone } from "@/lib/billing/subscription-status";
import type { BillingFacts } from "@/lib/billing/webhooks/facts";

// How transactions, one-time purchases and license keys read on the billing page. Pure and serialisable.

export const HISTORY_PAGE_SIZE = 10;
const MAX_PAGE = 10_000;

export type PageParam = { page: number; invalid?: string };

/** `?page=` as a page number; anything else falls back to page 1 and says what was wrong. */
export function parsePageParam(raw: string | string[] | undefined): PageParam {
  if (raw === undefined) return { page: 1 };
  const value = Array.isArray(raw) ? (raw[0] ?? "") : raw;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_PAGE)
    return { page: 1, invalid: value };
  return { page: Number(value) };
}

const TRANSACTION_STATUS: Record<string, { label: string; tone: Tone }> = {
  paid: { label: "Paid", tone: "success" },
  pending: { label: "Pending", tone: "warning" },
  refunded: { label: "Refunded", tone: "neutral" },
  partialRefund: { label: "Partially refunded", tone: "neutral" },
  chargedBack: { label: "Charged back", tone: "danger" },
  uncollectible: { label: "Uncollectible", tone: "danger" },
  declined: { label: "Declined", tone: "danger" },
  canceled: { label: "Canceled", tone: "neutral" },
  void: { label: "Void", tone: "neutral" },
};

export type TransactionView = {
  id: string;
  date: string;
  description: string;
  amount: string;
  statusLabel: string;
  statusTone: Tone;
};

/** A subscription's product and seats as of one stored event (from the account's WebhookEvent rows). */
export type PlanSnapshot = {
  subscriptionId: string;
  at: Date;
  productId: string;
  units: number;
  status: string;
  periodEnd?: Date;
};

/** What the app knows beside CREEM's transaction, to say what each one was. */
export type HistoryContext = {
  catalog: PlanCatalog;
  subscriptions: ReadonlyMap<string, { productId: string; startedAt: Date | null }>;
  /** One-time purchases by order id: their product. */
  orders: ReadonlyMap<string, string | null>;
  snapshots: readonly PlanSnapshot[];
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** A plan change's event and its proration charge are made in the same moment; allow for clock drift. */
const CHANGE_WINDOW_MS = 10 * 60 * 1000;

/** The subscription snapshots in stored facts (webhook events and syncs), oldest first. */
export function planSnapshots(facts: readonly (BillingFacts | undefined)[]): PlanSnapshot[] {
  return facts
    .flatMap((f) =>
      f?.subscription
        ? [
            {
              subscriptionId: f.subscription.id,
              at: f.at,
              productId: f.subscription.productId,
              units: f.subscription.units,
              status: f.subscription.status,
              periodEnd: f.subscription.currentPeriodEnd,
            },
          ]
        : [],
    )
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** "Pro monthly", "Team yearly", "Lifetime". */
export function planLabel(catalog: PlanCatalog, productId: string | null | undefined): string | undefined {
  const entry = productId ? catalog.byProductId(productId) : undefined;
  if (!entry) return undefined;
  const { interval } = entry.price;
  return interval === "once"
    ? entry.plan.name
    : `${entry.plan.name} ${interval === "year" ? "yearly" : "monthly"}`;
}

const isProration = (t: Transaction) => /prorat/i.test(t.description ?? "");

/** The plan or seat change a proration charge (or refund) at `at` paid for, when the stored events show it. */
function changeAt(subscriptionId: string, at: Date, ctx: HistoryContext) {
  const own = ctx.snapshots.filter((s) => s.subscriptionId === subscriptionId);
  const same = (a: PlanSnapshot, b: PlanSnapshot) => a.productId === b.productId && a.units === b.units;
  let i = own.findLastIndex((s) => s.at.getTime() <= at.getTime() + CHANGE_WINDOW_MS);
  if (i < 0) return undefined;
  const after = own[i]!;
  while (i > 0 && same(own[i - 1]!, after)) i--;
  const before = own[i - 1];
  if (!before || Math.abs(own[i]!.at.getTime() - at.getTime()) > CHANGE_WINDOW_MS) return undefined;
  return { before, after };
}

function subscriptionLabel(t: Transaction, subscriptionId: string, ctx: HistoryContext): string {
  const at = t.createdAt ?? new Date(0);
  const sub = ctx.subscriptions.get(subscriptionId);
  const current = ctx.snapshots.findLast(
    (s) => s.subscriptionId === subscriptionId && s.at.getTime() <= at.getTime() + CHANGE_WINDOW_MS,
  );
  const plan = planLabel(ctx.catalog, current?.productId ?? sub?.productId);
  const named = (prefix: string) => (plan ? `${prefix}: ${plan}` : prefix);
  if ((t.amount ?? 0) < 0) return named("Refund");
  if (isProration(t)) {
    const change = changeAt(subscriptionId, at, ctx);
    if (!change) return named("Proration");
    const { before, after } = change;
    const from = planLabel(ctx.catalog, before.productId) ?? "previous plan";
    const to = planLabel(ctx.catalog, after.productId) ?? "new plan";
    const seats = before.units !== after.units ? `${before.units} → ${after.units}` : undefined;
    if (before.productId === after.productId) return `Seats ${seats}`;
    return `Proration: ${from} → ${to}${seats ? `, seats ${seats}` : ""}`;
  }
  const periodStart = t.periodStart?.getTime();
  const startedAt = sub?.startedAt?.getTime();
  // The first charge: at the subscription's start, or where its free trial ended.
  const trialEnded = ctx.snapshots.some(
    (s) =>
      s.subscriptionId === subscriptionId &&
      s.status === "trialing" &&
      periodStart !== undefined &&
      s.periodEnd !== undefined &&
      Math.abs(s.periodEnd.getTime() - periodStart) <= DAY_MS,
  );
  const first =
    periodStart !== undefined &&
    ((startedAt !== undefined && Math.abs(periodStart - startedAt) <= DAY_MS) || trialEnded);
  if ((t.amount ?? 0) === 0 && /trial/i.test(t.description ?? "")) return named("Free trial");
  return named(first ? "First payment" : "Renewal");
}

/** What a transaction was, in words: "Renewal: Pro monthly", "Seats 2 → 4", "Refund", ... */
export function transactionLabel(t: Transaction, ctx?: HistoryContext): string {
  const fallback = t.description ?? (t.type === "invoice" ? "Invoice" : "Payment");
  if (!ctx) return fallback;
  if (t.subscription) return subscriptionLabel(t, t.subscription, ctx);
  if ((t.amount ?? 0) < 0) return "Refund";
  if (t.order && ctx.orders.has(t.order)) {
    const plan = planLabel(ctx.catalog, ctx.orders.get(t.order));
    return plan ? `One-time purchase: ${plan}` : "One-time purchase";
  }
  return fallback;
}

export function describeTransaction(t: Transaction, ctx?: HistoryContext): TransactionView {
  const status = lookup(TRANSACTION_STATUS, t.status ?? "") ?? {
    label: t.status ?? "Unknown",
    tone: "neutral",
  };
  // What was actually paid (after discounts) for a paid charge; the amount due for anything else.
  const amount = t.status === "paid" ? (t.amountPaid ?? t.amount) : t.amount;
  return {
    id: t.id,
    date: formatDate(t.createdAt),
    description: transactionLabel(t, ctx),
    amount: amount !== undefined && t.currency ? formatMoney(amount, t.currency) : "—",
    statusLabel: status.label,
    statusTone: status.tone,
  };
}

const PURCHASE_STATUS: Record<string, { label: string; tone: Tone }> = {
  paid: { label: "Paid", tone: "success" },
  refunded: { label: "Refunded", tone: "neutral" },
  partially_refunded: { label: "Partially refunded", tone: "neutral" },
  disputed: { label: "Disputed", tone: "danger" },
};

export type PurchaseView = {
  id: string;
  productName: string;
  date: string;
  amount: string;
  statusLabel: string;
  statusTone: Tone;
};

export function describePurchase(
  row: {
    id: string;
    productId: string | null;
    amount: number | null;
    currency: string | null;
    status: string;
    purchasedAt: Date | null;
    createdAt: Date;
  },
  catalog: PlanCatalog,
  standing?: PurchaseStanding,
): PurchaseView {
  const plan = row.productId ? catalog.byProductId(row.productId)?.plan : undefined;
  // Refunds and disputes are read from PaymentReversal (lib/billing/reversals.ts), not the order status.
  const state = standing?.disputed
    ? "disputed"
    : standing?.refunded === "full"
      ? "refunded"
      : standing?.refunded === "partial"
        ? "partially_refunded"
        : row.status;
  const status = lookup(PURCHASE_STATUS, state) ?? { label: row.status, tone: "neutral" };
  return {
    id: row.id,
    productName: plan?.name ?? "One-time purchase",
    date: formatDate(row.purchasedAt ?? row.createdAt),
    amount: row.amount !== null && row.currency ? formatMoney(row.amount, row.currency) : "—",
    statusLabel: status.label,
    statusTone: status.tone,
  };
}

const LICENSE_STATUS: Record<string, { label: string; tone: Tone }> = {
  active: { label: "Active", tone: "success" },
  inactive: { label: "Not activated", tone: "neutral" },
  expired: { label: "Expired", tone: "warning" },
  disabled: { label: "Disabled", tone: "danger" },
};

export type LicenseKeyView = {
  id: string;
  productName: string;
  /** The key to copy; null once revoked (its purchase was refunded or disputed): it is no longer offered. */
  key: string | null;
  revoked: boolean;
  maskedKey: string;
  statusLabel: string;
  statusTone: Tone;
  activations: string;
  expires: string;
  /** When CREEM could not be asked just now: when the shown status and activations were last stored. */
  asOf: string | null;
  /** The active devices, oldest first (none listed for a revoked key: they cannot be managed). */
  devices: DeviceView[];
};

export type DeviceView = { id: string; name: string; activated: string; lastValidated: string };

type DeviceRow = {
  id: string;
  name: string;
  status: string;
  activatedAt: Date;
  lastValidatedAt: Date | null;
};

const asOfFormat = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** All but the last group hidden: `•••••-•••••-•••••-•••••-K7QXZ`. */
export function maskKey(key: string): string {
  const groups = key.split("-");
  if (groups.length > 1) {
    const last = groups.pop() ?? "";
    return [...groups.map((g) => "•".repeat(g.length)), last].join("-");
  }
  const visible = Math.min(4, Math.floor(key.length / 3));
  return "•".repeat(Math.max(key.length - visible, 4)) + key.slice(key.length - visible);
}

export function describeLicenseKey(
  row: {
    id: string;
    productId: string;
    key: string;
    status: string;
    activations: number;
    activationLimit: number | null;
    expiresAt: Date | null;
    updatedAt?: Date;
    instances?: DeviceRow[];
  },
  catalog: PlanCatalog,
  revoked = false,
  /** False when CREEM was asked and did not answer: the stored values are shown "as of" their time. */
  current = true,
): LicenseKeyView {
  const status = revoked
    ? { label: "Revoked", tone: "danger" as const }
    : (lookup(LICENSE_STATUS, row.status) ?? { label: row.status, tone: "neutral" as const });
  return {
    id: row.id,
    productName: catalog.byProductId(row.productId)?.plan.name ?? "License",
    key: revoked ? null : row.key,
    revoked,
    maskedKey: maskKey(row.key),
    statusLabel: status.label,
    statusTone: status.tone,
    activations:
      row.activationLimit === null
        ? `${row.activations} ${row.activations === 1 ? "device" : "devices"} (no limit)`
        : `${row.activations} of ${row.activationLimit} ${row.activationLimit === 1 ? "device" : "devices"}`,
    expires: row.expiresAt ? formatDate(row.expiresAt) : "Never",
    asOf: !current && !revoked && row.updatedAt ? `${asOfFormat.format(row.updatedAt)} UTC` : null,
    devices: revoked
      ? []
      : (row.instances ?? [])
          .filter((d) => d.status === "active")
          .sort((a, b) => a.activatedAt.getTime() - b.activatedAt.getTime())
          .map((d) => ({
            id: d.id,
            name: d.name,
            activated: formatDate(d.activatedAt),
            lastValidated: d.lastValidatedAt ? `${asOfFormat.format(d.lastValidatedAt)} UTC` : "Never",
          })),
  };
}

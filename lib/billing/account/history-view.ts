import type { Transaction } from "@/lib/creem";
import { formatDate, formatMoney } from "@/lib/format";
import type { PlanCatalog } from "@/lib/billing/plans";
import type { PurchaseStanding } from "@/lib/billing/reversals";
import { lookup, type Tone } from "@/lib/billing/subscription-status";

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

export function describeTransaction(t: Transaction): TransactionView {
  const status = lookup(TRANSACTION_STATUS, t.status ?? "") ?? {
    label: t.status ?? "Unknown",
    tone: "neutral",
  };
  // What was actually paid (after discounts) for a paid charge; the amount due for anything else.
  const amount = t.status === "paid" ? (t.amountPaid ?? t.amount) : t.amount;
  return {
    id: t.id,
    date: formatDate(t.createdAt),
    description: t.description ?? (t.type === "invoice" ? "Invoice" : "Payment"),
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
};

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
  },
  catalog: PlanCatalog,
  revoked = false,
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
        ? `${row.activations} (no limit)`
        : `${row.activations} of ${row.activationLimit}`,
    expires: row.expiresAt ? formatDate(row.expiresAt) : "Never",
  };
}

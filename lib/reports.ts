import "server-only";
import { catalog } from "@/lib/billing/catalog";
import { db } from "@/lib/db";

// The example premium feature ("Reports and exports"): a workspace's billing activity as a table and CSV.

export type ReportRow = {
  date: Date;
  kind: "Subscription" | "Purchase";
  plan: string;
  status: string;
  detail: string;
};

export async function activityReport(workspaceId: string): Promise<ReportRow[]> {
  const [subscriptions, purchases] = await Promise.all([
    db.subscription.findMany({ where: { workspaceId }, orderBy: { createdAt: "desc" } }),
    db.purchase.findMany({ where: { workspaceId }, orderBy: { createdAt: "desc" } }),
  ]);
  const planName = (productId: string | null) =>
    (productId && catalog.byProductId(productId)?.plan.name) || productId || "Unknown product";
  const rows: ReportRow[] = [
    ...subscriptions.map((s) => ({
      date: s.createdAt,
      kind: "Subscription" as const,
      plan: planName(s.productId),
      status: s.status,
      detail: `${s.units} seat${s.units === 1 ? "" : "s"}`,
    })),
    ...purchases.map((p) => ({
      date: p.purchasedAt ?? p.createdAt,
      kind: "Purchase" as const,
      plan: planName(p.productId),
      status: p.status,
      detail: p.amount !== null && p.currency ? `${(p.amount / 100).toFixed(2)} ${p.currency}` : "",
    })),
  ];
  return rows.sort((a, b) => b.date.getTime() - a.date.getTime());
}

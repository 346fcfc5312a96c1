import "server-only";
import { db } from "@/lib/db";
import { catalog } from "@/lib/billing/catalog";
import type { BillingInterval, PlanKey } from "@/lib/billing/plans";

// A paused subscriber is offered "Resume" wherever the app would otherwise sell them a plan (dashboard,
// upgrade prompts, the pricing card of their plan): this finds the subscription to resume.

export type PausedPlan = {
  subscriptionId: string;
  /** When its stored state last changed (the resume button waits for it to move). */
  stateAt: string;
  plan: PlanKey;
  planName: string;
  interval: BillingInterval;
};

/** The workspace's most recently paused subscription of a plan the catalog sells, or null. */
export async function pausedPlanOf(workspaceId: string): Promise<PausedPlan | null> {
  const rows = await db.subscription.findMany({
    where: { workspaceId, status: "paused" },
    orderBy: { stateAt: "desc" },
    select: { id: true, productId: true, stateAt: true },
  });
  for (const row of rows) {
    const entry = catalog.byProductId(row.productId);
    if (entry) {
      return {
        subscriptionId: row.id,
        stateAt: row.stateAt.toISOString(),
        plan: entry.plan.key,
        planName: entry.plan.name,
        interval: entry.price.interval,
      };
    }
  }
  return null;
}

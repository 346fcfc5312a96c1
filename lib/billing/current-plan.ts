import "server-only";
import { db } from "@/lib/db";
import { getEntitlements } from "./access";
import { catalog } from "./catalog";
import type { BillingInterval, PlanKey } from "./plans";

export type CurrentPlan = { signedIn: boolean; plan: PlanKey | null; interval: BillingInterval | null };

export const SIGNED_OUT: CurrentPlan = { signedIn: false, plan: null, interval: null };

/** The plan the user has now, and how it is billed (so the pricing page can mark monthly vs yearly). */
export async function currentPlanOf(userId: string): Promise<CurrentPlan> {
  const { plan, source } = await getEntitlements(userId);
  if (source?.kind === "purchase") return { signedIn: true, plan: plan.key, interval: "once" };
  if (source?.kind !== "subscription") return { signedIn: true, plan: plan.key, interval: null };
  const sub = await db.subscription.findUnique({ where: { id: source.id }, select: { productId: true } });
  const interval = sub ? (catalog.byProductId(sub.productId)?.price.interval ?? null) : null;
  return { signedIn: true, plan: plan.key, interval };
}

import "server-only";
import { getCurrentUser, type CurrentUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { UserError } from "@/lib/user-error";
import { catalog } from "@/lib/billing/catalog";
import {
  hasFeature,
  resolveEntitlements,
  subscriptionRecordSelect,
  type Entitlements,
} from "@/lib/billing/entitlements";
import { FEATURES, type BillingInterval, type Feature, type PlanKey } from "@/lib/billing/plans";

/** Entitlements from stored rows (oldest first, so ties between equal-rank plans resolve the same way). */
export function entitlementsFrom(
  state: Parameters<typeof resolveEntitlements>[0],
  now = new Date(),
): Entitlements {
  return resolveEntitlements(state, catalog, { now, graceDays: env.BILLING_GRACE_DAYS });
}

/** What the user may use now, from the billing state stored for them (one consistent snapshot). */
export async function getEntitlements(userId: string, now = new Date()): Promise<Entitlements> {
  const [subscriptions, purchases] = await db.$transaction(
    [
      db.subscription.findMany({
        where: { userId },
        orderBy: { createdAt: "asc" },
        select: subscriptionRecordSelect,
      }),
      db.purchase.findMany({
        where: { userId },
        orderBy: { createdAt: "asc" },
        select: { id: true, productId: true, status: true },
      }),
    ],
    { isolationLevel: "RepeatableRead" },
  );
  return entitlementsFrom({ subscriptions, purchases }, now);
}

export type EntitlementErrorCode = "unauthenticated" | "payment_required" | "forbidden";

/** A missing entitlement. Route handlers turn it into 401/402/403 with `entitlementErrorResponse`. */
export class EntitlementError extends UserError {
  readonly status: 401 | 402 | 403;
  constructor(
    readonly code: EntitlementErrorCode,
    readonly feature: Feature,
  ) {
    const messages: Record<EntitlementErrorCode, string> = {
      unauthenticated: "Sign in to continue.",
      payment_required: `${FEATURES[feature]} needs a paid plan. Upgrade to continue.`,
      forbidden: `${FEATURES[feature]} is not included in your plan. Upgrade to continue.`,
    };
    super(messages[code]);
    this.name = "EntitlementError";
    this.status = code === "unauthenticated" ? 401 : code === "payment_required" ? 402 : 403;
  }
}

export type Access = { user: CurrentUser; entitlements: Entitlements };

/** The signed-in user and their entitlements when they have `feature`; throws EntitlementError otherwise. */
export async function requireEntitlement(feature: Feature): Promise<Access> {
  const result = await checkEntitlement(feature);
  if (!result.ok) throw result.error;
  return result;
}

/** The same check as a value, for pages that show an upgrade prompt instead of failing. */
export async function checkEntitlement(
  feature: Feature,
): Promise<(Access & { ok: true }) | { ok: false; error: EntitlementError; entitlements?: Entitlements }> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: new EntitlementError("unauthenticated", feature) };
  const entitlements = await getEntitlements(user.id);
  if (hasFeature(entitlements, feature)) return { ok: true, user, entitlements };
  const code = entitlements.source ? "forbidden" : "payment_required";
  return { ok: false, error: new EntitlementError(code, feature), entitlements };
}

export function entitlementErrorResponse(error: EntitlementError): Response {
  return Response.json(
    { error: error.code, feature: error.feature, message: error.message },
    { status: error.status },
  );
}

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

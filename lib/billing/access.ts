import "server-only";
import type { CurrentUser } from "@/lib/auth";
import { isCreemError } from "@/lib/creem";
import { getCreem } from "@/lib/creem/server";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { UserError } from "@/lib/user-error";
import { catalog } from "./catalog";
import { loadBillingState } from "./account/state";
import { pausedPlanOf, type PausedPlan } from "./account/paused";
import { hasFeature, resolveEntitlements, type BillingState, type Entitlements } from "./entitlements";
import { FEATURES, type BillingInterval, type Feature, type PlanKey } from "./plans";
import { syncSubscription } from "./webhooks/sync";
import { getCurrentWorkspace, type WorkspaceContext, type WorkspaceSummary } from "@/lib/workspaces/current";
import { can } from "@/lib/workspaces/roles";

// Reading access for a workspace: its stored billing rows in one snapshot, decided by the pure rules of
// entitlements.ts. Every member of a workspace uses what the workspace pays for (`product.use`); who bought
// it does not matter. A row too old to trust (a lost terminating webhook) is re-synced from CREEM first.

/** Entitlements from stored rows (oldest first, so ties between equal-rank plans resolve the same way). */
export function entitlementsFrom(state: BillingState, now = new Date()): Entitlements {
  return resolveEntitlements(state, catalog, { now, graceDays: env.BILLING_GRACE_DAYS });
}

/**
 * Re-syncs stale subscriptions from CREEM (the safety net for a lost webhook). True when at least one was
 * synced; a failure is logged and the stale row keeps granting nothing.
 */
export async function resyncStale(subscriptionIds: readonly string[]): Promise<boolean> {
  let synced = false;
  for (const id of subscriptionIds) {
    try {
      await syncSubscription(db, getCreem(), id);
      synced = true;
    } catch (error) {
      const why = isCreemError(error) ? `CREEM ${error.code} trace=${error.traceId ?? "-"}` : String(error);
      console.error(`[billing] stale subscription ${id} could not be re-synced (${why}); it grants nothing`);
    }
  }
  return synced;
}

/** What the workspace's members may use now, from its stored billing state (one consistent snapshot). */
export async function getEntitlements(workspaceId: string, now = new Date()): Promise<Entitlements> {
  const entitlements = entitlementsFrom(await loadBillingState(db, workspaceId), now);
  if (entitlements.needsSync.length === 0 || !(await resyncStale(entitlements.needsSync)))
    return entitlements;
  return entitlementsFrom(await loadBillingState(db, workspaceId), now);
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

export type Access = { user: CurrentUser; workspace: WorkspaceSummary; entitlements: Entitlements };

/**
 * The signed-in user, the workspace they act in and its entitlements when it has `feature`; throws
 * EntitlementError otherwise. `context` defaults to the current workspace (the workspace cookie).
 */
export async function requireEntitlement(
  feature: Feature,
  context?: WorkspaceContext | null,
): Promise<Access> {
  const result = await checkEntitlement(feature, context);
  if (!result.ok) throw result.error;
  return result;
}

/** The same check as a value, for pages that show an upgrade prompt instead of failing. */
export async function checkEntitlement(
  feature: Feature,
  context?: WorkspaceContext | null,
): Promise<
  | (Access & { ok: true })
  | { ok: false; error: EntitlementError; entitlements?: Entitlements; workspace?: WorkspaceSummary }
> {
  const current = context === undefined ? await getCurrentWorkspace() : context;
  if (!current) return { ok: false, error: new EntitlementError("unauthenticated", feature) };
  const { user, workspace } = current;
  if (!can(workspace.role, "product.use")) {
    return { ok: false, error: new EntitlementError("forbidden", feature), workspace };
  }
  const entitlements = await getEntitlements(workspace.id);
  if (hasFeature(entitlements, feature)) return { ok: true, user, workspace, entitlements };
  const code = entitlements.source ? "forbidden" : "payment_required";
  return { ok: false, error: new EntitlementError(code, feature), entitlements, workspace };
}

export function entitlementErrorResponse(error: EntitlementError): Response {
  return Response.json(
    { error: error.code, feature: error.feature, message: error.message },
    { status: error.status },
  );
}

export type CurrentPlan = {
  signedIn: boolean;
  plan: PlanKey | null;
  interval: BillingInterval | null;
  /** A paused subscription the workspace can resume (its card offers "Resume", not a new checkout). */
  paused?: PausedPlan | null;
  /** The workspace the plan is of (the current one), and whether this member may buy or change it. */
  workspace?: { name: string; personal: boolean };
  canBuy?: boolean;
};

export const SIGNED_OUT: CurrentPlan = { signedIn: false, plan: null, interval: null };

/** The plan the workspace has now, and how it is billed (so the pricing page can mark monthly vs yearly). */
export async function currentPlanOf(workspaceId: string): Promise<CurrentPlan> {
  const [{ plan, source }, paused] = await Promise.all([
    getEntitlements(workspaceId),
    pausedPlanOf(workspaceId),
  ]);
  if (source?.kind === "purchase") return { signedIn: true, plan: plan.key, interval: "once", paused };
  if (source?.kind !== "subscription") return { signedIn: true, plan: plan.key, interval: null, paused };
  const sub = await db.subscription.findUnique({ where: { id: source.id }, select: { productId: true } });
  const interval = sub ? (catalog.byProductId(sub.productId)?.price.interval ?? null) : null;
  return { signedIn: true, plan: plan.key, interval, paused };
}

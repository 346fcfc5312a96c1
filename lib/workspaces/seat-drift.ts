import { isCreemError, type CreemClient } from "@/lib/creem";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { PlanCatalog } from "@/lib/billing/plans";
import { isEnded } from "@/lib/billing/subscription-status";
import { recordActivity } from "./activity";

// The daily `workspace-seat-drift` job: CREEM's `units` of each running workspace subscription against the
// seats stored for it. A difference (a change made in CREEM's dashboard, a lost webhook) is reported; on a
// per-seat plan CREEM's number is stored (CREEM bills it, so it is the truth) and the correction is written
// to the workspace's activity log. A second run finds nothing to do.

export type SeatDriftResult = { checked: number; drifted: number; corrected: number; failed: number };

export async function correctSeatDrift(
  db: PrismaClient,
  creem: CreemClient,
  plans: PlanCatalog,
  log: (line: string) => void = () => {},
  /** Only these workspaces (an operator checking one account; tests on a shared database). Default: all. */
  workspaceIds?: readonly string[],
): Promise<SeatDriftResult> {
  const result: SeatDriftResult = { checked: 0, drifted: 0, corrected: 0, failed: 0 };
  const subscriptions = await db.subscription.findMany({
    where: { workspaceId: workspaceIds ? { in: [...workspaceIds] } : { not: null } },
    select: { id: true, workspaceId: true, productId: true, units: true, status: true },
    orderBy: { id: "asc" },
  });
  for (const sub of subscriptions) {
    if (isEnded(sub.status) || !sub.workspaceId) continue;
    result.checked++;
    let units: number | undefined;
    try {
      const remote = await creem.subscriptions.get(sub.id);
      const item = remote.items?.find((i) => i.productId === sub.productId) ?? remote.items?.[0];
      units = item?.units;
    } catch (error) {
      result.failed++;
      log(`${sub.id}: could not be read from CREEM (${isCreemError(error) ? error.code : String(error)})`);
      continue;
    }
    if (units === undefined || units === sub.units) continue;
    result.drifted++;
    const perSeat = plans.byProductId(sub.productId)?.plan.perSeat ?? false;
    if (!perSeat) {
      log(`${sub.id}: CREEM has ${units} units, stored ${sub.units} (not a per-seat plan: reported only)`);
      continue;
    }
    const workspaceId = sub.workspaceId;
    const from = sub.units;
    const changed = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Workspace" WHERE "id" = ${workspaceId} FOR UPDATE`;
      // Only if nothing stored a newer number meanwhile (a webhook or a seat change of the billing page).
      const { count } = await tx.subscription.updateMany({
        where: { id: sub.id, units: from },
        data: { units },
      });
      if (count === 0) return false;
      await recordActivity(tx, {
        workspaceId,
        actorId: null,
        action: "billing.seat_drift_corrected",
        details: { subscriptionId: sub.id, from, to: units },
      });
      return true;
    });
    if (changed) {
      result.corrected++;
      log(`${sub.id}: seats corrected from ${from} to CREEM's ${units}`);
    }
  }
  return result;
}

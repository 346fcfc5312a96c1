import { expect } from "vitest";
import type { PrismaClient } from "@/lib/prisma";
import { startCheckout } from "@/lib/billing/checkout/start";
import { createPlanCatalog, localProductIds } from "@/lib/billing/plans";
import { syncCheckout } from "@/lib/billing/webhooks/sync";
import type { CheckoutInput } from "@/lib/billing/checkout/input";
import type { TestCreem } from "../billing-actions/support";

// Buying for a workspace the way the app does: startCheckout (Checkout row with the workspace, metadata
// workspaceId), CREEM's hosted checkout paid through the local CREEM's control API, then the same apply step
// as the webhook (syncCheckout). Returns what was bought.

const catalog = createPlanCatalog(localProductIds());

export async function buyFor(
  creem: TestCreem,
  db: PrismaClient,
  buyer: { id: string; email: string },
  workspaceId: string,
  input: CheckoutInput,
) {
  const outcome = await startCheckout(
    { db, creem: creem.client, catalog, appUrl: "http://app.test", graceDays: 7 },
    { id: buyer.id, email: buyer.email, workspaceId },
    input,
  );
  expect(outcome.kind).toBe("checkout");
  if (outcome.kind !== "checkout") throw new Error(outcome.kind);
  const row = await db.checkout.findUniqueOrThrow({ where: { requestId: outcome.requestId } });
  expect(row.workspaceId).toBe(workspaceId);
  await creem.control("POST", `/checkouts/${row.creemCheckoutId}/complete`, {});
  const synced = await syncCheckout(db, creem.client, row.creemCheckoutId!);
  return { requestId: row.requestId, checkoutId: row.creemCheckoutId!, ...synced };
}

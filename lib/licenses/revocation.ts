import type { PrismaClient } from "@/lib/generated/prisma/client";
import { purchaseStanding, reversalRecordSelect } from "@/lib/billing/reversals";

// A license key is revoked when the purchase that paid for it was refunded in full or disputed, the same
// rule the billing page shows (lib/billing/reversals.ts decides; this only reads the rows). Checked by
// the license API before CREEM is asked, so a dispute (which CREEM does not turn into a revoked key)
// still stops the key, and a refund stops it even before CREEM disables it.

type Db = Pick<PrismaClient, "purchase" | "paymentReversal">;

export async function isLicenseRevoked(db: Db, orderId: string | null): Promise<boolean> {
  if (!orderId) return false;
  const purchase = await db.purchase.findUnique({
    where: { id: orderId },
    select: { id: true, transactionId: true, amount: true },
  });
  const transactionId = purchase?.transactionId;
  const reversals = await db.paymentReversal.findMany({
    where: { OR: [{ orderId }, ...(transactionId ? [{ transactionId }] : [])] },
    select: reversalRecordSelect,
  });
  if (reversals.length === 0) return false;
  const standing = purchaseStanding(purchase ?? { id: orderId }, reversals);
  return standing.disputed || standing.refunded === "full";
}

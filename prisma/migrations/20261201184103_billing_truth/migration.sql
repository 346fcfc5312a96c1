-- Refunds and disputes move from Purchase columns to PaymentReversal rows (created by `prisma migrate dev
-- --create-only`; the data move in the middle is added by hand). A purchase stored as refunded or disputed
-- keeps that effect: it gets a reversal row of its own (status "succeeded", the full amount), and its
-- status becomes CREEM's order status "paid" again.
-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "cancelIntent" TEXT,
ADD COLUMN     "cancelIntentAt" TIMESTAMP(3),
ADD COLUMN     "discount" JSONB,
ADD COLUMN     "startedAt" TIMESTAMP(3),
ADD COLUMN     "trialStartedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "customerId" TEXT,
ADD COLUMN     "orderId" TEXT,
ADD COLUMN     "subscriptionId" TEXT;

-- CreateTable
CREATE TABLE "PaymentReversal" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "amount" INTEGER,
    "currency" TEXT,
    "transactionId" TEXT,
    "transactionPaid" INTEGER,
    "periodStart" TIMESTAMP(3),
    "periodEnd" TIMESTAMP(3),
    "paidAt" TIMESTAMP(3),
    "orderId" TEXT,
    "subscriptionId" TEXT,
    "customerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentReversal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PaymentReversal_subscriptionId_idx" ON "PaymentReversal"("subscriptionId");

-- CreateIndex
CREATE INDEX "PaymentReversal_orderId_idx" ON "PaymentReversal"("orderId");

-- CreateIndex
CREATE INDEX "PaymentReversal_transactionId_idx" ON "PaymentReversal"("transactionId");

-- CreateIndex
CREATE INDEX "WebhookEvent_subscriptionId_idx" ON "WebhookEvent"("subscriptionId");

-- CreateIndex
CREATE INDEX "WebhookEvent_orderId_idx" ON "WebhookEvent"("orderId");

-- Data: every refund or dispute recorded on a purchase becomes a PaymentReversal row.
INSERT INTO "PaymentReversal" ("id", "kind", "status", "amount", "currency", "transactionId", "transactionPaid",
  "orderId", "customerId", "createdAt")
SELECT 'legacy_refund_' || "id", 'refund', 'succeeded', "amount", "currency", "transactionId", "amount",
  "id", "customerId", COALESCE("refundedAt", "updatedAt")
FROM "Purchase" WHERE "status" = 'refunded' OR "refundedAt" IS NOT NULL;

INSERT INTO "PaymentReversal" ("id", "kind", "status", "amount", "currency", "transactionId", "transactionPaid",
  "orderId", "customerId", "createdAt")
SELECT 'legacy_dispute_' || "id", 'dispute', 'open', "amount", "currency", "transactionId", "amount",
  "id", "customerId", COALESCE("disputedAt", "updatedAt")
FROM "Purchase" WHERE "status" = 'disputed' OR "disputedAt" IS NOT NULL;

UPDATE "Purchase" SET "status" = 'paid' WHERE "status" IN ('refunded', 'disputed');

-- AlterTable
ALTER TABLE "Purchase" DROP COLUMN "disputedAt",
DROP COLUMN "refundedAt";

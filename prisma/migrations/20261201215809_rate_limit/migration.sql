-- CreateTable
CREATE TABLE "RateLimit" (
    "rule" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "hits" TIMESTAMP(3)[],
    "allowed" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("rule","key")
);

-- CreateIndex
CREATE INDEX "RateLimit_updatedAt_idx" ON "RateLimit"("updatedAt");

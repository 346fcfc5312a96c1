-- CreateTable
CREATE TABLE "LicenseInstance" (
    "id" TEXT NOT NULL,
    "licenseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "activatedAt" TIMESTAMP(3) NOT NULL,
    "lastValidatedAt" TIMESTAMP(3),
    "deactivatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LicenseInstance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LicenseInstance_licenseId_activatedAt_idx" ON "LicenseInstance"("licenseId", "activatedAt");

-- AddForeignKey
ALTER TABLE "LicenseInstance" ADD CONSTRAINT "LicenseInstance_licenseId_fkey" FOREIGN KEY ("licenseId") REFERENCES "LicenseKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

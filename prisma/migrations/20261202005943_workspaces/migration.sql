-- AlterTable
ALTER TABLE "Checkout" ADD COLUMN     "workspaceId" TEXT;

-- AlterTable
ALTER TABLE "LicenseKey" ADD COLUMN     "workspaceId" TEXT;

-- AlterTable
ALTER TABLE "Purchase" ADD COLUMN     "workspaceId" TEXT;

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "workspaceId" TEXT;

-- CreateTable
CREATE TABLE "Workspace" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "personalOwnerId" TEXT,
    "creemCustomerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("workspaceId","userId")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "acceptedById" TEXT,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityLog" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActivityLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_personalOwnerId_key" ON "Workspace"("personalOwnerId");

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_creemCustomerId_key" ON "Workspace"("creemCustomerId");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_workspaceId_email_idx" ON "Invitation"("workspaceId", "email");

-- CreateIndex
CREATE INDEX "ActivityLog_workspaceId_createdAt_idx" ON "ActivityLog"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "Checkout_workspaceId_idx" ON "Checkout"("workspaceId");

-- CreateIndex
CREATE INDEX "LicenseKey_workspaceId_idx" ON "LicenseKey"("workspaceId");

-- CreateIndex
CREATE INDEX "Purchase_workspaceId_idx" ON "Purchase"("workspaceId");

-- CreateIndex
CREATE INDEX "Subscription_workspaceId_idx" ON "Subscription"("workspaceId");

-- AddForeignKey
ALTER TABLE "Workspace" ADD CONSTRAINT "Workspace_personalOwnerId_fkey" FOREIGN KEY ("personalOwnerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityLog" ADD CONSTRAINT "ActivityLog_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityLog" ADD CONSTRAINT "ActivityLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Checkout" ADD CONSTRAINT "Checkout_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Purchase" ADD CONSTRAINT "Purchase_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenseKey" ADD CONSTRAINT "LicenseKey_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ── Data: every existing user gets a personal workspace, owning what the user owned ──────────────
-- Written by hand after `prisma migrate dev --create-only` (Prisma cannot express data moves or triggers).
-- Nothing is dropped: users keep their columns, billing rows keep userId (who bought it); workspaceId is
-- added beside it. Tested on a database filled with the previous schema (tests/integration/migrations/).

INSERT INTO "Workspace" ("id", "name", "personalOwnerId", "creemCustomerId", "createdAt", "updatedAt")
SELECT 'wsp_' || replace(gen_random_uuid()::text, '-', ''), 'Personal', u."id", u."creemCustomerId", u."createdAt", now()
FROM "User" u;

INSERT INTO "Membership" ("workspaceId", "userId", "role", "createdAt")
SELECT w."id", w."personalOwnerId", 'owner', w."createdAt"
FROM "Workspace" w;

UPDATE "Checkout" t SET "workspaceId" = w."id" FROM "Workspace" w WHERE w."personalOwnerId" = t."userId";
UPDATE "Subscription" t SET "workspaceId" = w."id" FROM "Workspace" w WHERE w."personalOwnerId" = t."userId";
UPDATE "Purchase" t SET "workspaceId" = w."id" FROM "Workspace" w WHERE w."personalOwnerId" = t."userId";
UPDATE "LicenseKey" t SET "workspaceId" = w."id" FROM "Workspace" w WHERE w."personalOwnerId" = t."userId";

-- ── Roles are one of three (lib/workspaces/roles.ts) ──────────────────────────────────────────
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_role_check" CHECK ("role" IN ('owner', 'admin', 'member'));
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_role_check" CHECK ("role" IN ('admin', 'member'));

-- ── Every new user gets a personal workspace, whatever creates the user ──────────────────────
-- In the database, so Auth.js's adapter, the seed, scripts and tests all keep the invariant
-- "every user has exactly one personal workspace, and owns it".
CREATE FUNCTION user_personal_workspace() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  workspace_id text := 'wsp_' || replace(gen_random_uuid()::text, '-', '');
BEGIN
  INSERT INTO "Workspace" ("id", "name", "personalOwnerId", "updatedAt") VALUES (workspace_id, 'Personal', NEW."id", now());
  INSERT INTO "Membership" ("workspaceId", "userId", "role") VALUES (workspace_id, NEW."id", 'owner');
  RETURN NEW;
END
$$;

CREATE TRIGGER user_personal_workspace AFTER INSERT ON "User"
FOR EACH ROW EXECUTE FUNCTION user_personal_workspace();

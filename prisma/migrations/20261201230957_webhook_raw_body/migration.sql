-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "rawBody" BYTEA,
ALTER COLUMN "payload" DROP NOT NULL;

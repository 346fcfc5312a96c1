import type { PrismaClient } from "@/lib/generated/prisma/client";

// At most CHECKOUTS_PER_MINUTE checkouts per user, counted from the Checkout table so the limit holds
// across every app instance. The user's row is locked while counting, so parallel requests cannot all
// slip under the limit at once.

export const CHECKOUTS_PER_MINUTE = 10;
const WINDOW_MS = 60_000;

export const RATE_LIMIT_MESSAGE =
  "You have started too many checkouts in the last minute. Please wait a minute and try again.";

type NewCheckout = {
  requestId: string;
  userId: string;
  productId: string;
  units: number;
  discountCode: string | null;
  now: Date;
};

export async function reserveCheckout(
  db: PrismaClient,
  checkout: NewCheckout,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const { now, ...data } = checkout;
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${data.userId} FOR UPDATE`;
    const recent = await tx.checkout.count({
      where: { userId: data.userId, createdAt: { gt: new Date(now.getTime() - WINDOW_MS) } },
    });
    if (recent >= CHECKOUTS_PER_MINUTE) return { ok: false as const, message: RATE_LIMIT_MESSAGE };
    await tx.checkout.create({ data: { ...data, createdAt: now } });
    return { ok: true as const };
  });
}

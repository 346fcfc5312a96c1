import { randomUUID } from "node:crypto";
import { createPlanCatalog, localProductIds } from "@/lib/billing/plans";
import type { PrismaClient } from "@/lib/prisma";
import { PRODUCT_IDS } from "../../../creem-emulator/src/index";

// Shared by the checkout tests: the plan catalog with the local CREEM's product ids, users, form data.

export const catalog = createPlanCatalog(localProductIds());
export { PRODUCT_IDS };

export const APP_URL = "http://app.test";

export function newUser(db: PrismaClient) {
  return db.user.create({ data: { email: `buyer-${randomUUID()}@example.com` } });
}

export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** The URL a server action redirected to (Next implements redirect() by throwing), or a failure. */
export async function redirectOf(promise: Promise<unknown>): Promise<string> {
  const outcome: unknown = await promise.then(
    (value) => ({ returned: value }),
    (error: unknown) => error,
  );
  const digest = (outcome as { digest?: unknown }).digest;
  if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT;")) {
    throw new Error(`expected a redirect, got ${JSON.stringify(outcome)}`);
  }
  // "NEXT_REDIRECT;<replace|push>;<url>;<status>;"
  return digest.split(";").slice(2, -2).join(";");
}

/** A subscription as the webhooks would have stored it. */
export function storeSubscription(
  db: PrismaClient,
  userId: string,
  fields: { productId?: string; status?: string; periodEnd?: Date } = {},
) {
  return db.subscription.create({
    data: {
      id: `sub_${randomUUID().replace(/-/g, "")}`,
      userId,
      customerId: `cust_${randomUUID().replace(/-/g, "")}`,
      productId: fields.productId ?? PRODUCT_IDS.proMonthly,
      status: fields.status ?? "active",
      currentPeriodEnd: fields.periodEnd ?? new Date(Date.now() + 30 * 86_400_000),
      stateAt: new Date(),
      stateSource: "test",
    },
  });
}

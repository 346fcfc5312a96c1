import { randomUUID } from "node:crypto";
import { PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { syncCheckout } from "@/lib/billing/webhooks/sync";
import type { PrismaClient } from "@/lib/prisma";
import { newUser, type TestCreem } from "../billing-actions/support";

// The public license API's route handlers, called the way a desktop app calls them, against the local
// CREEM started by setUpBillingActions (which points the app's environment at it).

export type Routes = {
  activate: typeof import("@/app/api/v1/licenses/activate/route");
  validate: typeof import("@/app/api/v1/licenses/validate/route");
  deactivate: typeof import("@/app/api/v1/licenses/deactivate/route");
  keys: typeof import("@/app/.well-known/license-keys.json/route");
};

export async function loadRoutes(): Promise<Routes> {
  return {
    activate: await import("@/app/api/v1/licenses/activate/route"),
    validate: await import("@/app/api/v1/licenses/validate/route"),
    deactivate: await import("@/app/api/v1/licenses/deactivate/route"),
    keys: await import("@/app/.well-known/license-keys.json/route"),
  };
}

export const APP = "http://localhost:3000";

export function licenseRequest(action: string, body: unknown, headers: Record<string, string> = {}) {
  return new Request(`${APP}/api/v1/licenses/${action}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** A fetch that serves the app's license routes in-process (what examples/license-client talks to). */
export function appFetch(routes: Routes): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const { pathname } = new URL(request.url);
    if (pathname === "/.well-known/license-keys.json") return routes.keys.GET();
    const action = /^\/api\/v1\/licenses\/(activate|validate|deactivate)$/.exec(pathname)?.[1];
    if (!action) return new Response("not found", { status: 404 });
    return routes[action as "activate" | "validate" | "deactivate"].POST(request);
  };
}

/** A user who bought Lifetime at the local CREEM, stored as the app stores it; with the key row. */
export async function lifetimeBuyer(db: PrismaClient, creem: TestCreem) {
  const user = await newUser(db, "lic");
  const checkout = await creem.client.checkouts.create({
    productId: PRODUCT_IDS.lifetime,
    customer: { email: user.email },
  });
  await creem.control("POST", `/checkouts/${checkout.id}/complete`, { email: user.email });
  await syncCheckout(db, creem.client, checkout.id);
  const license = await db.licenseKey.findFirstOrThrow({ where: { userId: user.id } });
  return { user, license, checkoutId: checkout.id };
}

export const unknownKey = () => randomUUID().toUpperCase().slice(0, 29);

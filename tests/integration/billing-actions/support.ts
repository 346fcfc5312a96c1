import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, vi } from "vitest";
import { getCurrentUser, requireUser } from "@/lib/auth";
import { syncCheckout } from "@/lib/billing/webhooks/sync";
import { createCreemClient, type CreemClient } from "@/lib/creem";
import type { PrismaClient } from "@/lib/prisma";
import { startEmulator, type RunningEmulator } from "../../../creem-emulator/src/index";
import { actInWorkspace } from "../support/workspaces";

// The billing server actions against a local CREEM on a free port. The actions read CREEM_* through
// `@/lib/env`, so the environment is set here before a test file imports them (dynamically).

export const API_KEY = "creem_test_billing_actions_key";
export const WEBHOOK_SECRET = "whsec_billing_actions_secret";

export type TestCreem = {
  emulator: RunningEmulator;
  client: CreemClient;
  /** Every API request the emulator received, as "METHOD /path?query -> status (ms)". */
  requests: string[];
  /** API requests received since `mark` was taken. */
  since: (mark: number) => string[];
  control: <T>(method: string, path: string, body?: unknown) => Promise<T>;
};

type Actions = typeof import("@/app/dashboard/billing/actions");
type Portal = typeof import("@/app/dashboard/billing/portal/route");
export type Harness = { creem: TestCreem; actions: Actions; portal: Portal };

/**
 * For a test file that mocks `@/lib/auth`: starts the local CREEM, points the app's environment at it,
 * then imports the actions. Everything is stopped after the file.
 */
export function setUpBillingActions(): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.creem = await startCreem();
    harness.actions = await import("@/app/dashboard/billing/actions");
    harness.portal = await import("@/app/dashboard/billing/portal/route");
  });
  afterAll(async () => {
    await harness.creem?.emulator.close();
    const { db } = await import("@/lib/db");
    await db.$disconnect();
  });
  return harness;
}

/**
 * Makes `user` the signed-in user (or nobody) for the actions, acting in `workspaceId` (default: their
 * personal workspace); needs `vi.mock("@/lib/auth")` and the "next/headers" mock of support/workspaces.
 */
export function signInAs(user: { id: string; email: string } | null, workspaceId?: string) {
  actInWorkspace(workspaceId);
  const current = user ? { id: user.id, email: user.email, name: null, image: null } : null;
  vi.mocked(getCurrentUser).mockResolvedValue(current);
  // Route handlers call requireUser(), which redirects to sign-in when nobody is signed in.
  if (current) vi.mocked(requireUser).mockResolvedValue(current);
  else vi.mocked(requireUser).mockRejectedValue(new Error("NEXT_REDIRECT: /signin"));
}

async function startCreem(): Promise<TestCreem> {
  const requests: string[] = [];
  const emulator = await startEmulator({
    port: 0,
    apiKey: API_KEY,
    webhookSecret: WEBHOOK_SECRET,
    log: (line) => {
      if (/^[A-Z]+ \/v1\//.test(line)) requests.push(line);
    },
  });
  process.env.CREEM_API_KEY = API_KEY;
  process.env.CREEM_WEBHOOK_SECRET = WEBHOOK_SECRET;
  process.env.CREEM_API_BASE_URL = emulator.url;
  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${emulator.url}/__emulator${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`control ${method} ${path} -> ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    emulator,
    client: createCreemClient({ apiKey: API_KEY, baseUrl: emulator.url, maxRetries: 0 }),
    requests,
    since: (mark) => requests.slice(mark),
    control,
  };
}

export const uid = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 12)}`;

export async function newUser(db: PrismaClient, label = "user") {
  return db.user.create({ data: { email: `${uid(label)}@example.com`, emailVerified: new Date() } });
}

/**
 * Buys `productId` as `email` through the emulator (checkout, then the control API pays it) and stores the
 * result the way the app does (the same apply step as the webhook). Returns the CREEM subscription id.
 */
export async function subscribe(
  creem: TestCreem,
  db: PrismaClient,
  email: string,
  productId: string,
  units = 1,
): Promise<string> {
  const checkout = await creem.client.checkouts.create({ productId, units, customer: { email } });
  await creem.control("POST", `/checkouts/${checkout.id}/complete`, { email });
  const synced = await syncCheckout(db, creem.client, checkout.id);
  if (!synced.subscriptionId) throw new Error(`checkout ${checkout.id} created no subscription`);
  return synced.subscriptionId;
}

export function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}

/** The subscription as CREEM has it (not as the app stored it). */
export async function remoteStatus(creem: TestCreem, subscriptionId: string) {
  const sub = await creem.client.subscriptions.get(subscriptionId);
  return { status: sub.status, units: sub.items?.[0]?.units, productId: sub.items?.[0]?.productId };
}

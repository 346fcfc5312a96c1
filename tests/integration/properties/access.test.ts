import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { loadBillingState } from "@/lib/billing/account/state";
import { entitlementsFrom } from "@/lib/billing/access";
import { catalog } from "@/lib/billing/catalog";
import type { Entitlements } from "@/lib/billing/entitlements";
import { env } from "@/lib/env";
import { PRODUCTS } from "../../support/creem-payloads";
import { testDb } from "../support/db";
import { personalWorkspaceId } from "../support/workspaces";
import { uid } from "../webhooks/support";
import {
  buildHistory,
  choicesArb,
  modelAccess,
  propertyParams,
  type History,
  type ModelAccess,
} from "./model";
import {
  deliveriesOf,
  describeDelivery,
  idsFor,
  perform,
  receivedAfter,
  storedState,
  type Delivery,
} from "./wire";

// Issue #8 H: random CREEM billing histories (subscription lifecycles, a one-time purchase, full/partial/
// failed/pending refunds, disputes, duplicates, syncs) delivered in random orders through the real inbox,
// apply step and access read (loadBillingState + the app's entitlements), checked after every delivery
// against the reference model in model.ts. PROPERTY_RUNS / PROPERTY_SEED / PROPERTY_PATH: see model.ts;
// `npm run test:properties` runs thousands.

// lib/billing/access.ts imports the session helpers (next-auth); nothing here signs anyone in.
vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), requireUser: vi.fn() }));
vi.mock("next/headers", async () => (await import("../support/workspaces")).nextHeadersMock());

const db = testDb();
const GRACE = env.BILLING_GRACE_DAYS;
const CI_RUNS = 20;
/** Long runs (`npm run test:properties`) get time in proportion to their cases. */
const timeout = (ciRuns: number) => 60_000 + Number(process.env.PROPERTY_RUNS ?? ciRuns) * 3_000;

type Observed = {
  subscription?: boolean;
  purchase?: boolean;
  disputed: boolean;
  rank: number;
  features: string[];
};

function observed(e: Entitlements, ids: ReturnType<typeof idsFor>): Observed {
  return {
    subscription: e.decisions.get(ids.subscriptionId)?.granted,
    purchase: e.decisions.get(ids.purchaseId)?.granted,
    disputed: e.disputed,
    rank: e.plan.rank,
    features: [...e.features].sort(),
  };
}

function expected(m: ModelAccess): Observed {
  const plans = [catalog.free];
  if (m.subscription?.granted) {
    const product = m.subscription.product === "team" ? PRODUCTS.teamMonthly : PRODUCTS.proMonthly;
    plans.push(catalog.byProductId(product)!.plan);
  }
  if (m.purchase?.granted) plans.push(catalog.byProductId(PRODUCTS.lifetime)!.plan);
  return {
    subscription: m.subscription?.granted,
    purchase: m.purchase?.granted,
    disputed: m.disputed,
    rank: Math.max(...plans.map((p) => p.rank)),
    features: [...new Set(plans.flatMap((p) => [...p.features]))].sort(),
  };
}

/** What the user's personal workspace (where these purchases, bought without a workspace hint, go) may use. */
async function access(userId: string, h: History, ids: ReturnType<typeof idsFor>) {
  const workspaceId = await personalWorkspaceId(db, userId);
  return observed(entitlementsFrom(await loadBillingState(db, workspaceId), new Date(h.now)), ids);
}

/** Delivers `order`; with `everyStep`, checks access against the model after each delivery. */
async function run(h: History, order: readonly Delivery[], everyStep: boolean) {
  const ids = idsFor(uid("p").slice(2));
  const user = await db.user.create({ data: { email: `${ids.tag}@example.com` } });
  for (let i = 0; i < order.length; i++) {
    const d = order[i]!;
    const result = await perform(db, h, ids, user, d);
    expect(result.status, describeDelivery(d)).toBe(200);
    if (everyStep || i === order.length - 1) {
      const got = receivedAfter(order.slice(0, i + 1));
      const seen = order
        .slice(0, i + 1)
        .map(describeDelivery)
        .join(", ");
      expect(await access(user.id, h, ids), `after: ${seen}`).toEqual(expected(modelAccess(h, got, GRACE)));
    }
  }
  return { ids, user };
}

const historyAndOrders = choicesArb.chain((choices) => {
  const h = buildHistory(choices);
  const all = deliveriesOf(h);
  const n = all.length;
  const order = fc.shuffledSubarray(all, { minLength: n, maxLength: n });
  return fc.tuple(fc.constant(h), order, order);
});

describe("billing histories through the real pipeline", () => {
  it(
    "access equals the model after every delivery, and any two orders store the same state",
    async () => {
      await fc.assert(
        fc.asyncProperty(historyAndOrders, async ([h, orderA, orderB]) => {
          const a = await run(h, orderA, true);
          const b = await run(h, orderB, false);
          expect(await storedState(db, b.ids)).toEqual(await storedState(db, a.ids));
          // Every row the history created belongs to the user (linked by metadata or email), in their
          // personal workspace.
          if (h.subscription.length > 0) {
            const sub = await db.subscription.findUniqueOrThrow({ where: { id: a.ids.subscriptionId } });
            expect(sub.userId).toBe(a.user.id);
            expect(sub.workspaceId).toBe(await personalWorkspaceId(db, a.user.id));
          }
        }),
        propertyParams(CI_RUNS),
      );
    },
    timeout(CI_RUNS),
  );

  it(
    "nothing is granted to an account that only ever received refunds, disputes or non-paying states",
    async () => {
      await fc.assert(
        fc.asyncProperty(historyAndOrders, async ([h, order]) => {
          // Keep what backs no payment: reversals, and subscription steps that never grant (paused, unpaid,
          // an immediate cancel), delivered without the checkout or any paid/active step.
          const unpaid = order.filter(
            (d) =>
              d.kind === "reversal" ||
              ((d.kind === "step" || d.kind === "sync") &&
                ["paused", "unpaid"].includes(h.subscription[d.step]!.status)),
          );
          if (unpaid.length === 0) return;
          const { user, ids } = await run(h, unpaid, true);
          const seen = await access(user.id, h, ids);
          expect(seen.subscription === true || seen.purchase === true).toBe(false);
          expect(seen.rank).toBe(catalog.free.rank);
        }),
        propertyParams(CI_RUNS / 2),
      );
    },
    timeout(CI_RUNS / 2),
  );
});

import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionState } from "@/lib/actions";
import { PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { testDb } from "../support/db";
import {
  form,
  newUser,
  remoteStatus,
  signInAs,
  subscribe,
  setUpBillingActions,
  type Harness,
} from "./support";

vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), requireUser: vi.fn() }));
vi.mock("next/headers", async () => (await import("../support/workspaces")).nextHeadersMock());

const db = testDb();
const h = setUpBillingActions();
const NOT_YOURS = "We could not find that subscription in this workspace.";

type Case = [name: string, run: (h: Harness, subscriptionId: string) => Promise<ActionState>];
const everyAction: Case[] = [
  [
    "change seats",
    (h, id) => h.actions.changeSeatsAction({}, form({ subscriptionId: id, seats: 5, proration: "now" })),
  ],
  [
    "change plan",
    (h, id) =>
      h.actions.changePlanAction({}, form({ subscriptionId: id, productId: PRODUCT_IDS.teamYearly })),
  ],
  [
    "cancel at period end",
    (h, id) => h.actions.cancelSubscriptionAction({}, form({ subscriptionId: id, when: "period_end" })),
  ],
  [
    "cancel now",
    (h, id) => h.actions.cancelSubscriptionAction({}, form({ subscriptionId: id, when: "now" })),
  ],
  ["pause", (h, id) => h.actions.pauseSubscriptionAction({}, form({ subscriptionId: id }))],
  ["resume", (h, id) => h.actions.resumeSubscriptionAction({}, form({ subscriptionId: id }))],
];

describe("a subscription that is not the signed-in user's", () => {
  let owner: { id: string; email: string };
  let intruder: { id: string; email: string };
  let ownersSubscription: string;

  beforeAll(async () => {
    owner = await newUser(db, "owner");
    intruder = await newUser(db, "intruder");
    ownersSubscription = await subscribe(h.creem, db, owner.email, PRODUCT_IDS.teamMonthly, 3);
    // The intruder is a paying customer too: owning a subscription must not open anyone else's.
    await subscribe(h.creem, db, intruder.email, PRODUCT_IDS.teamMonthly, 2);
  });

  it.each(everyAction)("%s: refused, nothing sent to CREEM, nothing changed", async (_name, run) => {
    signInAs(intruder);
    const mark = h.creem.requests.length;

    expect(await run(h, ownersSubscription)).toEqual({ error: NOT_YOURS });

    expect(h.creem.since(mark)).toEqual([]);
    expect(await remoteStatus(h.creem, ownersSubscription)).toEqual({
      status: "active",
      units: 3,
      productId: PRODUCT_IDS.teamMonthly,
    });
    const stored = await db.subscription.findUniqueOrThrow({ where: { id: ownersSubscription } });
    expect(stored).toMatchObject({ userId: owner.id, status: "active", units: 3 });
  });

  it.each(everyAction)("%s: an unknown id gets the same answer", async (_name, run) => {
    signInAs(intruder);
    const mark = h.creem.requests.length;
    expect(await run(h, "sub_does_not_exist")).toEqual({ error: NOT_YOURS });
    expect(h.creem.since(mark)).toEqual([]);
  });

  it.each(everyAction)("%s: a signed-out visitor is asked to sign in", async (_name, run) => {
    signInAs(null);
    const mark = h.creem.requests.length;
    expect(await run(h, ownersSubscription)).toEqual({
      error: "Your session has ended. Please sign in again.",
    });
    expect(h.creem.since(mark)).toEqual([]);
  });
});

describe("manage billing (customer portal)", () => {
  it("opens the portal of the current workspace's own CREEM customer (the route takes no input)", async () => {
    const owner = await newUser(db, "portal-owner");
    const other = await newUser(db, "portal-other");
    await subscribe(h.creem, db, owner.email, PRODUCT_IDS.proMonthly);
    await subscribe(h.creem, db, other.email, PRODUCT_IDS.proMonthly);
    const personal = (userId: string) =>
      db.workspace.findUniqueOrThrow({ where: { personalOwnerId: userId } });
    const { creemCustomerId: ownCustomer } = await personal(owner.id);
    const { creemCustomerId: otherCustomer } = await personal(other.id);
    expect(ownCustomer).toMatch(/^cust_/);
    signInAs(owner);

    // The route takes no input at all: the customer is always the current workspace's own.
    const response = await h.portal.GET();

    expect(response.status).toBe(303);
    const url = response.headers.get("location") ?? "";
    expect(url).toMatch(new RegExp(`^${h.creem.emulator.url}/my-orders/login/`));
    expect(ownCustomer).not.toBe(otherCustomer);
    const token = decodeURIComponent(url.split("/").pop() ?? "");
    expect(h.creem.emulator.store.state.portal_tokens[token]).toBe(ownCustomer);
  });

  it("sends a user without a CREEM customer back to the billing page, which says why, and asks CREEM nothing", async () => {
    const newcomer = await newUser(db, "no-customer");
    signInAs(newcomer);
    const mark = h.creem.requests.length;
    const response = await h.portal.GET();
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/dashboard/billing?portal=no_account");
    expect(h.creem.since(mark)).toEqual([]);
  });
});

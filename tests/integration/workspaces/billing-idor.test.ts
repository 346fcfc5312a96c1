import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionState } from "@/lib/actions";
import { PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { testDb } from "../support/db";
import { personalWorkspaceId, teamWorkspace } from "../support/workspaces";
import { form, newUser, setUpBillingActions, signInAs, type Harness } from "../billing-actions/support";
import { buyFor } from "./support";

// The IDOR matrix for billing (issue #11): every billing action, route and page of a team workspace, tried
// by (a) someone of ANOTHER workspace whose workspace cookie names this one, with this workspace's ids, and
// (b) a `member` of this workspace. Each is refused (or answers about the caller's own workspace only),
// nothing is written and nothing is asked of CREEM. The owner's own calls are the control: they work.

vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), requireUser: vi.fn() }));
vi.mock("next/headers", async () => (await import("../support/workspaces")).nextHeadersMock());

const db = testDb();
const h = setUpBillingActions();
const NOT_YOURS = "We could not find that subscription in this workspace.";
const MANAGERS_ONLY = "Only an owner or admin of this workspace can do that.";

type Person = { id: string; email: string };
let owner: Person;
let member: Person;
let outsider: Person;
let team: string;
let teamSubscription: string;
let pricing: typeof import("@/app/pricing/actions");
let routes: {
  status: typeof import("@/app/api/billing/status/route");
  plan: typeof import("@/app/api/billing/plan/route");
  reports: typeof import("@/app/api/reports/export/route");
};

beforeAll(async () => {
  pricing = await import("@/app/pricing/actions");
  routes = {
    status: await import("@/app/api/billing/status/route"),
    plan: await import("@/app/api/billing/plan/route"),
    reports: await import("@/app/api/reports/export/route"),
  };
  owner = await newUser(db, "idor-owner");
  member = await newUser(db, "idor-member");
  outsider = await newUser(db, "idor-outsider");
  team = await teamWorkspace(
    db,
    [
      { userId: owner.id, role: "owner" },
      { userId: member.id, role: "member" },
    ],
    "Acme",
  );
  const bought = await buyFor(h.creem, db, owner, team, { plan: "team", interval: "month", seats: 3 });
  teamSubscription = bought.subscriptionId!;
  // The outsider pays for their own workspace too: having billing must not open anyone else's.
  await buyFor(h.creem, db, outsider, await personalWorkspaceId(db, outsider.id), {
    plan: "pro",
    interval: "month",
    seats: 1,
  });
});

type Action = [name: string, run: (h: Harness, subscriptionId: string) => Promise<ActionState>];
const subscriptionActions: Action[] = [
  ["change seats", (h, id) => h.actions.changeSeatsAction({}, form({ subscriptionId: id, seats: 5 }))],
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

/** What must not change when a call is refused: the team's subscription, checkouts and activity log. */
async function teamSnapshot() {
  const [sub, checkouts, activity] = await Promise.all([
    db.subscription.findUniqueOrThrow({ where: { id: teamSubscription } }),
    db.checkout.count({ where: { workspaceId: team } }),
    db.activityLog.count({ where: { workspaceId: team } }),
  ]);
  return {
    status: sub.status,
    units: sub.units,
    productId: sub.productId,
    stateAt: sub.stateAt,
    checkouts,
    activity,
  };
}

const callers = [
  ["someone of another workspace naming this one", () => signInAs(outsider, team), NOT_YOURS],
  ["a member of this workspace", () => signInAs(member, team), MANAGERS_ONLY],
] as const;

describe.each(callers)("billing of a team workspace, tried by %s", (_who, actAs, refusal) => {
  it.each(subscriptionActions)("%s: refused, nothing written, nothing sent to CREEM", async (_name, run) => {
    const before = await teamSnapshot();
    actAs();
    const mark = h.creem.requests.length;
    expect(await run(h, teamSubscription)).toEqual({ error: refusal });
    expect(h.creem.since(mark)).toEqual([]);
    expect(await teamSnapshot()).toEqual(before);
  });

  it("checkout: never starts one for this workspace", async () => {
    const before = await teamSnapshot();
    actAs();
    const mark = h.creem.requests.length;
    const outcome = await pricing
      .startCheckoutAction({}, form({ plan: "starter", interval: "month", seats: 1 }))
      .catch((error: unknown) => ({ thrown: error }));
    expect(await teamSnapshot()).toEqual(before);
    if (refusal === MANAGERS_ONLY) {
      expect(outcome).toEqual({ error: MANAGERS_ONLY });
      expect(h.creem.since(mark)).toEqual([]);
    } else {
      // The outsider's cookie does not count: the checkout (if any) is for their own workspace.
      const own = await personalWorkspaceId(db, outsider.id);
      const theirs = await db.checkout.findMany({ where: { userId: outsider.id } });
      expect(theirs.every((c) => c.workspaceId === own)).toBe(true);
    }
  });

  it("portal: never a link to this workspace's CREEM customer", async () => {
    actAs();
    const mark = h.creem.requests.length;
    const response = await h.portal.GET();
    expect(response.status).toBe(303);
    const location = response.headers.get("location") ?? "";
    const teamCustomer = (await db.workspace.findUniqueOrThrow({ where: { id: team } })).creemCustomerId;
    if (refusal === MANAGERS_ONLY) {
      expect(location).toBe("/dashboard/billing?portal=forbidden");
      expect(h.creem.since(mark)).toEqual([]);
    } else {
      const token = decodeURIComponent(location.split("/").pop() ?? "");
      const portalCustomer = h.creem.emulator.store.state.portal_tokens[token];
      expect(portalCustomer).toBeDefined();
      expect(portalCustomer).not.toBe(teamCustomer);
    }
  });

  it("status API: none of this workspace's subscriptions", async () => {
    actAs();
    const response = await routes.status.GET();
    if (refusal === MANAGERS_ONLY) {
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: "forbidden" });
    } else {
      const body = (await response.json()) as { subscriptions: Array<{ id: string }> };
      expect(body.subscriptions.map((s) => s.id)).not.toContain(teamSubscription);
    }
  });

  it("plan API and reports export: the member uses the team's plan, the outsider only their own", async () => {
    actAs();
    const plan = (await (await routes.plan.GET()).json()) as { plan: string; canBuy: boolean };
    const report = await routes.reports.GET();
    if (refusal === MANAGERS_ONLY) {
      // Members use the product (`product.use`) but may not buy or change it.
      expect(plan).toMatchObject({
        plan: "team",
        canBuy: false,
        workspace: { name: "Acme", personal: false },
      });
      expect(report.status).toBe(200);
      expect(await report.text()).toContain("Team");
    } else {
      expect(plan).toMatchObject({ plan: "pro", canBuy: true, workspace: { personal: true } });
      expect(report.status).toBe(200);
      expect(await report.text()).not.toContain("Team");
    }
  });

  it("billing page: the member is asked to see an owner; the outsider sees only their own workspace", async () => {
    actAs();
    const mark = h.creem.requests.length;
    const { default: BillingPage } = await import("@/app/dashboard/billing/page");
    const page = JSON.stringify(await BillingPage({ searchParams: Promise.resolve({}) }));
    if (refusal === MANAGERS_ONLY) {
      expect(page).toContain("Ask an owner or admin");
      expect(page).not.toContain(teamSubscription);
      expect(h.creem.since(mark)).toEqual([]);
    } else {
      expect(page).not.toContain("Acme");
      expect(page).not.toContain(teamSubscription);
    }
  });
});

describe("the owner of the team workspace (the control)", () => {
  it("changes seats, and the change is in the workspace's activity log", async () => {
    signInAs(owner, team);
    const result = await subscriptionActions[0]![1](h, teamSubscription);
    expect(result).toEqual({ success: "Your Team plan now has 5 seats." });
    const entry = await db.activityLog.findFirstOrThrow({
      where: { workspaceId: team, action: "billing.seats_changed" },
    });
    expect(entry).toMatchObject({
      actorId: owner.id,
      details: { subscriptionId: teamSubscription, from: 3, to: 5 },
    });
  });

  it("the purchase went to the team by its checkout: metadata names the workspace, rows and customer follow", async () => {
    const sub = await db.subscription.findUniqueOrThrow({ where: { id: teamSubscription } });
    expect(sub).toMatchObject({ workspaceId: team, userId: owner.id });
    const remote = await h.creem.client.subscriptions.get(teamSubscription);
    const checkoutRow = await db.checkout.findFirstOrThrow({ where: { workspaceId: team } });
    const checkout = await h.creem.client.checkouts.get(checkoutRow.creemCheckoutId!);
    expect(checkout.metadata).toMatchObject({ workspaceId: team, userId: owner.id });
    const workspace = await db.workspace.findUniqueOrThrow({ where: { id: team } });
    expect(workspace.creemCustomerId).toBe(
      typeof remote.customer === "string" ? remote.customer : remote.customer?.id,
    );
    // The owner's personal workspace got none of it.
    const personal = await personalWorkspaceId(db, owner.id);
    expect(await db.subscription.count({ where: { workspaceId: personal } })).toBe(0);
  });
});

import { beforeAll, describe, expect, it, vi } from "vitest";
import { testDb } from "../support/db";
import { personalWorkspaceId, teamWorkspace } from "../support/workspaces";
import { newUser, setUpBillingActions, signInAs } from "../billing-actions/support";
import { buyFor } from "./support";

// One CREEM customer per workspace (issue #11). CREEM keeps one customer per email, so a person paying for
// their personal workspace and for a team with the same email is one CREEM customer. Neither workspace may
// then see the other's portal or history: the portal is refused to both (with the reason), the history of
// each lists only its own payments, and the next checkout of a workspace with its own customer pays as it.

vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), requireUser: vi.fn() }));
vi.mock("next/headers", async () => (await import("../support/workspaces")).nextHeadersMock());

const db = testDb();
const h = setUpBillingActions();

let person: { id: string; email: string };
let personal: string;
let team: string;
let personalSub: string;
let teamSub: string;

beforeAll(async () => {
  person = await newUser(db, "same-email");
  personal = await personalWorkspaceId(db, person.id);
  team = await teamWorkspace(db, [{ userId: person.id, role: "owner" }], "Same Email Team");
  personalSub = (await buyFor(h.creem, db, person, personal, { plan: "pro", interval: "month", seats: 1 }))
    .subscriptionId!;
  teamSub = (await buyFor(h.creem, db, person, team, { plan: "team", interval: "month", seats: 2 }))
    .subscriptionId!;
});

describe("the same email paying for a personal and a team workspace", () => {
  it("is one CREEM customer; it is tied to the workspace that bought first, each keeps its own rows", async () => {
    const [p, t] = await Promise.all([
      db.subscription.findUniqueOrThrow({ where: { id: personalSub } }),
      db.subscription.findUniqueOrThrow({ where: { id: teamSub } }),
    ]);
    expect(p.customerId).toBe(t.customerId);
    expect(p.workspaceId).toBe(personal);
    expect(t.workspaceId).toBe(team);
    const tied = await db.workspace.findMany({ where: { id: { in: [personal, team] } } });
    expect(Object.fromEntries(tied.map((w) => [w.id, w.creemCustomerId]))).toEqual({
      [personal]: p.customerId,
      [team]: null,
    });
  });

  it("the portal is offered to neither (it would show both), each is told why, CREEM is not asked", async () => {
    for (const workspaceId of [personal, team]) {
      signInAs(person, workspaceId);
      const mark = h.creem.requests.length;
      const response = await h.portal.GET();
      expect(response.headers.get("location")).toBe("/dashboard/billing?portal=shared");
      expect(h.creem.since(mark)).toEqual([]);
    }
  });

  it("the history of each lists only its own payments", async () => {
    const { getBillingHistory } = await import("@/lib/billing/account/queries");
    const personalRows = await getBillingHistory(personal, 1);
    const teamRows = await getBillingHistory(team, 1);
    const descriptions = (h: typeof personalRows) =>
      h.kind === "page" ? h.rows.map((r) => r.description) : h.kind;
    expect(descriptions(personalRows)).toEqual(["First payment: Pro monthly"]);
    expect(descriptions(teamRows)).toEqual(["First payment: Team monthly"]);
  });

  it("a workspace whose customer is its own alone gets its portal; its next checkout pays as that customer", async () => {
    const other = await newUser(db, "own-customer");
    const own = await personalWorkspaceId(db, other.id);
    await buyFor(h.creem, db, other, own, { plan: "starter", interval: "month", seats: 1 });
    const { creemCustomerId } = await db.workspace.findUniqueOrThrow({ where: { id: own } });
    signInAs(other, own);
    const location = (await h.portal.GET()).headers.get("location") ?? "";
    const token = decodeURIComponent(location.split("/").pop() ?? "");
    expect(h.creem.emulator.store.state.portal_tokens[token]).toBe(creemCustomerId);

    const { startCheckout } = await import("@/lib/billing/checkout/start");
    const { createPlanCatalog, localProductIds } = await import("@/lib/billing/plans");
    const outcome = await startCheckout(
      {
        db,
        creem: h.creem.client,
        catalog: createPlanCatalog(localProductIds()),
        appUrl: "http://app.test",
        graceDays: 7,
      },
      { id: other.id, email: other.email, workspaceId: own },
      { plan: "lifetime", interval: "once", seats: 1 },
    );
    expect(outcome.kind).toBe("checkout");
    const row = await db.checkout.findFirstOrThrow({
      where: { workspaceId: own, productId: { not: undefined }, status: "pending" },
      orderBy: { createdAt: "desc" },
    });
    const stored = h.creem.emulator.store.state.checkouts[row.creemCheckoutId!];
    expect(stored?.customer).toEqual({ id: creemCustomerId });
  });
});

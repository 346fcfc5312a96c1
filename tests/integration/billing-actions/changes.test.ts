import { describe, expect, it, vi } from "vitest";
import { PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { testDb } from "../support/db";
import { personalWorkspaceId } from "../support/workspaces";
import { form, newUser, remoteStatus, signInAs, subscribe, setUpBillingActions } from "./support";

vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), requireUser: vi.fn() }));
vi.mock("next/headers", async () => (await import("../support/workspaces")).nextHeadersMock());

const db = testDb();
const h = setUpBillingActions();

async function subscribed(productId: string, units = 1) {
  const user = await newUser(db, "changes");
  const id = await subscribe(h.creem, db, user.email, productId, units);
  signInAs(user);
  return id;
}

const stored = (id: string) => db.subscription.findUniqueOrThrow({ where: { id } });
const chargesOf = (id: string) =>
  Object.values(h.creem.emulator.store.state.transactions).filter(
    (t) => t.subscription_id === id && t.description === "Proration for subscription change",
  );

describe("change seats", () => {
  it.each([["now"], ["next_renewal"], ["none"], [undefined]] as const)(
    "more seats charge the prorated difference now, whatever proration the form claims (%s)",
    async (proration) => {
      const id = await subscribed(PRODUCT_IDS.teamMonthly, 3);
      const fields = { subscriptionId: id, seats: 5, ...(proration ? { proration } : {}) };

      const result = await h.actions.changeSeatsAction({}, form(fields));

      expect(result).toEqual({ success: "Your Team plan now has 5 seats." });
      expect(await remoteStatus(h.creem, id)).toMatchObject({ units: 5 });
      expect(chargesOf(id)).toHaveLength(1);
      expect(chargesOf(id)[0]!.amount).toBeGreaterThan(0);
      // Stored right away (the same apply step as the webhook), so the page can show it without waiting.
      expect(await stored(id)).toMatchObject({ units: 5, status: "active" });
    },
  );

  it("1 -> 100 seats charges for 99 seats now: no free month of 100 seats", async () => {
    const id = await subscribed(PRODUCT_IDS.teamMonthly, 1);
    await h.actions.changeSeatsAction({}, form({ subscriptionId: id, seats: 100, proration: "none" }));
    const [charge] = chargesOf(id);
    // 99 seats x $12 for (almost) the whole month.
    expect(charge!.amount).toBeGreaterThan(99 * 1200 * 0.95);
    expect(charge!.amount).toBeLessThanOrEqual(99 * 1200);
  });
});

describe("change plan", () => {
  it("moves Pro monthly to Team monthly", async () => {
    const id = await subscribed(PRODUCT_IDS.proMonthly);
    const result = await h.actions.changePlanAction(
      {},
      form({ subscriptionId: id, productId: PRODUCT_IDS.teamMonthly }),
    );
    expect(result).toEqual({ success: "You are now on Team (monthly)." });
    expect(await remoteStatus(h.creem, id)).toMatchObject({ productId: PRODUCT_IDS.teamMonthly });
    expect(await stored(id)).toMatchObject({ productId: PRODUCT_IDS.teamMonthly });
  });

  it("moves monthly to yearly billing", async () => {
    const id = await subscribed(PRODUCT_IDS.proMonthly);
    const result = await h.actions.changePlanAction(
      {},
      form({ subscriptionId: id, productId: PRODUCT_IDS.proYearly }),
    );
    expect(result).toEqual({ success: "You are now on Pro (yearly)." });
    const row = await stored(id);
    expect(row.productId).toBe(PRODUCT_IDS.proYearly);
    const days = (row.currentPeriodEnd!.getTime() - row.currentPeriodStart!.getTime()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(365);
  });
});

describe("cancel, pause and resume", () => {
  it("cancels at the period end, then resumes", async () => {
    const id = await subscribed(PRODUCT_IDS.proMonthly);
    const end = (await stored(id)).currentPeriodEnd!;

    const canceled = await h.actions.cancelSubscriptionAction(
      {},
      form({ subscriptionId: id, when: "period_end" }),
    );
    const date = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(end);
    expect(canceled).toEqual({
      success: `Your subscription will end on ${date}. You keep access until then.`,
    });
    expect(await remoteStatus(h.creem, id)).toMatchObject({ status: "scheduled_cancel" });
    expect(await stored(id)).toMatchObject({ status: "scheduled_cancel", cancelAtPeriodEnd: true });

    const resumed = await h.actions.resumeSubscriptionAction({}, form({ subscriptionId: id }));
    expect(resumed).toEqual({ success: "Your subscription will continue. It is no longer set to cancel." });
    expect(await stored(id)).toMatchObject({ status: "active", cancelAtPeriodEnd: false });
  });

  it("pauses, then resumes", async () => {
    const id = await subscribed(PRODUCT_IDS.proMonthly);
    expect(await h.actions.pauseSubscriptionAction({}, form({ subscriptionId: id }))).toEqual({
      success: "Your subscription is paused. You will not be charged until you resume it.",
    });
    expect(await stored(id)).toMatchObject({ status: "paused" });
    expect(await h.actions.resumeSubscriptionAction({}, form({ subscriptionId: id }))).toEqual({
      success: "Your subscription is active again.",
    });
    expect(await stored(id)).toMatchObject({ status: "active" });
  });

  it("cancels immediately", async () => {
    const id = await subscribed(PRODUCT_IDS.teamYearly, 2);
    const result = await h.actions.cancelSubscriptionAction({}, form({ subscriptionId: id, when: "now" }));
    expect(result).toEqual({
      success: "Your subscription is canceled. Paid features are no longer available.",
    });
    expect(await remoteStatus(h.creem, id)).toMatchObject({ status: "canceled" });
    expect(await stored(id)).toMatchObject({ status: "canceled" });
  });

  it("a paused subscription can only be canceled immediately", async () => {
    const id = await subscribed(PRODUCT_IDS.proMonthly);
    await h.actions.pauseSubscriptionAction({}, form({ subscriptionId: id }));
    const mark = h.creem.requests.length;
    const result = await h.actions.cancelSubscriptionAction(
      {},
      form({ subscriptionId: id, when: "period_end" }),
    );
    expect(result).toEqual({ error: "A paused subscription can only be canceled immediately." });
    expect(h.creem.since(mark)).toEqual([]);
  });
});

describe("billing history", () => {
  it("lists the workspace's own CREEM transactions, newest first, one page at a time", async () => {
    const id = await subscribed(PRODUCT_IDS.teamMonthly, 2);
    await h.actions.changeSeatsAction({}, form({ subscriptionId: id, seats: 4 }));
    const { workspaceId } = await stored(id);
    const { getBillingHistory } = await import("@/lib/billing/account/queries");

    const first = await getBillingHistory(workspaceId!, 1);
    expect(first).toMatchObject({ kind: "page", page: 1, totalPages: 1 });
    const rows = first.kind === "page" ? first.rows : [];
    expect(rows.map((r) => [r.description, r.amount, r.statusLabel])).toEqual([
      ["Seats 2 → 4", expect.stringMatching(/^\$\d/), "Paid"],
      ["First payment: Team monthly", "$24", "Paid"],
    ]);
    expect(await getBillingHistory(workspaceId!, 2)).toMatchObject({ kind: "page", page: 2, rows: [] });
    const newcomer = await newUser(db, "no-history");
    expect(await getBillingHistory(await personalWorkspaceId(db, newcomer.id), 1)).toEqual({
      kind: "no_customer",
    });
  });
});

describe("when CREEM knows better than the stored state", () => {
  it("a refused change (409) gets a friendly message and the real state is stored", async () => {
    const id = await subscribed(PRODUCT_IDS.proMonthly);
    // Paused in CREEM (say, from its portal) and the webhook has not arrived yet.
    await h.creem.client.subscriptions.pause(id);
    expect(await stored(id)).toMatchObject({ status: "active" });

    const result = await h.actions.pauseSubscriptionAction({}, form({ subscriptionId: id }));

    expect(result).toEqual({
      error: "This request conflicts with the current state. Please refresh and try again.",
    });
    expect(await stored(id)).toMatchObject({ status: "paused" });
  });
});

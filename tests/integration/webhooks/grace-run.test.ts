import { describe, expect, it, vi } from "vitest";
import { getEntitlements } from "@/lib/billing/access";
import { inGoodStanding, SUBSCRIPTION_STATUSES } from "@/lib/billing/subscription-status";
import { customer, envelope, subscription, type SubState } from "../../support/creem-payloads";
import { testDb } from "../support/db";
import { personalWorkspaceId } from "../support/workspaces";
import { deliver, uid } from "./support";

// The past_due grace belongs to the first failed renewal of an unpaid run: a later `past_due` or `expired`
// (CREEM tried the next period too, or the unpaid period ran out) must not start a new grace. Only a
// successful payment ends the run. Through the real inbox and apply step, in any arrival order.

vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), requireUser: vi.fn() }));

const db = testDb();
const DAY = 86_400_000;
const GRACE = 7;

/** A monthly subscription paid up to E1; the renewal at E1 failed, and so did the one at E2. */
function unpaidRun(user: { id: string; email: string }) {
  const cust = customer(uid("cust"), user.email);
  const id = uid("sub");
  const E1 = Date.now() - 80 * DAY;
  const E2 = E1 + 30 * DAY;
  const E3 = E2 + 30 * DAY;
  const event = (type: string, t: number, state: Omit<SubState, "id" | "metadata">) =>
    envelope(uid("evt"), type, t, subscription({ id, metadata: { userId: user.id }, ...state }, cust, t));
  return {
    id,
    E1,
    E2,
    E3,
    paid: event("subscription.paid", E1 - 30 * DAY + 1000, {
      status: "active",
      periodStart: E1 - 30 * DAY,
      periodEnd: E1,
    }),
    // CREEM moved the period on to the unpaid one.
    firstFailure: event("subscription.past_due", E1 + DAY, {
      status: "past_due",
      periodStart: E1,
      periodEnd: E2,
    }),
    // One period later the next renewal fails too.
    laterFailure: event("subscription.past_due", E2 + DAY, {
      status: "past_due",
      periodStart: E2,
      periodEnd: E3,
    }),
    // The unpaid period ran out (its end is behind the event).
    laterExpiry: event("subscription.expired", E2 + 2 * DAY, {
      status: "expired",
      periodStart: E1,
      periodEnd: E2,
    }),
    recovered: event("subscription.paid", E2 + 3 * DAY, { status: "active", periodStart: E2, periodEnd: E3 }),
    failsAgain: event("subscription.past_due", E3 + DAY, {
      status: "past_due",
      periodStart: E3,
      periodEnd: E3 + 30 * DAY,
    }),
  };
}

async function newUser() {
  return db.user.create({ data: { email: `${uid("grace")}@example.com` } });
}

/** The plan of the user's personal workspace (where their purchases land) at time `at`. */
const planAt = async (userId: string, at: number) =>
  (await getEntitlements(await personalWorkspaceId(db, userId), new Date(at))).plan.key;

describe("the past_due grace of an unpaid run", () => {
  it("a later period's past_due or expired does not give a new grace", async () => {
    const user = await newUser();
    const run = unpaidRun(user);
    for (const event of [run.paid, run.firstFailure]) expect((await deliver(db, event)).status).toBe(200);
    expect(await planAt(user.id, run.E1 + (GRACE - 1) * DAY)).toBe("pro");
    expect(await planAt(user.id, run.E1 + (GRACE + 1) * DAY)).toBe("free");

    expect((await deliver(db, run.laterFailure)).body.outcome).toBe("applied");
    expect(await planAt(user.id, run.E2 + 2 * DAY)).toBe("free");
    expect((await deliver(db, run.laterExpiry)).body.outcome).toBe("applied");
    expect(await planAt(user.id, run.E2 + 3 * DAY - 1000)).toBe("free");
  });

  it("arrives at the same grace start whatever the order", async () => {
    const orders = [
      ["paid", "firstFailure", "laterFailure", "laterExpiry"],
      ["laterExpiry", "laterFailure", "firstFailure", "paid"],
      ["laterFailure", "paid", "laterExpiry", "firstFailure"],
    ] as const;
    for (const order of orders) {
      const user = await newUser();
      const run = unpaidRun(user);
      for (const name of order) expect((await deliver(db, run[name])).status).toBe(200);
      expect(await planAt(user.id, run.E2 + 3 * DAY - 1000), order.join(" > ")).toBe("free");
    }
  });

  it("a successful payment ends the run: the next failed renewal has its own grace", async () => {
    const user = await newUser();
    const run = unpaidRun(user);
    for (const name of ["failsAgain", "paid", "firstFailure", "recovered", "laterFailure"] as const) {
      expect((await deliver(db, run[name])).status).toBe(200);
    }
    expect(await planAt(user.id, run.E3 + (GRACE - 1) * DAY)).toBe("pro");
    expect(await planAt(user.id, run.E3 + (GRACE + 1) * DAY)).toBe("free");
  });

  it("the statuses that hold their period in SQL are the status table's (inGoodStanding)", async () => {
    const user = await newUser();
    const cust = customer(uid("cust"), user.email);
    const periodEnd = Date.now() + 10 * DAY;
    for (const status of SUBSCRIPTION_STATUSES) {
      const id = uid("sub");
      const state = { id, status, periodStart: periodEnd - 30 * DAY, periodEnd };
      const t = Date.now();
      await deliver(db, envelope(uid("evt"), "subscription.update", t, subscription(state, cust, t)));
      const stored = await db.subscription.findUniqueOrThrow({ where: { id } });
      expect({ status, covered: stored.coveredThrough?.getTime() ?? null }).toEqual({
        status,
        covered: inGoodStanding(status) ? periodEnd : null,
      });
    }
  });
});

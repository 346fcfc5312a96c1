import { beforeAll, describe, expect, it, vi } from "vitest";
import { PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { testDb } from "../support/db";
import { form, newUser, signInAs, subscribe, setUpBillingActions } from "./support";

vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), requireUser: vi.fn() }));
vi.mock("next/headers", async () => (await import("../support/workspaces")).nextHeadersMock());

const db = testDb();
const h = setUpBillingActions();

let team: string;
let pro: string;

beforeAll(async () => {
  const user = await newUser(db, "validation");
  team = await subscribe(h.creem, db, user.email, PRODUCT_IDS.teamMonthly, 3);
  pro = await subscribe(h.creem, db, user.email, PRODUCT_IDS.proMonthly);
  signInAs(user);
});

/** Runs `call` and checks CREEM heard nothing about it. */
async function refusedLocally<T>(call: () => Promise<T>): Promise<T> {
  const mark = h.creem.requests.length;
  const result = await call();
  expect(h.creem.since(mark)).toEqual([]);
  return result;
}

describe("change seats", () => {
  it.each([
    ["", "Enter the number of seats."],
    ["many", "Enter the number of seats."],
    ["2.5", "Seats must be a whole number."],
    ["0", "You need at least 1 seat."],
    ["-4", "You need at least 1 seat."],
    ["101", "Plans have at most 100 seats. Contact us for more."],
  ])("seats=%j is refused with %j", async (seats, message) => {
    const result = await refusedLocally(() =>
      h.actions.changeSeatsAction({}, form({ subscriptionId: team, seats })),
    );
    expect(result).toMatchObject({ error: message, fieldErrors: { seats: message } });
  });

  it("needs the subscription id", async () => {
    const result = await refusedLocally(() => h.actions.changeSeatsAction({}, form({ seats: 4 })));
    expect(result.error).toBe("The subscription is missing. Reload the page and try again.");
  });

  it("refuses an unchanged seat count", async () => {
    const result = await refusedLocally(() =>
      h.actions.changeSeatsAction({}, form({ subscriptionId: team, seats: 3 })),
    );
    expect(result).toEqual({ error: "You already have 3 seats." });
  });

  it("refuses seats on a plan that is not priced per seat", async () => {
    const result = await refusedLocally(() =>
      h.actions.changeSeatsAction({}, form({ subscriptionId: pro, seats: 2 })),
    );
    expect(result).toEqual({ error: "Pro plan is not priced per seat." });
  });
});

describe("change plan", () => {
  it.each([
    ["an unknown product", "prod_does_not_exist"],
    ["a one-time product", PRODUCT_IDS.lifetime],
  ])("refuses %s", async (_what, productId) => {
    const result = await refusedLocally(() =>
      h.actions.changePlanAction({}, form({ subscriptionId: pro, productId })),
    );
    expect(result).toMatchObject({
      error: "That plan is not available. Choose one of the plans listed.",
      fieldErrors: { productId: "That plan is not available. Choose one of the plans listed." },
    });
  });

  it("needs a plan", async () => {
    const result = await refusedLocally(() => h.actions.changePlanAction({}, form({ subscriptionId: pro })));
    expect(result.error).toBe("Choose a plan.");
  });

  it("refuses the plan the subscription is already on", async () => {
    const result = await refusedLocally(() =>
      h.actions.changePlanAction({}, form({ subscriptionId: pro, productId: PRODUCT_IDS.proMonthly })),
    );
    expect(result).toEqual({ error: "You are already on Pro (monthly)." });
  });

  it("refuses a per-account plan while the subscription has several seats", async () => {
    const result = await refusedLocally(() =>
      h.actions.changePlanAction({}, form({ subscriptionId: team, productId: PRODUCT_IDS.proYearly })),
    );
    expect(result).toEqual({ error: "Pro is for one person. Reduce your seats to 1 first." });
  });
});

describe("cancel, pause and resume", () => {
  it.each([[undefined], ["tomorrow"]])("cancel needs a valid timing (when=%j)", async (when) => {
    const fields: Record<string, string> =
      when === undefined ? { subscriptionId: pro } : { subscriptionId: pro, when };
    const result = await refusedLocally(() => h.actions.cancelSubscriptionAction({}, form(fields)));
    expect(result.error).toBe("Choose when the subscription ends.");
  });

  it("resume refuses a subscription that is neither paused nor canceling", async () => {
    const result = await refusedLocally(() =>
      h.actions.resumeSubscriptionAction({}, form({ subscriptionId: pro })),
    );
    expect(result).toEqual({
      error: "This subscription is not paused or scheduled to cancel, so there is nothing to resume.",
    });
  });

  it("pause needs the subscription id", async () => {
    const result = await refusedLocally(() => h.actions.pauseSubscriptionAction({}, form({})));
    expect(result.error).toBe("The subscription is missing. Reload the page and try again.");
  });

  it("an oversized id is refused before any lookup", async () => {
    const result = await refusedLocally(() =>
      h.actions.pauseSubscriptionAction({}, form({ subscriptionId: `sub_${"x".repeat(300)}` })),
    );
    expect(result.error).toBe("That is not a valid subscription.");
  });
});

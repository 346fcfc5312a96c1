import { describe, expect, it } from "vitest";
import { readChangeRequest } from "@/lib/billing/subscriptions/change-request";
import { describeSubscription, type SubscriptionRow } from "@/lib/billing/subscriptions/view";
import { testCatalog as catalog } from "../../../support/catalog";

// `/dashboard/billing?change=<productId>` from the pricing page: the switch is preselected only when the
// subscriber can make it; otherwise the page says why.

const view = (status: string, overrides: Partial<SubscriptionRow> = {}) =>
  describeSubscription(
    {
      id: "sub_1",
      productId: "prod_pro_m",
      status,
      units: 1,
      currentPeriodStart: new Date("2026-06-01T00:00:00Z"),
      currentPeriodEnd: new Date("2026-07-01T00:00:00Z"),
      canceledAt: null,
      trialEnd: null,
      stateAt: new Date("2026-06-05T00:00:00Z"),
      startedAt: new Date("2026-06-01T00:00:00Z"),
      discount: null,
      ...overrides,
    },
    catalog,
  );

describe("readChangeRequest", () => {
  it("no request, an empty one, or only blanks: nothing to show", () => {
    expect(readChangeRequest(undefined, view("active"), catalog)).toEqual({});
    expect(readChangeRequest("  ", view("active"), catalog)).toEqual({});
    expect(readChangeRequest([], view("active"), catalog)).toEqual({});
  });

  it("preselects a switch the subscriber can make (the first value of a repeated parameter)", () => {
    expect(readChangeRequest(" prod_pro_y ", view("active"), catalog)).toEqual({
      preselect: "prod_pro_y",
      notice: { tone: "info", text: "Review the switch to Pro (yearly) below, then confirm it." },
    });
    expect(readChangeRequest(["prod_team_m", "prod_pro_y"], view("active"), catalog).preselect).toBe(
      "prod_team_m",
    );
  });

  it("a product that is not a subscription plan is refused, with the pricing cards for a non-subscriber", () => {
    for (const productId of ["prod_unknown", "prod_life"]) {
      expect(readChangeRequest(productId, view("active"), catalog)).toEqual({
        notice: {
          tone: "warning",
          text: "The plan you picked is not available as a subscription change. Choose one of the plans below.",
          showPricing: false,
        },
      });
      expect(readChangeRequest(productId, undefined, catalog).notice?.showPricing).toBe(true);
    }
  });

  it("without a running subscription, sends the user to subscribe instead", () => {
    const expected = {
      notice: {
        tone: "info",
        text: "You do not have a subscription to change. Subscribe to Pro (yearly) from the pricing page.",
        showPricing: true,
      },
    };
    expect(readChangeRequest("prod_pro_y", undefined, catalog)).toEqual(expected);
    expect(readChangeRequest("prod_pro_y", view("canceled"), catalog)).toEqual(expected);
  });

  it("the plan already held is said so", () => {
    expect(readChangeRequest("prod_pro_m", view("active"), catalog)).toEqual({
      notice: { tone: "info", text: "You are already on Pro (monthly)." },
    });
  });

  it("a status that refuses changes says why (a payment problem, a pause, a trial)", () => {
    expect(readChangeRequest("prod_pro_y", view("past_due"), catalog)).toEqual({
      notice: { tone: "warning", text: "Update your payment method before changing your plan." },
    });
    expect(readChangeRequest("prod_pro_y", view("paused"), catalog).notice).toMatchObject({
      tone: "warning",
      text: "Resume your subscription before changing it.",
    });
  });

  it("a per-seat subscription with several seats cannot move to a one-person plan", () => {
    const team = view("active", { productId: "prod_team_m", units: 3 });
    expect(readChangeRequest("prod_pro_m", team, catalog)).toEqual({
      notice: { tone: "warning", text: "Pro is for one person. Reduce your seats to 1 first, then switch." },
    });
    expect(readChangeRequest("prod_team_y", team, catalog).preselect).toBe("prod_team_y");
    const oneSeat = view("active", { productId: "prod_team_m", units: 1 });
    expect(readChangeRequest("prod_pro_m", oneSeat, catalog).preselect).toBe("prod_pro_m");
  });
});

import { testCatalog } from "../../../support/catalog";
import { describe, expect, it } from "vitest";
import { periodSubtotal } from "@/lib/billing/money";
import { type PlanPrice } from "@/lib/billing/plans";
import {
  billingLabel,
  describeSubscription,
  planChoices,
  priceLabel,
  type SubscriptionRow,
} from "@/lib/billing/subscriptions/view";

const catalog = testCatalog;

const PERIOD_START = new Date("2026-06-01T00:00:00Z");
const PERIOD_END = new Date("2026-07-01T00:00:00Z");
const TRIAL_END = new Date("2026-06-15T00:00:00Z");
const CANCELED_AT = new Date("2026-06-10T08:00:00Z");
const STATE_AT = new Date("2026-06-05T12:34:56.000Z");

function row(status: string, overrides: Partial<SubscriptionRow> = {}): SubscriptionRow {
  return {
    id: "sub_1",
    productId: "prod_pro_m",
    status,
    units: 1,
    currentPeriodStart: PERIOD_START,
    currentPeriodEnd: PERIOD_END,
    canceledAt: null,
    trialEnd: null,
    stateAt: STATE_AT,
    startedAt: PERIOD_START,
    discount: null,
    ...overrides,
  };
}

const price = (amount: number, interval: PlanPrice["interval"], currency: PlanPrice["currency"] = "USD") =>
  ({ productId: "prod_x", amount, interval, currency }) satisfies PlanPrice;

describe("billingLabel", () => {
  it.each([
    ["month", "Monthly"],
    ["year", "Yearly"],
    ["once", "One-time"],
  ] as const)("%s → %s", (interval, label) => {
    expect(billingLabel(interval)).toBe(label);
  });
});

describe("priceLabel", () => {
  it.each([
    [price(1900, "month"), false, "$19 / month"],
    [price(19000, "year"), false, "$190 / year"],
    [price(1200, "month"), true, "$12 per seat / month"],
    [price(12000, "year"), true, "$120 per seat / year"],
    [price(29900, "once"), false, "$299"],
    [price(29900, "once"), true, "$299 per seat"],
    [price(1999, "month"), false, "$19.99 / month"],
    [price(1200, "month", "EUR"), false, "€12 / month"],
  ])("%o, per seat %s → %s", (p, perSeat, label) => {
    expect(priceLabel(p, perSeat)).toBe(label);
  });
});

describe("periodSubtotal", () => {
  it("multiplies by the seats on per-seat plans", () => {
    expect(periodSubtotal(price(1200, "month"), true, 3)).toBe(3600);
    expect(periodSubtotal(price(1200, "month"), true, 1)).toBe(1200);
  });

  it("ignores the seats on plans that are not per seat", () => {
    expect(periodSubtotal(price(1900, "month"), false, 3)).toBe(1900);
  });
});

describe("describeSubscription", () => {
  it("describes an active monthly subscription in full", () => {
    expect(describeSubscription(row("active"), catalog)).toEqual({
      id: "sub_1",
      stateAt: "2026-06-05T12:34:56.000Z",
      productId: "prod_pro_m",
      planName: "Pro",
      billing: "Monthly",
      priceLabel: "$19 / month",
      perSeat: false,
      seats: 1,
      seatLimits: { min: 1, max: 1 },
      seatPrice: null,
      periodAmount: "$19",
      overdueAmount: null,
      discountLabel: null,
      status: "active",
      ended: false,
      statusLabel: "Active",
      statusTone: "success",
      summary: "Renews on Jul 1, 2026 for $19.",
      nextPayment: { date: "Jul 1, 2026", amount: "$19" },
      period: "Jun 1, 2026 – Jul 1, 2026",
      periodEnd: "Jul 1, 2026",
      needsPaymentFix: false,
      access: { granted: false, note: null },
      canChange: true,
      changeRefusal: null,
      canPause: true,
      canResume: false,
      cancelTimings: ["period_end", "now"],
      basis: {
        status: "active",
        units: 1,
        startedAt: "2026-06-01T00:00:00.000Z",
        currentPeriodStart: "2026-06-01T00:00:00.000Z",
        currentPeriodEnd: "2026-07-01T00:00:00.000Z",
        discount: undefined,
        price: { amount: 1900, currency: "USD", interval: "month" },
        perSeat: false,
      },
    });
  });

  it.each([
    {
      status: "active",
      label: "Active",
      tone: "success",
      summary: "Renews on Jul 1, 2026 for $19.",
      next: { date: "Jul 1, 2026", amount: "$19" },
      flags: { ended: false, fix: false, change: true, pause: true, resume: false },
      timings: ["period_end", "now"],
    },
    {
      status: "trialing",
      label: "Trial",
      tone: "brand",
      summary: "Free trial until Jun 15, 2026, then $19 / month.",
      next: { date: "Jun 15, 2026", amount: "$19" },
      flags: { ended: false, fix: false, change: false, pause: true, resume: false },
      timings: ["period_end", "now"],
    },
    {
      status: "scheduled_cancel",
      label: "Cancels Jul 1, 2026",
      tone: "warning",
      summary: "Cancels on Jul 1, 2026. You keep access until then.",
      next: null,
      flags: { ended: false, fix: false, change: false, pause: false, resume: true },
      timings: ["now"],
    },
    {
      status: "past_due",
      label: "Past due",
      tone: "danger",
      summary: "The last renewal payment failed and CREEM is retrying it.",
      next: null,
      flags: { ended: false, fix: true, change: false, pause: false, resume: false },
      timings: ["period_end", "now"],
    },
    {
      status: "expired",
      label: "Expired",
      tone: "danger",
      summary:
        "The renewal payment failed and access is suspended. Update your payment method to restore it.",
      next: null,
      flags: { ended: false, fix: true, change: false, pause: false, resume: false },
      timings: ["period_end", "now"],
    },
    {
      status: "paused",
      label: "Paused",
      tone: "neutral",
      summary: "Paused: you are not being charged, and paid features are locked until you resume.",
      next: null,
      flags: { ended: false, fix: false, change: false, pause: false, resume: true },
      timings: ["now"],
    },
    {
      status: "canceled",
      label: "Canceled",
      tone: "neutral",
      summary: "Canceled on Jun 10, 2026.",
      next: null,
      flags: { ended: true, fix: false, change: false, pause: false, resume: false },
      timings: [],
    },
    {
      status: "unpaid",
      label: "Unpaid",
      tone: "danger",
      summary: "The renewal payment could not be collected, so this subscription has ended.",
      next: null,
      flags: { ended: true, fix: false, change: false, pause: false, resume: false },
      timings: [],
    },
    {
      status: "incomplete_expired",
      label: "Incomplete expired",
      tone: "neutral",
      summary: "Status: Incomplete expired.",
      next: null,
      flags: { ended: false, fix: false, change: false, pause: false, resume: false },
      timings: ["period_end", "now"],
    },
  ])("$status reads as '$label'", ({ status, label, tone, summary, next, flags, timings }) => {
    const view = describeSubscription(
      row(status, {
        trialEnd: status === "trialing" ? TRIAL_END : null,
        canceledAt: status === "canceled" ? CANCELED_AT : null,
      }),
      catalog,
    );
    expect(view.status).toBe(status);
    expect(view.statusLabel).toBe(label);
    expect(view.statusTone).toBe(tone);
    expect(view.summary).toBe(summary);
    expect(view.nextPayment).toEqual(next);
    expect({
      ended: view.ended,
      fix: view.needsPaymentFix,
      change: view.canChange,
      pause: view.canPause,
      resume: view.canResume,
    }).toEqual(flags);
    expect(view.cancelTimings).toEqual(timings);
    // The period and plan do not depend on the status.
    expect(view.period).toBe("Jun 1, 2026 – Jul 1, 2026");
    expect(view.periodEnd).toBe("Jul 1, 2026");
    expect(view.planName).toBe("Pro");
  });

  it("is plain data that survives JSON (server components hand it to client forms)", () => {
    const view = describeSubscription(row("trialing", { trialEnd: TRIAL_END }), catalog);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  describe("missing dates", () => {
    it("active without a period end: a generic summary and no next payment", () => {
      const view = describeSubscription(row("active", { currentPeriodEnd: null }), catalog);
      expect(view.summary).toBe("Your subscription is active.");
      expect(view.nextPayment).toBeNull();
      expect(view.period).toBeNull();
      expect(view.periodEnd).toBeNull();
    });

    it("a period needs both its start and its end", () => {
      const view = describeSubscription(row("active", { currentPeriodStart: null }), catalog);
      expect(view.period).toBeNull();
      expect(view.periodEnd).toBe("Jul 1, 2026");
    });

    it("trialing without a trial end falls back to the period end", () => {
      const view = describeSubscription(row("trialing"), catalog);
      expect(view.summary).toBe("Free trial until Jul 1, 2026, then $19 / month.");
      expect(view.nextPayment).toEqual({ date: "Jul 1, 2026", amount: "$19" });
    });

    it("trialing with both dates prefers the trial end", () => {
      const view = describeSubscription(row("trialing", { trialEnd: TRIAL_END }), catalog);
      expect(view.nextPayment?.date).toBe("Jun 15, 2026");
    });

    it("trialing with no dates has no next payment", () => {
      const view = describeSubscription(row("trialing", { currentPeriodEnd: null }), catalog);
      expect(view.nextPayment).toBeNull();
    });
    it("trialing with no dates does not print a dash as the trial end", () => {
      const view = describeSubscription(row("trialing", { currentPeriodEnd: null }), catalog);
      expect(view.summary).not.toContain("—");
    });

    it("scheduled_cancel without a period end", () => {
      const view = describeSubscription(row("scheduled_cancel", { currentPeriodEnd: null }), catalog);
      expect(view.statusLabel).toBe("Canceling");
      expect(view.summary).toBe("Cancels at the end of the period.");
    });

    it("canceled without a cancellation date", () => {
      expect(describeSubscription(row("canceled"), catalog).summary).toBe("This subscription was canceled.");
    });
  });

  describe("unknown statuses", () => {
    it.each([
      ["incomplete", "Incomplete"],
      ["some_new_status", "Some new status"],
      ["", "Unknown"],
      ["   ", "Unknown"],
      ["__", "Unknown"],
    ])("'%s' is labelled '%s', neutral", (status, label) => {
      const view = describeSubscription(row(status), catalog);
      expect(view.statusLabel).toBe(label);
      expect(view.statusTone).toBe("neutral");
      expect(view.summary).toBe(`Status: ${label}.`);
      expect(view.nextPayment).toBeNull();
    });
    it("a status named like an Object.prototype member still gets a label", () => {
      const view = describeSubscription(row("constructor"), catalog);
      expect(view.statusLabel).toBe("Constructor");
      expect(view.statusTone).toBe("neutral");
    });
  });

  describe("prices and seats", () => {
    it("a per-seat plan shows the seat price and the period total for the seats", () => {
      const view = describeSubscription(row("active", { productId: "prod_team_m", units: 3 }), catalog);
      expect(view).toMatchObject({
        planName: "Team",
        billing: "Monthly",
        priceLabel: "$12 per seat / month",
        perSeat: true,
        seats: 3,
        seatPrice: { amount: 1200, currency: "USD", interval: "month" },
        periodAmount: "$36",
        summary: "Renews on Jul 1, 2026 for $36.",
        nextPayment: { date: "Jul 1, 2026", amount: "$36" },
      });
    });

    it("a yearly per-seat trial says what the year will cost", () => {
      const view = describeSubscription(
        row("trialing", { productId: "prod_team_y", units: 5, trialEnd: TRIAL_END }),
        catalog,
      );
      expect(view.billing).toBe("Yearly");
      expect(view.seatPrice).toEqual({ amount: 12000, currency: "USD", interval: "year" });
      expect(view.summary).toBe("Free trial until Jun 15, 2026, then $600 / year.");
      expect(view.nextPayment).toEqual({ date: "Jun 15, 2026", amount: "$600" });
    });

    it("a plan that is not per seat ignores the units", () => {
      const view = describeSubscription(row("active", { productId: "prod_pro_y", units: 3 }), catalog);
      expect(view).toMatchObject({
        billing: "Yearly",
        priceLabel: "$190 / year",
        perSeat: false,
        seats: 3,
        seatPrice: null,
        periodAmount: "$190",
      });
    });

    it("a one-time product has no seat price and no per-period suffix", () => {
      const view = describeSubscription(row("active", { productId: "prod_life" }), catalog);
      expect(view).toMatchObject({ planName: "Lifetime", billing: "One-time", priceLabel: "$299" });
      expect(view.seatPrice).toBeNull();
    });

    it("a product the catalog does not know still renders, without prices", () => {
      const active = describeSubscription(row("active", { productId: "prod_gone", units: 4 }), catalog);
      expect(active).toMatchObject({
        productId: "prod_gone",
        planName: "Subscription",
        billing: "",
        priceLabel: null,
        perSeat: false,
        seats: 4,
        seatPrice: null,
        periodAmount: null,
        summary: "Your subscription is active.",
        nextPayment: null,
        statusLabel: "Active",
      });
      const trial = describeSubscription(
        row("trialing", { productId: "prod_gone", trialEnd: TRIAL_END }),
        catalog,
      );
      expect(trial.summary).toBe("Free trial until Jun 15, 2026.");
      expect(trial.nextPayment).toBeNull();
    });
  });
});

describe("planChoices", () => {
  const ids = (choices: ReturnType<typeof planChoices>) => choices.map((c) => c.productId);

  it("from Pro monthly with one seat: every other recurring price, in catalog order, ranked", () => {
    const choices = planChoices({ productId: "prod_pro_m", seats: 1, basis: null }, catalog);
    expect(ids(choices)).toEqual(["prod_starter", "prod_pro_y", "prod_team_m", "prod_team_y"]);
    expect(choices.map((c) => c.kind)).toEqual(["downgrade", "switch", "upgrade", "upgrade"]);
    expect(choices.some((c) => c.unavailableReason)).toBe(false);
    expect(choices[0]).toEqual({
      productId: "prod_starter",
      planName: "Starter",
      billing: "Monthly",
      priceLabel: "$9 / month",
      totalLabel: "$9 / month",
      detail: "For individuals getting started.",
      kind: "downgrade",
    });
    expect(choices[2]).toMatchObject({
      priceLabel: "$12 per seat / month",
      totalLabel: "$12 / month for 1 seat",
      detail: "$12 / month for 1 seat",
    });
  });

  it("never offers the current product or a one-time plan", () => {
    for (const productId of ["prod_starter", "prod_pro_m", "prod_pro_y", "prod_team_m", "prod_team_y"]) {
      const offered = ids(planChoices({ productId, seats: 1, basis: null }, catalog));
      expect(offered).not.toContain(productId);
      expect(offered).not.toContain("prod_life");
      expect(offered).toHaveLength(4);
    }
  });

  it("from Team monthly with 3 seats: per-account plans are unavailable until the seats are reduced", () => {
    expect(planChoices({ productId: "prod_team_m", seats: 3, basis: null }, catalog)).toEqual([
      {
        productId: "prod_starter",
        planName: "Starter",
        billing: "Monthly",
        priceLabel: "$9 / month",
        totalLabel: "$9 / month",
        detail: "For individuals getting started.",
        kind: "downgrade",
        unavailableReason: "Starter is for one person. Reduce your seats to 1 first.",
      },
      {
        productId: "prod_pro_m",
        planName: "Pro",
        billing: "Monthly",
        priceLabel: "$19 / month",
        totalLabel: "$19 / month",
        detail: "For professionals who need everything.",
        kind: "downgrade",
        unavailableReason: "Pro is for one person. Reduce your seats to 1 first.",
      },
      {
        productId: "prod_pro_y",
        planName: "Pro",
        billing: "Yearly",
        priceLabel: "$190 / year",
        totalLabel: "$190 / year",
        detail: "For professionals who need everything.",
        kind: "downgrade",
        unavailableReason: "Pro is for one person. Reduce your seats to 1 first.",
      },
      {
        productId: "prod_team_y",
        planName: "Team",
        billing: "Yearly",
        priceLabel: "$120 per seat / year",
        totalLabel: "$360 / year for 3 seats",
        detail: "$360 / year for 3 seats",
        kind: "switch",
      },
    ]);
  });

  it("an available choice has no unavailableReason key at all", () => {
    const [starter] = planChoices({ productId: "prod_pro_m", seats: 1, basis: null }, catalog);
    expect(starter).not.toHaveProperty("unavailableReason");
  });

  it("from a product the catalog does not know: every recurring price, all upgrades", () => {
    const choices = planChoices({ productId: "prod_gone", seats: 1, basis: null }, catalog);
    expect(ids(choices)).toEqual(["prod_starter", "prod_pro_m", "prod_pro_y", "prod_team_m", "prod_team_y"]);
    expect(choices.every((c) => c.kind === "upgrade")).toBe(true);
  });

  it("ranks against the current plan: from Lifetime (rank 2) Pro is a switch", () => {
    const choices = planChoices({ productId: "prod_life", seats: 1, basis: null }, catalog);
    expect(choices.map((c) => [c.productId, c.kind])).toEqual([
      ["prod_starter", "downgrade"],
      ["prod_pro_m", "switch"],
      ["prod_pro_y", "switch"],
      ["prod_team_m", "upgrade"],
      ["prod_team_y", "upgrade"],
    ]);
  });
});

describe("the overdue amount of a failed renewal", () => {
  it("is what CREEM retries: the price after the subscription's forever discount, not the list price", () => {
    const discount = { code: "LAUNCH20", type: "percentage", percentage: 20, duration: "forever" };
    const view = describeSubscription(row("past_due", { discount }), catalog);
    expect(view).toMatchObject({ periodAmount: "$19", overdueAmount: "$15.20", needsPaymentFix: true });
  });

  it("is absent while payments are fine", () => {
    expect(describeSubscription(row("active"), catalog).overdueAmount).toBeNull();
  });
});

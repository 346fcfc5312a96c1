import { testCatalog } from "../../../support/catalog";
import { describe, expect, it } from "vitest";
import { checkoutInputSchema, discountCheckSchema, discountCodeField } from "@/lib/billing/checkout/input";
import { MAX_SEATS, PAID_PLAN_KEYS } from "@/lib/billing/plans";
import {
  DISCOUNT_CODE_MESSAGE,
  DISCOUNT_CODE_PATTERN,
  parsePricingSelection,
  pricingPath,
  type PricingSelection,
} from "@/lib/billing/checkout/selection";

const catalog = testCatalog;

const parse = (query: string) => parsePricingSelection(new URLSearchParams(query));

describe("parsePricingSelection", () => {
  it("reads a full selection", () => {
    expect(parse("plan=team&interval=year&seats=5&discount=LAUNCH20")).toEqual({
      plan: "team",
      interval: "year",
      seats: 5,
      discount: "LAUNCH20",
    });
  });

  it("an empty query selects nothing", () => {
    expect(parse("")).toEqual({});
  });

  it.each(PAID_PLAN_KEYS)("accepts the paid plan '%s'", (plan) => {
    expect(parse(`plan=${plan}`)).toEqual({ plan });
  });

  it.each(["free", "PRO", "enterprise", "", " pro"])("leaves out the plan '%s'", (plan) => {
    expect(parse(`plan=${encodeURIComponent(plan)}`)).toEqual({});
  });

  it.each(["month", "year"])("accepts the interval '%s'", (interval) => {
    expect(parse(`interval=${interval}`)).toEqual({ interval });
  });

  it.each(["once", "monthly", "Month", "week", ""])("leaves out the interval '%s'", (interval) => {
    expect(parse(`interval=${interval}`)).toEqual({});
  });

  it.each([
    ["1", 1],
    ["3", 3],
    ["100", 100],
    ["3.0", 3],
  ])("accepts seats=%s as %i", (raw, seats) => {
    expect(parse(`seats=${raw}`)).toEqual({ seats });
  });

  it.each(["0", "-1", "101", "2.5", "abc", "", "Infinity", "NaN"])("leaves out seats=%s", (raw) => {
    expect(parse(`seats=${raw}`)).toEqual({});
  });

  it("trims a discount code, and leaves out one that does not look like a code", () => {
    expect(parse("discount=%20LAUNCH20%20")).toEqual({ discount: "LAUNCH20" });
    expect(parse("discount=ab")).toEqual({});
    expect(parse("discount=-abc")).toEqual({});
    expect(parse("discount=bad%20code")).toEqual({});
    expect(parse(`discount=${"A".repeat(33)}`)).toEqual({});
    expect(parse(`discount=${"A".repeat(32)}`)).toEqual({ discount: "A".repeat(32) });
    expect(parse("discount=")).toEqual({});
  });

  it("keeps the valid values when others are bad", () => {
    expect(parse("plan=free&interval=year&seats=999&discount=LAUNCH20")).toEqual({
      interval: "year",
      discount: "LAUNCH20",
    });
  });

  it("a repeated parameter uses its first value", () => {
    expect(parse("plan=pro&plan=team")).toEqual({ plan: "pro" });
    expect(parse("plan=nope&plan=team")).toEqual({});
  });
});

describe("DISCOUNT_CODE_PATTERN", () => {
  it.each(["LAUNCH20", "abc", "a_b-c", "0ff", "A".repeat(32)])("accepts %s", (code) => {
    expect(DISCOUNT_CODE_PATTERN.test(code)).toBe(true);
  });

  it.each(["ab", "_abc", "-abc", "ab c", "abc!", "ÄBC", "A".repeat(33), ""])("rejects '%s'", (code) => {
    expect(DISCOUNT_CODE_PATTERN.test(code)).toBe(false);
  });
});

describe("pricingPath", () => {
  it.each<[PricingSelection, string]>([
    [{}, "/pricing"],
    [{ plan: "pro" }, "/pricing?plan=pro"],
    [
      { plan: "team", interval: "year", seats: 5, discount: "LAUNCH20" },
      "/pricing?plan=team&interval=year&seats=5&discount=LAUNCH20",
    ],
    [{ plan: "team", seats: 1 }, "/pricing?plan=team"],
    [{ discount: "SAVE_10", interval: "month" }, "/pricing?interval=month&discount=SAVE_10"],
  ])("%o → %s", (selection, path) => {
    expect(pricingPath(selection)).toBe(path);
  });

  it("is a same-site path", () => {
    expect(pricingPath({ plan: "lifetime", discount: "X-Y-Z" })).toMatch(/^\/pricing(\?|$)/);
  });

  it("round-trips through parsePricingSelection", () => {
    const selections: PricingSelection[] = [
      {},
      { plan: "starter", interval: "month" },
      { plan: "team", interval: "year", seats: MAX_SEATS, discount: "LAUNCH20" },
      { plan: "lifetime", discount: "a-b_c" },
    ];
    for (const selection of selections) {
      expect(parsePricingSelection(new URL(pricingPath(selection), "http://x").searchParams)).toEqual(
        selection,
      );
    }
  });
});

describe("checkoutInputSchema", () => {
  const schema = checkoutInputSchema(catalog);
  const issues = (input: Record<string, unknown>) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    return result.error!.issues.map((i) => [i.path.join("."), i.message]);
  };

  describe("valid input", () => {
    it("defaults to one seat and no discount code", () => {
      expect(schema.parse({ plan: "pro", interval: "month" })).toEqual({
        plan: "pro",
        interval: "month",
        seats: 1,
      });
      expect(schema.parse({ plan: "pro", interval: "year", seats: "", discountCode: "   " })).toEqual({
        plan: "pro",
        interval: "year",
        seats: 1,
        discountCode: undefined,
      });
    });

    it("coerces form strings and trims the discount code", () => {
      expect(
        schema.parse({ plan: "team", interval: "year", seats: "3", discountCode: " launch20 " }),
      ).toEqual({
        plan: "team",
        interval: "year",
        seats: 3,
        discountCode: "launch20",
      });
    });

    it.each([
      ["starter", "month"],
      ["pro", "month"],
      ["pro", "year"],
      ["team", "month"],
      ["team", "year"],
      ["lifetime", "once"],
    ])("sells %s %s", (plan, interval) => {
      expect(schema.safeParse({ plan, interval }).success).toBe(true);
    });

    it("allows up to the seat limit on Team", () => {
      expect(schema.parse({ plan: "team", interval: "month", seats: MAX_SEATS }).seats).toBe(100);
    });
  });

  it.each(["starter", "pro", "lifetime"] as const)("%s is for one person: seats > 1 are refused", (plan) => {
    const interval = plan === "lifetime" ? "once" : "month";
    const name = catalog.byKey(plan).name;
    expect(issues({ plan, interval, seats: 2 })).toEqual([
      ["seats", `${name} is for one person. Choose Team for more seats.`],
    ]);
  });

  it.each([
    ["starter", "year", "Starter is not available with yearly billing."],
    ["starter", "once", "Starter is not available with one-time billing."],
    ["pro", "once", "Pro is not available with one-time billing."],
    ["team", "once", "Team is not available with one-time billing."],
    ["lifetime", "month", "Lifetime is not available with monthly billing."],
    ["lifetime", "year", "Lifetime is not available with yearly billing."],
  ])("%s with %s billing is refused", (plan, interval, message) => {
    expect(issues({ plan, interval })).toEqual([["interval", message]]);
  });

  it.each([
    [0, "Choose at least 1 seat."],
    [-3, "Choose at least 1 seat."],
    [101, "Choose at most 100 seats. For more, contact us."],
    ["1000", "Choose at most 100 seats. For more, contact us."],
    [2.5, "Seats must be a whole number."],
    ["abc", "Enter the number of seats as a number."],
    [Infinity, "Enter the number of seats as a number."],
  ])("seats %s on Team: %s", (seats, message) => {
    expect(issues({ plan: "team", interval: "month", seats })).toEqual([["seats", message]]);
  });

  it.each(["free", "enterprise", "", undefined])("the plan %s is not for sale", (plan) => {
    expect(issues({ plan, interval: "month" })).toEqual([["plan", "Choose one of the plans on this page."]]);
  });

  it.each(["weekly", "monthly", undefined])("the interval %s is refused", (interval) => {
    expect(issues({ plan: "pro", interval })).toEqual([["interval", "Choose monthly or yearly billing."]]);
  });

  it.each(["ab", "bad code!", "-LAUNCH", "A".repeat(33), 123])("the discount code %s is refused", (code) => {
    expect(issues({ plan: "pro", interval: "month", discountCode: code })).toEqual([
      ["discountCode", DISCOUNT_CODE_MESSAGE],
    ]);
  });

  it("reports every problem at once, including the plan rules", () => {
    expect(issues({ plan: "pro", interval: "month", seats: 2, discountCode: "x" })).toEqual([
      ["discountCode", DISCOUNT_CODE_MESSAGE],
      ["seats", "Pro is for one person. Choose Team for more seats."],
    ]);
  });
});

describe("discount code fields", () => {
  it("the optional field treats blank as none and checks anything else", () => {
    expect(discountCodeField.parse(undefined)).toBeUndefined();
    expect(discountCodeField.parse("")).toBeUndefined();
    expect(discountCodeField.parse("  ")).toBeUndefined();
    expect(discountCodeField.parse(" SAVE10 ")).toBe("SAVE10");
    expect(discountCodeField.safeParse("s!").error?.issues[0]?.message).toBe(DISCOUNT_CODE_MESSAGE);
  });

  it("the Apply button requires a code", () => {
    expect(discountCheckSchema.parse({ code: " SAVE10 " })).toEqual({ code: "SAVE10" });
    for (const input of [{}, { code: "" }, { code: "   " }]) {
      expect(discountCheckSchema.safeParse(input).error?.issues.map((i) => i.message)).toEqual([
        "Enter a discount code to apply.",
      ]);
    }
    expect(discountCheckSchema.safeParse({ code: "ab" }).error?.issues.map((i) => i.message)).toEqual([
      DISCOUNT_CODE_MESSAGE,
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { catalogProducts, PRODUCT_IDS } from "../../../creem-emulator/src/catalog";
import {
  localProductId,
  localProductIds,
  PAID_PLAN_KEYS,
  PLANS,
  PRODUCT_KEYS,
  productEnvName,
  productSpecs,
} from "@/lib/billing/plans";
import { serverEnvSchema } from "@/lib/env.schema";
import { testCatalog } from "../../support/catalog";

// lib/billing/plans.ts is the one place to add a plan. These checks keep what derives from it honest:
// the local CREEM sells the same products at the same prices, and every product has its env variable.

const PERIOD = { month: "every-month", year: "every-year", once: "once" } as const;

describe("the plan catalog and the local CREEM agree", () => {
  it("every product of plans.ts is seeded in the local CREEM with the same name, price, period and trial", () => {
    const seeded = new Map(catalogProducts().map((p) => [p.id, p]));
    for (const spec of productSpecs()) {
      const product = seeded.get(localProductId(spec.key));
      expect(product, `${spec.key} is missing from creem-emulator/src/catalog.ts`).toBeDefined();
      expect({
        name: product!.name,
        price: product!.price,
        currency: product!.currency,
        period: product!.billing_period,
        trial: product!.trial_period_days ?? 0,
      }).toEqual({
        name: spec.name,
        price: spec.amount,
        currency: spec.currency,
        period: PERIOD[spec.interval],
        trial: spec.trialDays,
      });
    }
  });

  it("the local CREEM sells nothing the catalog does not know", () => {
    expect(Object.values(PRODUCT_IDS).sort()).toEqual(Object.values(localProductIds()).sort());
  });

  it("the push command gets one product spec per product key, the no-trial products included", () => {
    const keys = productSpecs().map((spec) => spec.key);
    expect([...keys].sort()).toEqual([...PRODUCT_KEYS].sort());
    expect(keys).toContain("starterMonthlyNoTrial");
  });

  it("a one-time plan with a license comes with a license key of the same activation limit", () => {
    for (const spec of productSpecs().filter((s) => s.licenseActivations)) {
      const product = catalogProducts().find((p) => p.id === localProductId(spec.key))!;
      const feature = product.features.find((f) => f.type === "licenseKey");
      expect(feature?.activation_limit).toBe(spec.licenseActivations);
    }
  });
});

describe("what derives from plans.ts", () => {
  it("paid plan keys, product keys and env variables", () => {
    expect(PAID_PLAN_KEYS).toEqual(PLANS.filter((p) => p.prices.length > 0).map((p) => p.key));
    expect(new Set(PRODUCT_KEYS).size).toBe(PRODUCT_KEYS.length);
    expect(productEnvName("teamYearly")).toBe("CREEM_PRODUCT_TEAM_YEARLY");
    expect(productEnvName("starterMonthlyNoTrial")).toBe("CREEM_PRODUCT_STARTER_MONTHLY_NO_TRIAL");
    expect(localProductId("proMonthly")).toBe("prod_local_pro_monthly");
  });

  it("every product has an env variable, defaulting to the local CREEM's id, overridable", () => {
    const base = { DATABASE_URL: "postgresql://u:p@localhost:5432/db" };
    const defaults = serverEnvSchema.parse(base);
    expect(defaults.CREEM_PRODUCT_IDS).toEqual(localProductIds());
    const custom = serverEnvSchema.parse({ ...base, CREEM_PRODUCT_TEAM_YEARLY: "prod_live_team_y" });
    expect(custom.CREEM_PRODUCT_IDS.teamYearly).toBe("prod_live_team_y");
    expect(() => serverEnvSchema.parse({ ...base, CREEM_PRODUCT_LIFETIME: "not-a-product" })).toThrow();
  });

  it("a plan is highlighted, sold once or on trial only when its entry says so", () => {
    const plans = testCatalog.plans;
    expect(plans.filter((p) => p.highlighted).map((p) => p.key)).toEqual(["pro"]);
    expect(plans.filter((p) => p.oneTime).map((p) => p.key)).toEqual(["lifetime"]);
    expect(Object.fromEntries(plans.map((p) => [p.key, p.trialDays]))).toEqual({
      free: 0,
      starter: 14,
      pro: 0,
      team: 0,
      lifetime: 0,
    });
  });

  it(".env.example lists every product variable", async () => {
    const { readFileSync } = await import("node:fs");
    const example = readFileSync(new URL("../../../.env.example", import.meta.url), "utf8");
    for (const key of PRODUCT_KEYS) expect(example).toContain(`${productEnvName(key)}=`);
  });
});

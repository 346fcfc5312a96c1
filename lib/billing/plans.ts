// Plans, prices and features in one typed place. CREEM product ids come from configuration
// (lib/billing/catalog.ts reads them from env), so the same code runs against test and live products.
// Prices here are for display; CREEM charges what the product says, so keep them in step.

export const FEATURES = {
  dashboard: "Dashboard",
  reports: "Reports and exports",
  api: "API access",
  priority_support: "Priority support",
  team: "Team seats and roles",
  license: "Self-hosted license key",
} as const;
export type Feature = keyof typeof FEATURES;

export type PlanKey = "free" | "starter" | "pro" | "team" | "lifetime";
export type BillingInterval = "month" | "year" | "once";

export type PlanProductKey =
  "starterMonthly" | "proMonthly" | "proYearly" | "teamMonthly" | "teamYearly" | "lifetime";
export type ProductIds = Record<PlanProductKey, string>;

export type PlanPrice = {
  productId: string;
  interval: BillingInterval;
  /** Minor units (cents); per seat when the plan is per-seat. */
  amount: number;
  currency: "USD" | "EUR";
};

export type Plan = {
  key: PlanKey;
  name: string;
  description: string;
  /** Higher rank wins when a user holds several plans. */
  rank: number;
  features: readonly Feature[];
  prices: readonly PlanPrice[];
  perSeat?: boolean;
  trialDays?: number;
  highlighted?: boolean;
};

export type PlanCatalog = {
  plans: readonly Plan[];
  free: Plan;
  byKey: (key: PlanKey) => Plan;
  /** The plan and price a CREEM product id belongs to, or undefined for a product the app does not sell. */
  byProductId: (productId: string) => { plan: Plan; price: PlanPrice } | undefined;
};

export function createPlanCatalog(ids: ProductIds): PlanCatalog {
  const free: Plan = {
    key: "free",
    name: "Free",
    description: "For trying things out.",
    rank: 0,
    features: ["dashboard"],
    prices: [],
  };
  const plans: Plan[] = [
    free,
    {
      key: "starter",
      name: "Starter",
      description: "For individuals getting started.",
      rank: 1,
      features: ["dashboard", "reports"],
      prices: [{ productId: ids.starterMonthly, interval: "month", amount: 900, currency: "USD" }],
      trialDays: 14,
    },
    {
      key: "pro",
      name: "Pro",
      description: "For professionals who need everything.",
      rank: 2,
      features: ["dashboard", "reports", "api", "priority_support"],
      prices: [
        { productId: ids.proMonthly, interval: "month", amount: 1900, currency: "USD" },
        { productId: ids.proYearly, interval: "year", amount: 19000, currency: "USD" },
      ],
      highlighted: true,
    },
    {
      key: "team",
      name: "Team",
      description: "For teams that work together. Priced per seat.",
      rank: 3,
      features: ["dashboard", "reports", "api", "priority_support", "team"],
      prices: [
        { productId: ids.teamMonthly, interval: "month", amount: 1200, currency: "USD" },
        { productId: ids.teamYearly, interval: "year", amount: 12000, currency: "USD" },
      ],
      perSeat: true,
    },
    {
      key: "lifetime",
      name: "Lifetime",
      description: "Pay once, use forever, with a license key for self-hosting.",
      rank: 2,
      features: ["dashboard", "reports", "api", "license"],
      prices: [{ productId: ids.lifetime, interval: "once", amount: 29900, currency: "USD" }],
    },
  ];
  const byProduct = new Map<string, { plan: Plan; price: PlanPrice }>();
  for (const plan of plans) for (const price of plan.prices) byProduct.set(price.productId, { plan, price });
  return {
    plans,
    free,
    byKey: (key) => plans.find((p) => p.key === key) ?? free,
    byProductId: (productId) => byProduct.get(productId),
  };
}

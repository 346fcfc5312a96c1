// The one place to add or change a plan. To add one:
//   1. Add it to PLANS below (features, prices; `perSeat` and `seats` for team plans; a trial, with the
//      product to sell instead once a customer has had their trial).
//   2. Add a `CREEM_PRODUCT_<KEY>` line per product key to .env.example (the names are derived from the
//      keys: `teamYearly` -> CREEM_PRODUCT_TEAM_YEARLY; defaults are the local CREEM's `prod_local_team_yearly`).
//   3. Add the product to the local CREEM's catalog (creem-emulator/src/catalog.ts; a test checks that
//      the two agree), and run `npm run creem:push-catalog` to create it in your CREEM account.
// Everything else (plan keys, product keys, env entries, seat limits, pricing cards, checkout input)
// derives from this file. Prices are what CREEM charges for the product: keep them equal (the push
// command and the operator console flag a difference).

export const FEATURES = {
  dashboard: "Dashboard",
  reports: "Reports and exports",
  api: "API access",
  priority_support: "Priority support",
  team: "Team seats and roles",
  license: "Self-hosted license key",
} as const;
export type Feature = keyof typeof FEATURES;

/** The most seats any plan sells; more is a conversation with sales. */
export const MAX_SEATS = 100;

export type BillingInterval = "month" | "year" | "once";

type PriceDefinition = {
  /** Names the CREEM product: its env variable and its local CREEM id derive from it. */
  product: string;
  interval: BillingInterval;
  /** Minor units (cents); per seat when the plan is per-seat. */
  amount: number;
  currency: "USD" | "EUR";
  /** A free trial, once per customer; the product sold instead to a customer who had one. */
  trial?: { days: number; productWithoutTrial: string };
};

type PlanDefinition = {
  key: string;
  name: string;
  description: string;
  /** Higher rank wins when a user holds several plans. */
  rank: number;
  features: readonly Feature[];
  prices: readonly PriceDefinition[];
  /** Priced per seat, from `seats.min` to `seats.max` seats; other plans are for one person. */
  perSeat?: boolean;
  seats?: { min: number; max: number };
  highlighted?: boolean;
  /** Sold once with a license key for self-hosting, for this many devices. */
  license?: { activations: number };
};

export const PLANS = [
  {
    key: "free",
    name: "Free",
    description: "For trying things out.",
    rank: 0,
    features: ["dashboard"],
    prices: [],
  },
  {
    key: "starter",
    name: "Starter",
    description: "For individuals getting started.",
    rank: 1,
    features: ["dashboard", "reports"],
    prices: [
      {
        product: "starterMonthly",
        interval: "month",
        amount: 900,
        currency: "USD",
        trial: { days: 14, productWithoutTrial: "starterMonthlyNoTrial" },
      },
    ],
  },
  {
    key: "pro",
    name: "Pro",
    description: "For professionals who need everything.",
    rank: 2,
    features: ["dashboard", "reports", "api", "priority_support"],
    prices: [
      { product: "proMonthly", interval: "month", amount: 1900, currency: "USD" },
      { product: "proYearly", interval: "year", amount: 19000, currency: "USD" },
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
      { product: "teamMonthly", interval: "month", amount: 1200, currency: "USD" },
      { product: "teamYearly", interval: "year", amount: 12000, currency: "USD" },
    ],
    perSeat: true,
    seats: { min: 1, max: MAX_SEATS },
  },
  {
    key: "lifetime",
    name: "Lifetime",
    description: "Pay once, use forever, with a license key for self-hosting.",
    rank: 2,
    features: ["dashboard", "reports", "api", "license"],
    prices: [{ product: "lifetime", interval: "once", amount: 29900, currency: "USD" }],
    license: { activations: 3 },
  },
] as const satisfies readonly PlanDefinition[];

type PlanEntry = (typeof PLANS)[number];
export type PlanKey = PlanEntry["key"];
type PaidEntry = Extract<PlanEntry, { prices: readonly [unknown, ...unknown[]] }>;
export type PaidPlanKey = PaidEntry["key"];
type PriceEntry = PaidEntry["prices"][number];
type TrialProduct = Extract<PriceEntry, { trial: unknown }>["trial"]["productWithoutTrial"];
/** Every CREEM product the plans sell. */
export type PlanProductKey = PriceEntry["product"] | TrialProduct;
export type ProductIds = Record<PlanProductKey, string>;

export const PAID_PLAN_KEYS = PLANS.filter((plan) => plan.prices.length > 0).map((plan) => plan.key) as [
  PaidPlanKey,
  ...PaidPlanKey[],
];

export const PRODUCT_KEYS: readonly PlanProductKey[] = PLANS.flatMap((plan) =>
  plan.prices.flatMap((price: PriceDefinition) => [
    price.product as PlanProductKey,
    ...(price.trial ? [price.trial.productWithoutTrial as PlanProductKey] : []),
  ]),
);

const snake = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();

/** `teamYearly` -> `CREEM_PRODUCT_TEAM_YEARLY`. */
export function productEnvName(key: PlanProductKey): string {
  return `CREEM_PRODUCT_${snake(key).toUpperCase()}`;
}

/** `teamYearly` -> `prod_local_team_yearly`: the id of the product in the local CREEM's catalog. */
export function localProductId(key: PlanProductKey): string {
  return `prod_local_${snake(key)}`;
}

export type PlanPrice = {
  productId: string;
  interval: BillingInterval;
  amount: number;
  currency: "USD" | "EUR";
  /** Trial days on `productId`; `productIdWithoutTrial` is the same price without one. */
  trialDays?: number;
  productIdWithoutTrial?: string;
};

export type Plan = {
  key: PlanKey;
  name: string;
  description: string;
  rank: number;
  features: readonly Feature[];
  prices: readonly PlanPrice[];
  perSeat: boolean;
  /** Seats a subscription of this plan may have: 1 to 1 unless the plan is per-seat. */
  seats: { min: number; max: number };
  highlighted: boolean;
  /** Activations of the license key that comes with the plan, when it comes with one. */
  licenseActivations?: number;
  /** The longest free trial among the plan's prices (0: none), for the pricing card. */
  trialDays: number;
  /** Sold once (no subscription). */
  oneTime: boolean;
};

export type PlanCatalog = {
  plans: readonly Plan[];
  free: Plan;
  byKey: (key: PlanKey) => Plan;
  /**
   * The plan and price a CREEM product id belongs to (the product without a trial maps to the same
   * price), or undefined for a product the app does not sell.
   */
  byProductId: (productId: string) => ProductEntry | undefined;
};

/** A CREEM product the app sells: its plan and price, and whether this product starts with a trial. */
export type ProductEntry = { plan: Plan; price: PlanPrice; trialDays: number };

export function createPlanCatalog(ids: ProductIds): PlanCatalog {
  const plans: Plan[] = PLANS.map((entry) => {
    const definition: PlanDefinition = entry;
    const prices = definition.prices.map((price): PlanPrice => ({
      productId: ids[price.product as PlanProductKey],
      interval: price.interval,
      amount: price.amount,
      currency: price.currency,
      ...(price.trial
        ? {
            trialDays: price.trial.days,
            productIdWithoutTrial: ids[price.trial.productWithoutTrial as PlanProductKey],
          }
        : {}),
    }));
    return {
      key: entry.key,
      name: definition.name,
      description: definition.description,
      rank: definition.rank,
      features: definition.features,
      prices,
      perSeat: definition.perSeat ?? false,
      seats: definition.seats ?? { min: 1, max: 1 },
      highlighted: definition.highlighted ?? false,
      licenseActivations: definition.license?.activations,
      trialDays: Math.max(0, ...prices.map((p) => p.trialDays ?? 0)),
      // Stryker disable next-line MethodExpression: no plan mixes one-time and recurring prices, so `some` agrees
      oneTime: prices.length > 0 && prices.every((p) => p.interval === "once"),
    };
  });
  // Stryker disable next-line ConditionalExpression: the free plan is PLANS' first entry, so any first plan is it
  const free = plans.find((p) => p.prices.length === 0)!;
  const byProduct = new Map<string, ProductEntry>();
  for (const plan of plans) {
    for (const price of plan.prices) {
      byProduct.set(price.productId, { plan, price, trialDays: price.trialDays ?? 0 });
      // Stryker disable next-line ConditionalExpression: an entry under `undefined` is never found by a product id
      if (price.productIdWithoutTrial)
        byProduct.set(price.productIdWithoutTrial, { plan, price, trialDays: 0 });
    }
  }
  return {
    plans,
    free,
    byKey: (key) => plans.find((p) => p.key === key) ?? free,
    byProductId: (productId) => byProduct.get(productId),
  };
}

/** The catalog with every product at its local CREEM id (the defaults of the env variables). */
export function localProductIds(): ProductIds {
  return Object.fromEntries(PRODUCT_KEYS.map((key) => [key, localProductId(key)])) as ProductIds;
}

/** One CREEM product the catalog needs, as `npm run creem:push-catalog` creates it in CREEM. */
export type ProductSpec = {
  key: PlanProductKey;
  planKey: PlanKey;
  /** The product's name in CREEM: how the push command recognises it on a second run. */
  name: string;
  description: string;
  amount: number;
  currency: "USD" | "EUR";
  interval: BillingInterval;
  trialDays: number;
  licenseActivations?: number;
};

/** Every product of the catalog, derived from PLANS (the local CREEM's seeded catalog must agree). */
export function productSpecs(): ProductSpec[] {
  return PLANS.flatMap((entry) => {
    const plan: PlanDefinition = entry;
    return plan.prices.flatMap((price) => {
      const base = {
        planKey: entry.key,
        description: plan.description,
        amount: price.amount,
        currency: price.currency,
        interval: price.interval,
        licenseActivations: plan.license?.activations,
      };
      const name = price.interval === "year" ? `${plan.name} (yearly)` : plan.name;
      const specs: ProductSpec[] = [
        { ...base, key: price.product as PlanProductKey, name, trialDays: price.trial?.days ?? 0 },
      ];
      if (price.trial) {
        specs.push({
          ...base,
          key: price.trial.productWithoutTrial as PlanProductKey,
          name: `${name} (no trial)`,
          trialDays: 0,
        });
      }
      return specs;
    });
  });
}

import type { DiscountRecord, ProductRecord } from "./state/types";

// The seeded catalog: fixed ids so the app's defaults and tests can refer to them. All USD, tax exclusive.

export const PRODUCT_IDS = {
  starterMonthly: "prod_local_starter_monthly",
  starterMonthlyNoTrial: "prod_local_starter_monthly_no_trial",
  proMonthly: "prod_local_pro_monthly",
  proYearly: "prod_local_pro_yearly",
  teamMonthly: "prod_local_team_monthly",
  teamYearly: "prod_local_team_yearly",
  lifetime: "prod_local_lifetime",
} as const;

export const DISCOUNT_IDS = {
  launch20: "dis_local_launch20",
  save5: "dis_local_save5",
} as const;

export const DISCOUNT_CODES = {
  launch20: "LAUNCH20",
  save5: "SAVE5",
} as const;

export const LIFETIME_LICENSE_FEATURE_ID = "feat_local_lifetime_license";
export const LIFETIME_ACTIVATION_LIMIT = 3;

/** A fixed timestamp so a re-seed does not change the catalog. */
const SEEDED_AT = "2025-01-01T00:00:00.000Z";

type ProductSeed = Pick<
  ProductRecord,
  "id" | "name" | "description" | "price" | "billing_type" | "billing_period" | "trial_period_days"
> &
  Partial<Pick<ProductRecord, "features">>;

const PRODUCT_SEEDS: ProductSeed[] = [
  {
    id: PRODUCT_IDS.starterMonthly,
    name: "Starter",
    description: "For individuals getting started. 14-day free trial.",
    price: 900,
    billing_type: "recurring",
    billing_period: "every-month",
    trial_period_days: 14,
  },
  {
    // The same price without the trial, for a customer who already had one (the app sells it then).
    id: PRODUCT_IDS.starterMonthlyNoTrial,
    name: "Starter (no trial)",
    description: "For individuals getting started.",
    price: 900,
    billing_type: "recurring",
    billing_period: "every-month",
  },
  {
    id: PRODUCT_IDS.proMonthly,
    name: "Pro",
    description: "Everything in Starter, plus priority support.",
    price: 1900,
    billing_type: "recurring",
    billing_period: "every-month",
  },
  {
    id: PRODUCT_IDS.proYearly,
    name: "Pro (yearly)",
    description: "Pro, billed yearly.",
    price: 19000,
    billing_type: "recurring",
    billing_period: "every-year",
  },
  {
    id: PRODUCT_IDS.teamMonthly,
    name: "Team",
    description: "Pro for teams, priced per seat.",
    price: 1200,
    billing_type: "recurring",
    billing_period: "every-month",
  },
  {
    id: PRODUCT_IDS.teamYearly,
    name: "Team (yearly)",
    description: "Team, billed yearly per seat.",
    price: 12000,
    billing_type: "recurring",
    billing_period: "every-year",
  },
  {
    id: PRODUCT_IDS.lifetime,
    name: "Lifetime",
    description: "Pay once, use forever. Includes a license key for up to 3 devices.",
    price: 29900,
    billing_type: "onetime",
    billing_period: "once",
    features: [
      {
        id: LIFETIME_LICENSE_FEATURE_ID,
        type: "licenseKey",
        description: `License key (${LIFETIME_ACTIVATION_LIMIT} activations)`,
        activation_limit: LIFETIME_ACTIVATION_LIMIT,
      },
    ],
  },
];

export function catalogProducts(): ProductRecord[] {
  return PRODUCT_SEEDS.map((seed) => ({
    ...seed,
    features: seed.features ?? [],
    currency: "USD",
    status: "active",
    tax_mode: "exclusive",
    tax_category: "saas",
    default_success_url: null,
    price_id: seed.id.replace(/^prod_/, "pprice_"),
    created_at: SEEDED_AT,
    updated_at: SEEDED_AT,
  }));
}

export function catalogDiscounts(): DiscountRecord[] {
  const allProducts = Object.values(PRODUCT_IDS);
  return [
    {
      id: DISCOUNT_IDS.launch20,
      name: "Launch 20% off",
      code: DISCOUNT_CODES.launch20,
      type: "percentage",
      percentage: 20,
      status: "active",
      duration: "forever",
      applies_to_products: allProducts,
      redeem_count: 0,
      created_at: SEEDED_AT,
    },
    {
      id: DISCOUNT_IDS.save5,
      name: "$5 off your first payment",
      code: DISCOUNT_CODES.save5,
      type: "fixed",
      amount: 500,
      currency: "USD",
      status: "active",
      duration: "once",
      applies_to_products: allProducts,
      redeem_count: 0,
      created_at: SEEDED_AT,
    },
  ];
}

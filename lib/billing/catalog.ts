import "server-only";
import { env } from "@/lib/env";
import { createPlanCatalog } from "@/lib/billing/plans";

/** The app's plans with the CREEM product ids configured for this deployment. */
export const catalog = createPlanCatalog({
  starterMonthly: env.CREEM_PRODUCT_STARTER_MONTHLY,
  proMonthly: env.CREEM_PRODUCT_PRO_MONTHLY,
  proYearly: env.CREEM_PRODUCT_PRO_YEARLY,
  teamMonthly: env.CREEM_PRODUCT_TEAM_MONTHLY,
  teamYearly: env.CREEM_PRODUCT_TEAM_YEARLY,
  lifetime: env.CREEM_PRODUCT_LIFETIME,
});

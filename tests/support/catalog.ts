import { createPlanCatalog } from "@/lib/billing/plans";

/** A plan catalog with short, fixed product ids for pure tests. */
export const testCatalog = createPlanCatalog({
  starterMonthly: "prod_starter",
  starterMonthlyNoTrial: "prod_starter_nt",
  proMonthly: "prod_pro_m",
  proYearly: "prod_pro_y",
  teamMonthly: "prod_team_m",
  teamYearly: "prod_team_y",
  lifetime: "prod_life",
});

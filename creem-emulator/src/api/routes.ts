import type { Ctx } from "../context";
import type { Router } from "../http/router";
import { registerCheckoutRoutes } from "./checkouts";
import { registerCustomerRoutes } from "./customers";
import { registerDiscountRoutes } from "./discounts";
import { registerLicenseRoutes } from "./licenses";
import { registerProductRoutes } from "./products";
import { registerStatsRoutes } from "./stats";
import { registerSubscriptionRoutes } from "./subscriptions";
import { registerTransactionRoutes } from "./transactions";

/** Every endpoint of the CREEM API under /v1. */
export function registerApiRoutes(router: Router, ctx: Ctx): void {
  registerCheckoutRoutes(router, ctx);
  registerProductRoutes(router, ctx);
  registerCustomerRoutes(router, ctx);
  registerSubscriptionRoutes(router, ctx);
  registerLicenseRoutes(router, ctx);
  registerDiscountRoutes(router, ctx);
  registerTransactionRoutes(router, ctx);
  registerStatsRoutes(router, ctx);
}

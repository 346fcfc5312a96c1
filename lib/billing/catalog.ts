import "server-only";
import { env } from "@/lib/env";
import { createPlanCatalog } from "./plans";

/** The app's plans with the CREEM product ids configured for this deployment (CREEM_PRODUCT_*). */
export const catalog = createPlanCatalog(env.CREEM_PRODUCT_IDS);

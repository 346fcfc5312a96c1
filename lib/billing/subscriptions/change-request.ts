import type { PlanCatalog } from "@/lib/billing/plans";
import { refusalFor } from "@/lib/billing/subscription-status";
import { billingLabel, type SubscriptionView } from "./view";

// `/dashboard/billing?change=<productId>`: the pricing page sends subscribers here to switch plans. The
// plan is preselected when the switch is possible; otherwise the page says why.

export type ChangeRequest = {
  preselect?: string;
  notice?: { tone: "info" | "warning"; text: string; showPricing?: boolean };
};

export function readChangeRequest(
  raw: string | string[] | undefined,
  subscription: SubscriptionView | undefined,
  catalog: PlanCatalog,
): ChangeRequest {
  const productId = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!productId) return {};
  const target = catalog.byProductId(productId);
  if (!target || target.price.interval === "once") {
    return {
      notice: {
        tone: "warning",
        text: "The plan you picked is not available as a subscription change. Choose one of the plans below.",
        showPricing: !subscription,
      },
    };
  }
  const name = `${target.plan.name} (${billingLabel(target.price.interval).toLowerCase()})`;
  if (!subscription || subscription.ended) {
    return {
      notice: {
        tone: "info",
        text: `You do not have a subscription to change. Subscribe to ${name} from the pricing page.`,
        showPricing: true,
      },
    };
  }
  if (subscription.productId === productId) {
    return { notice: { tone: "info", text: `You are already on ${name}.` } };
  }
  const refusal = refusalFor("change", subscription.status);
  if (refusal) return { notice: { tone: "warning", text: refusal } };
  if (!target.plan.perSeat && subscription.seats > 1) {
    const text = `${target.plan.name} is for one person. Reduce your seats to 1 first, then switch.`;
    return { notice: { tone: "warning", text } };
  }
  return {
    preselect: productId,
    notice: { tone: "info", text: `Review the switch to ${name} below, then confirm it.` },
  };
}

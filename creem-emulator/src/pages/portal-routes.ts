import { checkCard } from "../billing/cards";
import { updatePaymentMethod } from "../billing/renewal";
import { cancelSubscription, resumeSubscription } from "../billing/subscription-changes";
import type { Ctx } from "../context";
import { ApiError } from "../core/errors";
import { html, redirect, type RequestContext, type Router } from "../http/router";
import type { CustomerRecord, SubscriptionRecord } from "../state/types";
import { readCard } from "./card-fields";
import { renderCardPage, renderPortal } from "./portal-view";

const PORTAL = "/my-orders/login/:token";

interface PortalSession {
  customer: CustomerRecord;
  base: string;
}

function session(ctx: Ctx, req: RequestContext): PortalSession {
  const token = req.params.token ?? "";
  const customerId = ctx.store.state.portal_tokens[token];
  const customer = customerId ? ctx.store.state.customers[customerId] : undefined;
  if (!customer)
    throw new ApiError(404, [
      "This billing link is invalid or has expired. Open billing again from the app.",
    ]);
  return { customer, base: `/my-orders/login/${encodeURIComponent(token)}` };
}

/** Only the portal customer's own subscriptions. */
function ownSubscription(ctx: Ctx, req: RequestContext, customer: CustomerRecord): SubscriptionRecord {
  const s = ctx.store.state.subscriptions[req.params.id ?? ""];
  if (!s || s.customer_id !== customer.id) throw new ApiError(404, ["Subscription not found."]);
  return s;
}

const withNotice = (base: string, notice: string) => `${base}?notice=${encodeURIComponent(notice)}`;

export function registerPortalPages(router: Router, ctx: Ctx): void {
  router.add("GET", PORTAL, "page", (req) => {
    const { customer, base } = session(ctx, req);
    return html(renderPortal(ctx, base, customer, req.query.get("notice") ?? undefined));
  });

  router.add("POST", `${PORTAL}/subscriptions/:id/cancel`, "page", (req) => {
    const { customer, base } = session(ctx, req);
    cancelSubscription(ctx, ownSubscription(ctx, req, customer), { mode: "scheduled" });
    return redirect(withNotice(base, "Your subscription will be canceled at the end of the billing period."));
  });

  router.add("POST", `${PORTAL}/subscriptions/:id/resume`, "page", (req) => {
    const { customer, base } = session(ctx, req);
    resumeSubscription(ctx, ownSubscription(ctx, req, customer));
    return redirect(withNotice(base, "Your subscription has been resumed."));
  });

  router.add("GET", `${PORTAL}/subscriptions/:id/card`, "page", (req) => {
    const { customer, base } = session(ctx, req);
    return html(renderCardPage(ctx, base, ownSubscription(ctx, req, customer)));
  });

  router.add("POST", `${PORTAL}/subscriptions/:id/card`, "page", (req) => {
    const { customer, base } = session(ctx, req);
    const s = ownSubscription(ctx, req, customer);
    const card = readCard(new URLSearchParams(req.body));
    const result = checkCard(card);
    if (!result.ok) {
      return html(
        renderCardPage(ctx, base, s, result.message, { values: card, errorField: result.field }),
        402,
      );
    }
    const wasPastDue = s.status === "past_due";
    updatePaymentMethod(ctx, s, result.last4);
    return redirect(
      withNotice(
        base,
        wasPastDue ? "Your card has been updated and the payment succeeded." : "Your card has been updated.",
      ),
    );
  });
}

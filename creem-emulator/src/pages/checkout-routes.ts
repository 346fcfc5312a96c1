import { z } from "zod";
import { checkCard } from "../billing/cards";
import { applyDiscountCode, lockedEmail, refreshExpiry } from "../billing/checkout-session";
import { completeCheckout } from "../billing/purchase";
import type { Ctx } from "../context";
import { ApiError, notFound } from "../core/errors";
import { html, redirect, type HttpResult, type RequestContext, type Router } from "../http/router";
import type { CheckoutRecord, CustomFieldRecord } from "../state/types";
import { readCard } from "./card-fields";
import { renderCheckoutPage, type CheckoutViewState } from "./checkout-view";
import { escapeHtml, messagePage } from "./layout";

function findCheckout(ctx: Ctx, req: RequestContext): CheckoutRecord {
  const checkout = ctx.store.state.checkouts[req.params.checkoutId ?? ""];
  if (!checkout || checkout.product_id !== req.params.productId) throw notFound("Checkout");
  return refreshExpiry(checkout);
}

/** Completed and expired checkouts get an explanation instead of the form. */
function closedPage(checkout: CheckoutRecord, status: number): HttpResult | undefined {
  if (checkout.status === "completed") {
    return html(
      messagePage(
        "This checkout is already paid",
        "The payment for this checkout went through. You can close this page.",
      ),
      status,
    );
  }
  if (checkout.status === "expired") {
    return html(
      messagePage(
        "This checkout has expired",
        "Checkout links are valid for 24 hours. Start a new checkout from the app.",
      ),
      410,
    );
  }
  return undefined;
}

function readCustomFields(checkout: CheckoutRecord, form: URLSearchParams) {
  const values: Record<string, string> = {};
  const filled: CustomFieldRecord[] = [];
  let missing: string | undefined;
  for (const field of checkout.custom_fields ?? []) {
    const raw = (form.get(`custom_${field.key}`) ?? "").trim();
    values[field.key] = raw;
    if (!raw && !field.optional) missing ??= field.label;
    filled.push(
      field.type === "checkbox"
        ? { ...field, checkbox: { ...field.checkbox, value: raw === "on" } }
        : { ...field, text: { ...field.text, value: raw } },
    );
  }
  return { values, filled, missing };
}

function pay(ctx: Ctx, checkout: CheckoutRecord, form: URLSearchParams): HttpResult {
  const card = readCard(form);
  const custom = readCustomFields(checkout, form);
  const email = (lockedEmail(ctx.store, checkout) ?? form.get("email") ?? "").trim();
  const values = { ...card, email, custom: custom.values };
  const rerender = (state: CheckoutViewState, status: number) =>
    html(renderCheckoutPage(ctx, checkout, { values, ...state }), status);

  if (!z.email().safeParse(email).success) {
    return rerender({ error: "Enter a valid email address.", errorField: "email" }, 400);
  }
  if (custom.missing)
    return rerender({ error: `Fill in “${custom.missing}”.`, errorField: "custom_field" }, 400);
  const result = checkCard(card);
  if (!result.ok) return rerender({ error: result.message, errorField: result.field }, 402);
  try {
    const purchase = completeCheckout(ctx, checkout, {
      email,
      name: card.name.trim(),
      cardLast4: result.last4,
      ...(checkout.custom_fields ? { customFields: custom.filled } : {}),
    });
    return redirect(purchase.redirectUrl);
  } catch (error) {
    if (error instanceof ApiError && error.status === 400)
      return rerender({ error: error.messages.join(" ") }, 400);
    throw error;
  }
}

export function registerCheckoutPages(router: Router, ctx: Ctx): void {
  router.add("GET", "/test/checkout/success", "page", (req) => {
    const rows = [...req.query]
      .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd><code>${escapeHtml(v)}</code></dd>`)
      .join("");
    return html(
      messagePage(
        "Payment successful",
        "The checkout had no success_url, so the emulator shows its own page. These are the return parameters:",
        `<dl class="summary">${rows}</dl>`,
      ),
    );
  });

  router.add("GET", "/test/checkout/:productId/:checkoutId", "page", (req) => {
    const checkout = findCheckout(ctx, req);
    return closedPage(checkout, 200) ?? html(renderCheckoutPage(ctx, checkout));
  });

  router.add("POST", "/test/checkout/:productId/:checkoutId", "page", (req) => {
    const checkout = findCheckout(ctx, req);
    const closed = closedPage(checkout, 409);
    if (closed) return closed;
    const form = new URLSearchParams(req.body);
    if (form.get("action") === "apply_discount") {
      try {
        applyDiscountCode(ctx.store, checkout, form.get("discount_code") ?? "");
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        return html(renderCheckoutPage(ctx, checkout, { discountError: error.messages.join(" ") }), 400);
      }
      return redirect(req.path);
    }
    return pay(ctx, checkout, form);
  });
}

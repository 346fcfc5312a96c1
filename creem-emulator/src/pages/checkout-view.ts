import type { CardInput } from "../billing/cards";
import { lockedEmail } from "../billing/checkout-session";
import { priceCharge } from "../billing/pricing";
import type { Ctx } from "../context";
import { formatMoney } from "../core/money";
import type { CheckoutRecord, CustomFieldRecord } from "../state/types";
import { cardFields, TEST_CARD_HINT, type CardFormState } from "./card-fields";
import { alertBox, escapeHtml, page } from "./layout";
import { priceLabel } from "./format";

export interface CheckoutViewState {
  /** Payment problem, shown in the payment form with role="alert". */
  error?: string;
  errorField?: CardFormState["errorField"] | "email" | "custom_field";
  discountError?: string;
  values?: Partial<CardInput> & { email?: string; custom?: Record<string, string> };
}

/** Amounts as the page shows them; a trial charges nothing today. */
export function checkoutTotals(ctx: Ctx, checkout: CheckoutRecord) {
  const product = ctx.store.product(checkout.product_id);
  const discount = checkout.discount_id ? ctx.store.state.discounts[checkout.discount_id] : undefined;
  const trialDays = product.billing_type === "recurring" ? (product.trial_period_days ?? 0) : 0;
  const charge = priceCharge(product.price * checkout.units, discount);
  return { product, discount, trialDays, charge, dueToday: trialDays > 0 ? 0 : charge.amount };
}

function summary(ctx: Ctx, checkout: CheckoutRecord): string {
  const { product, discount, trialDays, charge, dueToday } = checkoutTotals(ctx, checkout);
  const money = (cents: number) => formatMoney(cents, product.currency);
  const rows = [
    `<dt>Price</dt><dd>${escapeHtml(priceLabel(product, product.price))}${checkout.units > 1 ? " per unit" : ""}</dd>`,
  ];
  if (checkout.units > 1) rows.push(`<dt>Units</dt><dd>${checkout.units}</dd>`);
  rows.push(`<dt>Subtotal</dt><dd>${money(charge.sub_total)}</dd>`);
  if (discount) {
    rows.push(`<dt>Discount (${escapeHtml(discount.code)})</dt><dd>−${money(charge.discount_amount)}</dd>`);
  }
  if (trialDays > 0) rows.push(`<dt>Free trial</dt><dd>${trialDays} days</dd>`);
  rows.push(
    `<dt class="total">Total due today</dt><dd class="total" data-testid="total">${money(dueToday)}</dd>`,
  );
  const after =
    trialDays > 0
      ? `<p class="hint">Then ${escapeHtml(priceLabel(product, charge.amount))} after the ${trialDays}-day trial.</p>`
      : "";
  return `<dl class="summary" aria-label="Order summary">${rows.join("")}</dl>${after}`;
}

function discountSection(ctx: Ctx, checkout: CheckoutRecord, state: CheckoutViewState): string {
  const discount = checkout.discount_id ? ctx.store.state.discounts[checkout.discount_id] : undefined;
  if (discount) return `<p role="status">Discount <strong>${escapeHtml(discount.code)}</strong> applied.</p>`;
  const invalid = state.discountError ? ' aria-invalid="true" aria-describedby="discount-error"' : "";
  return `<form method="post" class="inline">
<input type="hidden" name="action" value="apply_discount">
<div><label for="discount_code">Discount code</label><input type="text" id="discount_code" name="discount_code" autocomplete="off"${invalid}></div>
<button type="submit" class="secondary">Apply</button>
</form>${state.discountError ? `<div style="margin-top:.75rem">${alertBox(state.discountError, "discount-error")}</div>` : ""}`;
}

function customFieldInputs(fields: CustomFieldRecord[] | undefined, values: Record<string, string>): string {
  return (fields ?? [])
    .map((f) => {
      const id = `custom_${f.key}`;
      const required = f.optional ? "" : " required";
      if (f.type === "checkbox") {
        const checked = values[f.key] ? " checked" : "";
        return `<label class="check"><input type="checkbox" id="${escapeHtml(id)}" name="${escapeHtml(id)}" value="on"${checked}${required}> ${escapeHtml(f.checkbox?.label ?? f.label)}</label>`;
      }
      return `<label for="${escapeHtml(id)}">${escapeHtml(f.label)}${f.optional ? " (optional)" : ""}</label><input type="text" id="${escapeHtml(id)}" name="${escapeHtml(id)}" value="${escapeHtml(values[f.key] ?? "")}"${required}>`;
    })
    .join("\n");
}

export function renderCheckoutPage(
  ctx: Ctx,
  checkout: CheckoutRecord,
  state: CheckoutViewState = {},
): string {
  const { product, trialDays, dueToday } = checkoutTotals(ctx, checkout);
  const locked = lockedEmail(ctx.store, checkout);
  const email = locked ?? state.values?.email ?? "";
  const emailInvalid =
    state.errorField === "email" ? ' aria-invalid="true" aria-describedby="form-error"' : "";
  const cardState: CardFormState = { ...(state.values ? { values: state.values } : {}) };
  if (state.errorField && state.errorField !== "email" && state.errorField !== "custom_field") {
    cardState.errorField = state.errorField;
  }
  const button = trialDays > 0 ? "Start trial" : `Pay ${formatMoney(dueToday, product.currency)}`;
  return page(
    `Checkout – ${product.name}`,
    `<section class="card" aria-labelledby="product-name">
<h1 id="product-name">${escapeHtml(product.name)}</h1>
${product.description ? `<p class="muted">${escapeHtml(product.description)}</p>` : ""}
${summary(ctx, checkout)}
</section>
<section class="card" aria-label="Discount">${discountSection(ctx, checkout, state)}</section>
<form class="card" method="post" novalidate aria-labelledby="payment-heading">
<h2 id="payment-heading">Payment details</h2>
${alertBox(state.error)}
<input type="hidden" name="action" value="pay">
<label for="email">Email</label>
<input type="email" id="email" name="email" value="${escapeHtml(email)}" autocomplete="email" required${locked ? " readonly" : ""}${emailInvalid}>
${locked ? '<p class="hint">This checkout is for this email address.</p>' : ""}
${customFieldInputs(checkout.custom_fields, state.values?.custom ?? {})}
${cardFields(cardState)}
<button type="submit" class="wide">${escapeHtml(button)}</button>
${TEST_CARD_HINT}
</form>`,
  );
}

import { mainPrice } from "../billing/pricing";
import type { Ctx } from "../context";
import { formatMoney } from "../core/money";
import type { CustomerRecord, SubscriptionRecord } from "../state/types";
import { cardFields, TEST_CARD_HINT, type CardFormState } from "./card-fields";
import { alertBox, escapeHtml, noticeBox, page } from "./layout";
import { dateLabel, priceLabel } from "./format";

const STATUS_LABELS: Record<SubscriptionRecord["status"], string> = {
  active: "Active",
  trialing: "Trial",
  past_due: "Payment failed",
  paused: "Paused",
  scheduled_cancel: "Cancels at period end",
  canceled: "Canceled",
  unpaid: "Unpaid",
};

function action(base: string, path: string, label: string, style: string): string {
  return `<form method="post" action="${escapeHtml(`${base}/${path}`)}"><button type="submit" class="${style}">${label}</button></form>`;
}

function subscriptionCard(ctx: Ctx, base: string, s: SubscriptionRecord): string {
  const product = ctx.store.product(s.product_id);
  const price = mainPrice(ctx.store, s);
  const units = s.items.reduce((n, i) => n + i.units, 0);
  const sub = `${base}/subscriptions/${encodeURIComponent(s.id)}`;
  const periodLabel =
    s.status === "scheduled_cancel"
      ? "Access ends"
      : s.status === "trialing"
        ? "Trial ends"
        : "Current period ends";
  const actions: string[] = [];
  if (["active", "trialing", "past_due"].includes(s.status)) {
    actions.push(action(sub, "cancel", "Cancel subscription", "danger"));
  }
  if (s.status === "scheduled_cancel" || s.status === "paused") {
    actions.push(action(sub, "resume", "Resume subscription", ""));
  }
  if (s.status !== "canceled" && s.status !== "unpaid") {
    actions.push(`<a href="${escapeHtml(`${sub}/card`)}">Update card</a>`);
  }
  const titleId = `sub-${escapeHtml(s.id)}`;
  return `<section class="card" aria-labelledby="${titleId}">
<h2 id="${titleId}">${escapeHtml(product.name)}</h2>
${s.status === "past_due" ? alertBox("Your last payment failed. Update your card to retry the payment.", `${titleId}-alert`) : ""}
<dl class="summary">
<dt>Status</dt><dd>${STATUS_LABELS[s.status]}</dd>
<dt>Price</dt><dd>${escapeHtml(priceLabel(price, price.amount))}${units > 1 ? ` × ${units}` : ""}</dd>
${s.status === "canceled" ? "" : `<dt>${periodLabel}</dt><dd>${dateLabel(s.current_period_end_date)}</dd>`}
<dt>Card</dt><dd>•••• ${escapeHtml(s.card_last4)}</dd>
</dl>
${actions.length ? `<div class="actions">${actions.join("")}</div>` : ""}
</section>`;
}

function ordersTable(ctx: Ctx, customer: CustomerRecord): string {
  const orders = ctx.store.ordersOf(customer.id);
  if (orders.length === 0) return "<p>No orders yet.</p>";
  const rows = orders
    .map((o) => {
      const product = ctx.store.state.products[o.product_id];
      return `<tr><td>${dateLabel(o.created_at)}</td><td>${escapeHtml(product?.name ?? o.product_id)}</td><td>${formatMoney(o.amount, o.currency)}</td><td>${escapeHtml(o.status)}</td></tr>`;
    })
    .join("");
  return `<table><caption class="muted" style="text-align:left">Orders</caption><thead><tr><th scope="col">Date</th><th scope="col">Product</th><th scope="col">Amount</th><th scope="col">Status</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function renderPortal(ctx: Ctx, base: string, customer: CustomerRecord, notice?: string): string {
  const subscriptions = ctx.store.subscriptionsOf(customer.id);
  return page(
    "Billing",
    `<h1>Billing</h1>
<p class="muted">Signed in as ${escapeHtml(customer.email)}</p>
${noticeBox(notice)}
<h2>Subscriptions</h2>
${subscriptions.length ? subscriptions.map((s) => subscriptionCard(ctx, base, s)).join("\n") : '<p class="card">No subscriptions.</p>'}
<section class="card" aria-label="Orders">${ordersTable(ctx, customer)}</section>`,
  );
}

export function renderCardPage(
  ctx: Ctx,
  base: string,
  s: SubscriptionRecord,
  error?: string,
  state: CardFormState = {},
) {
  const product = ctx.store.product(s.product_id);
  return page(
    "Update card",
    `<form class="card" method="post" novalidate aria-labelledby="card-heading">
<h1 id="card-heading">Update card for ${escapeHtml(product.name)}</h1>
${s.status === "past_due" ? "<p>The failed payment is retried with the new card.</p>" : ""}
${alertBox(error)}
${cardFields(state)}
<button type="submit" class="wide">Update card</button>
${TEST_CARD_HINT}
</form>
<p><a href="${escapeHtml(base)}">Back to billing</a></p>`,
  );
}

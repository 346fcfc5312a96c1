import type { Ctx } from "../context";
import { addDays, iso } from "../core/clock";
import { ApiError, badRequest, conflict } from "../core/errors";
import { newId } from "../core/ids";
import type { Store } from "../state/store";
import type { CheckoutRecord, CustomFieldRecord } from "../state/types";
import { discountProblem } from "./pricing";

/** Unpaid checkouts expire after a day, like CREEM's hosted checkout sessions. */
const CHECKOUT_LIFETIME_DAYS = 1;

export interface CheckoutInput {
  product_id: string;
  request_id?: string;
  units?: number;
  discount_code?: string;
  customer?: { id?: string; email?: string; name?: string };
  custom_fields?: CustomFieldRecord[];
  success_url?: string;
  metadata?: Record<string, unknown>;
}

export function createCheckout(ctx: Ctx, input: CheckoutInput): CheckoutRecord {
  const { store } = ctx;
  const product = store.product(input.product_id);
  if (product.status !== "active") throw badRequest("Product is archived");
  if (input.customer?.id) store.customer(input.customer.id);
  const now = Date.now();
  const checkout: CheckoutRecord = {
    id: newId("ch"),
    product_id: product.id,
    status: "pending",
    units: input.units ?? 1,
    ...(input.request_id === undefined ? {} : { request_id: input.request_id }),
    ...(input.success_url === undefined ? {} : { success_url: input.success_url }),
    ...(input.metadata === undefined ? {} : { metadata: input.metadata }),
    ...(input.customer === undefined ? {} : { customer: input.customer }),
    ...((input.custom_fields ?? product.custom_fields)
      ? { custom_fields: input.custom_fields ?? product.custom_fields }
      : {}),
    created_at: iso(now),
    expires_at: iso(addDays(now, CHECKOUT_LIFETIME_DAYS)),
    license_ids: [],
  };
  if (input.discount_code) applyDiscountCode(store, checkout, input.discount_code);
  store.state.checkouts[checkout.id] = checkout;
  return checkout;
}

/** Attaches a discount by code, or throws a 400 saying why it cannot be used. */
export function applyDiscountCode(store: Store, checkout: CheckoutRecord, code: string): void {
  const discount = store.discountByCode(code);
  if (!discount) throw badRequest("This discount code is not valid.");
  const problem = discountProblem(discount, store.product(checkout.product_id));
  if (problem) throw badRequest(problem);
  checkout.discount_id = discount.id;
}

/** Marks a pending checkout past its lifetime as expired; returns the (possibly updated) checkout. */
export function refreshExpiry(checkout: CheckoutRecord, now = Date.now()): CheckoutRecord {
  if (checkout.status === "pending" && Date.parse(checkout.expires_at) <= now) checkout.status = "expired";
  return checkout;
}

export function assertPayable(checkout: CheckoutRecord): void {
  refreshExpiry(checkout);
  if (checkout.status === "completed") throw conflict("Checkout is already completed");
  if (checkout.status === "expired") throw new ApiError(410, ["Checkout has expired"]);
}

/** The email a checkout is locked to: its customer's email, when the checkout named one. */
export function lockedEmail(store: Store, checkout: CheckoutRecord): string | undefined {
  if (checkout.customer?.id) return store.state.customers[checkout.customer.id]?.email;
  return checkout.customer?.email;
}

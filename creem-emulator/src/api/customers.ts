// Customers: look up, list, create and update; a customer's subscriptions, orders and license keys; and
// customer portal links. Customers are also created on a first checkout (by email).
import { z } from "zod";
import type { Ctx } from "../context";
import { nowIso } from "../core/clock";
import { badRequest, notFound } from "../core/errors";
import { newId, newToken } from "../core/ids";
import { json, type Router } from "../http/router";
import { pageQuery, parseJson, queryObject, validate } from "../http/validation";
import type { CustomerRecord } from "../state/types";
import { wireCustomer } from "../wire/customer";
import { wireLicense } from "../wire/license";
import { wireOrder } from "../wire/order";
import { paginate } from "../wire/pagination";
import { wireSubscription } from "../wire/subscription";
import { metadataSchema } from "./schemas";

const getSchema = z.object({
  customer_id: z.string().min(1).optional(),
  email: z.string().min(1).optional(),
});

const createSchema = z.object({
  email: z.email(),
  name: z.string().min(1),
  metadata: metadataSchema.optional(),
  external_id: z.string().min(1).optional(),
});

const updateSchema = z.object({
  customer_id: z.string().min(1),
  name: z.string().min(1).optional(),
  email: z.email().optional(),
  metadata: metadataSchema.optional(),
  external_id: z.string().min(1).nullable().optional(),
});

export function portalLink(ctx: Ctx, customerId: string): string {
  const token = newToken();
  ctx.store.state.portal_tokens[token] = customerId;
  return `${ctx.config.publicUrl}/my-orders/login/${token}`;
}

/** Emails are unique per store (compared case-insensitively). */
function assertEmailFree(ctx: Ctx, email: string, self?: CustomerRecord): void {
  const owner = ctx.store.customerByEmail(email);
  if (owner && owner.id !== self?.id) throw badRequest(`A customer with email ${email} already exists`);
}

const newestFirst = <T extends { created_at: string }>(records: T[]) =>
  [...records].sort((a, b) => b.created_at.localeCompare(a.created_at));

export function registerCustomerRoutes(router: Router, ctx: Ctx): void {
  const { store } = ctx;

  router.add("GET", "/v1/customers", "api", (req) => {
    const query = validate(getSchema, queryObject(req.query));
    if (query.customer_id) return json(wireCustomer(store.customer(query.customer_id)));
    if (!query.email) throw badRequest("customer_id or email is required");
    const customer = store.customerByEmail(query.email);
    if (!customer) throw notFound("Customer");
    return json(wireCustomer(customer));
  });

  router.add("POST", "/v1/customers", "api", (req) => {
    const input = validate(createSchema, parseJson(req.body));
    const email = input.email.trim().toLowerCase();
    assertEmailFree(ctx, email);
    const now = nowIso();
    const customer: CustomerRecord = {
      id: newId("cust"),
      email,
      name: input.name,
      country: null,
      ...(input.metadata === undefined ? {} : { metadata: input.metadata }),
      ...(input.external_id === undefined ? {} : { external_id: input.external_id }),
      created_at: now,
      updated_at: now,
    };
    store.state.customers[customer.id] = customer;
    return json(wireCustomer(customer));
  });

  /** Only the fields sent change; `external_id: null` clears it. */
  router.add("PATCH", "/v1/customers", "api", (req) => {
    const input = validate(updateSchema, parseJson(req.body));
    const customer = store.customer(input.customer_id);
    const email = input.email?.trim().toLowerCase();
    if (email !== undefined) assertEmailFree(ctx, email, customer);
    Object.assign(customer, {
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(email === undefined ? {} : { email }),
      ...(input.metadata === undefined ? {} : { metadata: input.metadata }),
      ...(input.external_id === undefined ? {} : { external_id: input.external_id }),
      updated_at: nowIso(),
    } satisfies Partial<CustomerRecord>);
    return json(wireCustomer(customer));
  });

  router.add("GET", "/v1/customers/list", "api", (req) => {
    const query = validate(pageQuery(50), queryObject(req.query));
    return json(
      paginate(Object.values(store.state.customers).map(wireCustomer), query.page_number, query.page_size),
    );
  });

  router.add("GET", "/v1/customers/:id/subscriptions", "api", (req) => {
    const customer = store.customer(req.params.id ?? "");
    const query = validate(pageQuery(10), queryObject(req.query));
    const items = newestFirst(store.subscriptionsOf(customer.id)).map((s) => wireSubscription(store, s));
    return json(paginate(items, query.page_number, query.page_size));
  });

  router.add("GET", "/v1/customers/:id/orders", "api", (req) => {
    const customer = store.customer(req.params.id ?? "");
    const query = validate(pageQuery(10), queryObject(req.query));
    return json(
      paginate(newestFirst(store.ordersOf(customer.id)).map(wireOrder), query.page_number, query.page_size),
    );
  });

  router.add("GET", "/v1/customers/:id/licenses", "api", (req) => {
    const customer = store.customer(req.params.id ?? "");
    const query = validate(pageQuery(10), queryObject(req.query));
    const licenses = Object.values(store.state.licenses).filter((l) => l.customer_id === customer.id);
    return json(
      paginate(
        newestFirst(licenses).map((l) => wireLicense(l)),
        query.page_number,
        query.page_size,
      ),
    );
  });

  router.add("POST", "/v1/customers/billing", "api", (req) => {
    const { customer_id } = validate(z.object({ customer_id: z.string().min(1) }), parseJson(req.body));
    store.customer(customer_id);
    return json({ customer_portal_link: portalLink(ctx, customer_id) });
  });
}

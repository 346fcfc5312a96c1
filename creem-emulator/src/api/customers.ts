import { z } from "zod";
import type { Ctx } from "../context";
import { badRequest, notFound } from "../core/errors";
import { newToken } from "../core/ids";
import { json, type Router } from "../http/router";
import { pageQuery, parseJson, queryObject, validate } from "../http/validation";
import { wireCustomer } from "../wire/customer";
import { paginate } from "../wire/pagination";

const getSchema = z.object({
  customer_id: z.string().min(1).optional(),
  email: z.string().min(1).optional(),
});

export function portalLink(ctx: Ctx, customerId: string): string {
  const token = newToken();
  ctx.store.state.portal_tokens[token] = customerId;
  return `${ctx.config.publicUrl}/my-orders/login/${token}`;
}

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

  router.add("GET", "/v1/customers/list", "api", (req) => {
    const query = validate(pageQuery(50), queryObject(req.query));
    return json(
      paginate(Object.values(store.state.customers).map(wireCustomer), query.page_number, query.page_size),
    );
  });

  router.add("POST", "/v1/customers/billing", "api", (req) => {
    const { customer_id } = validate(z.object({ customer_id: z.string().min(1) }), parseJson(req.body));
    store.customer(customer_id);
    return json({ customer_portal_link: portalLink(ctx, customer_id) });
  });
}

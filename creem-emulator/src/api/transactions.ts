import { z } from "zod";
import { refundTransaction } from "../billing/refunds";
import type { Ctx } from "../context";
import { json, type Router } from "../http/router";
import { pageQuery, parseJson, queryObject, validate } from "../http/validation";
import { paginate } from "../wire/pagination";
import { wireTransaction } from "../wire/transaction";

const searchSchema = z.intersection(
  pageQuery(10),
  z.object({
    customer_id: z.string().optional(),
    order_id: z.string().optional(),
    product_id: z.string().optional(),
  }),
);

const refundSchema = z.object({
  transaction_id: z.string().min(1),
  reason: z.enum(["duplicate", "fraudulent", "requested_by_customer", "other"]).optional(),
});

export function registerTransactionRoutes(router: Router, ctx: Ctx): void {
  const { store } = ctx;

  router.add("GET", "/v1/transactions", "api", (req) => {
    const { transaction_id } = validate(
      z.object({ transaction_id: z.string().min(1) }),
      queryObject(req.query),
    );
    return json(wireTransaction(store.transaction(transaction_id)));
  });

  /** Newest first. */
  router.add("GET", "/v1/transactions/search", "api", (req) => {
    const q = validate(searchSchema, queryObject(req.query));
    const matches = Object.values(store.state.transactions)
      .filter(
        (t) =>
          (!q.customer_id || t.customer_id === q.customer_id) && (!q.order_id || t.order_id === q.order_id),
      )
      .filter((t) => !q.product_id || t.product_id === q.product_id)
      .sort((a, b) => b.created_at - a.created_at);
    return json(paginate(matches.map(wireTransaction), q.page_number, q.page_size));
  });

  router.add("POST", "/v1/refunds", "api", (req) => {
    const input = validate(refundSchema, parseJson(req.body));
    const { refund } = refundTransaction(ctx, input.transaction_id, input.reason);
    return json({ status: refund.status });
  });
}

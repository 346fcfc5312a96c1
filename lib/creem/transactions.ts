import { pageQuery, requireId, type PageParams } from "./request-utils";
import { pageOf, type Page } from "./schemas/common";
import { transactionSchema, type Transaction } from "./schemas/transaction";
import type { Transport } from "./transport";

export interface SearchTransactionsParams extends PageParams {
  customerId?: string;
  orderId?: string;
  productId?: string;
}

const transactionPageSchema = pageOf(transactionSchema);

export function transactionsApi(request: Transport) {
  return {
    async get(transactionId: string): Promise<Transaction> {
      return request({
        method: "GET",
        path: "/v1/transactions",
        query: { transaction_id: requireId(transactionId, "transactionId") },
        schema: transactionSchema,
      });
    },
    async search(params: SearchTransactionsParams = {}): Promise<Page<Transaction>> {
      return request({
        method: "GET",
        path: "/v1/transactions/search",
        query: {
          customer_id: params.customerId,
          order_id: params.orderId,
          product_id: params.productId,
          ...pageQuery(params),
        },
        schema: transactionPageSchema,
      });
    },
  };
}
export type TransactionsApi = ReturnType<typeof transactionsApi>;

import { requireId } from "./request-utils";
import { refundResultSchema, type RefundResult } from "./schemas/refund";
import type { Transport } from "./transport";

export interface CreateRefundInput {
  transactionId: string;
}

export function refundsApi(request: Transport) {
  return {
    /** Never retried automatically: check the transaction's status before trying again. */
    async create(input: CreateRefundInput): Promise<RefundResult> {
      return request({
        method: "POST",
        path: "/v1/refunds",
        body: { transaction_id: requireId(input.transactionId, "transactionId") },
        schema: refundResultSchema,
      });
    },
  };
}
export type RefundsApi = ReturnType<typeof refundsApi>;

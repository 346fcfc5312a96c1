import { pageQuery, requireId, type PageParams } from "./request-utils";
import { pageOf, type Page } from "./schemas/common";
import {
  customerPortalLinkSchema,
  customerSchema,
  type Customer,
  type CustomerPortalLink,
} from "./schemas/customer";
import type { Transport } from "./transport";

const customerPageSchema = pageOf(customerSchema);

export function customersApi(request: Transport) {
  return {
    async get(customerId: string): Promise<Customer> {
      return request({
        method: "GET",
        path: "/v1/customers",
        query: { customer_id: requireId(customerId, "customerId") },
        schema: customerSchema,
      });
    },
    async getByEmail(email: string): Promise<Customer> {
      return request({
        method: "GET",
        path: "/v1/customers",
        query: { email: requireId(email, "email") },
        schema: customerSchema,
      });
    },
    async list(params: PageParams = {}): Promise<Page<Customer>> {
      return request({
        method: "GET",
        path: "/v1/customers/list",
        query: pageQuery(params),
        schema: customerPageSchema,
      });
    },
    /** A short-lived link to CREEM's customer portal. Check the customer belongs to the signed-in user first. */
    async createBillingPortalLink(customerId: string): Promise<CustomerPortalLink> {
      return request({
        method: "POST",
        path: "/v1/customers/billing",
        body: { customer_id: requireId(customerId, "customerId") },
        schema: customerPortalLinkSchema,
      });
    },
  };
}
export type CustomersApi = ReturnType<typeof customersApi>;

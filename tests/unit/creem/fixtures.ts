// Wire-format (snake_case) payloads shaped like the CREEM reference and SDK 1.13 schemas.

export const productWire = {
  id: "prod_1",
  mode: "test",
  object: "product",
  name: "Pro",
  description: "Pro plan",
  image_url: "https://cdn.example.com/pro.png",
  price: 1900,
  currency: "USD",
  billing_type: "recurring",
  billing_period: "every-month",
  status: "active",
  tax_mode: "exclusive",
  tax_category: "saas",
  product_url: "https://creem.io/product/prod_1",
  default_success_url: null,
  trial_period_days: 14,
  features: [{ id: "feat_1", type: "licenseKey", description: "License key" }],
  custom_fields: [
    { type: "text", key: "company", label: "Company", optional: true, text: { max_length: 80 } },
  ],
  created_at: "2025-01-01T10:00:00.000Z",
  updated_at: "2025-01-02T10:00:00.000Z",
};

export const customerWire = {
  id: "cust_1",
  mode: "test",
  object: "customer",
  email: "buyer@example.com",
  name: "Buyer",
  country: "DE",
  metadata: { user_id: "user_42" },
  created_at: "2025-01-01T10:00:00.000Z",
  updated_at: "2025-01-01T11:00:00.000Z",
};

export const transactionWire = {
  id: "tran_1",
  mode: "test",
  object: "transaction",
  amount: 1900,
  amount_paid: 2261,
  discount_amount: 0,
  currency: "USD",
  type: "invoice",
  tax_country: "DE",
  tax_amount: 361,
  status: "paid",
  refunded_amount: null,
  order: "ord_1",
  subscription: "sub_1",
  customer: "cust_1",
  description: "Subscription payment",
  period_start: 1735725600000,
  period_end: 1738404000000,
  created_at: 1735725600000,
};

export const orderWire = {
  id: "ord_1",
  mode: "test",
  object: "order",
  customer: "cust_1",
  product: "prod_1",
  transaction: "tran_1",
  amount: 1900,
  sub_total: 1900,
  tax_amount: 361,
  discount_amount: 0,
  amount_due: 2261,
  amount_paid: 2261,
  currency: "USD",
  status: "paid",
  type: "recurring",
  created_at: "2025-01-01T10:00:00.000Z",
  updated_at: "2025-01-01T10:00:00.000Z",
};

export const subscriptionWire = {
  id: "sub_1",
  mode: "test",
  object: "subscription",
  product: productWire,
  customer: customerWire,
  items: [
    {
      id: "sitem_1",
      mode: "test",
      object: "subscription_item",
      product_id: "prod_1",
      price_id: "pprice_1",
      units: 3,
    },
  ],
  collection_method: "charge_automatically",
  status: "active",
  last_transaction_id: "tran_1",
  last_transaction: transactionWire,
  last_transaction_date: "2025-01-01T10:00:00.000Z",
  next_transaction_date: "2025-02-01T10:00:00.000Z",
  current_period_start_date: "2025-01-01T10:00:00.000Z",
  current_period_end_date: "2025-02-01T10:00:00.000Z",
  canceled_at: null,
  discount: { id: "dis_1", discountCode: "LAUNCH", name: "Launch", type: "percentage", durationInMonths: 3 },
  metadata: { user_id: "user_42", plan_key: "pro" },
  created_at: "2025-01-01T10:00:00.000Z",
  updated_at: "2025-01-01T10:00:00.000Z",
};

export const licenseWire = {
  id: "lic_1",
  mode: "test",
  object: "license",
  product_id: "prod_1",
  status: "active",
  key: "ABC-123",
  activation: 1,
  activation_limit: null,
  expires_at: null,
  created_at: "2025-01-01T10:00:00.000Z",
  instance: {
    id: "inst_1",
    mode: "test",
    object: "license-instance",
    name: "laptop",
    status: "active",
    created_at: "2025-01-03T10:00:00.000Z",
  },
};

export const checkoutPendingWire = {
  id: "ch_1",
  mode: "test",
  object: "checkout",
  status: "pending",
  product: "prod_1",
  units: 1,
  request_id: "req_123",
  checkout_url: "https://creem.io/test/checkout/prod_1/ch_1",
  success_url: "https://app.example.com/billing/success",
  metadata: { user_id: "user_42" },
};

export const checkoutCompletedWire = {
  ...checkoutPendingWire,
  status: "completed",
  product: productWire,
  order: orderWire,
  customer: customerWire,
  subscription: { ...subscriptionWire, product: "prod_1", customer: "cust_1", last_transaction: undefined },
  license_keys: [licenseWire],
  discount: { discountCode: "LAUNCH", durationInMonths: 3 },
};

export const discountWire = {
  id: "dis_1",
  mode: "test",
  object: "discount",
  status: "active",
  name: "Launch",
  code: "LAUNCH",
  type: "percentage",
  percentage: 20,
  expiry_date: "2025-12-31T23:59:59.000Z",
  max_redemptions: 100,
  duration: "repeating",
  duration_in_months: 3,
  applies_to_products: ["prod_1"],
  redeem_count: 7,
};

export const refundWire = {
  id: "ref_1",
  mode: "test",
  object: "refund",
  status: "succeeded",
  refund_amount: 2261,
  refund_currency: "USD",
  reason: "requested_by_customer",
  transaction: { ...transactionWire, status: "refunded", refunded_amount: 2261 },
  order: orderWire,
  subscription: "sub_1",
  customer: customerWire,
  created_at: 1736000000000,
};

export const disputeWire = {
  id: "disp_1",
  mode: "test",
  object: "dispute",
  amount: 2261,
  currency: "USD",
  transaction: { ...transactionWire, status: "chargedBack" },
  order: "ord_1",
  subscription: "sub_1",
  customer: "cust_1",
  created_at: 1736100000000,
};

export const pagination = {
  total_records: 2,
  total_pages: 1,
  current_page: 1,
  next_page: null,
  prev_page: null,
};

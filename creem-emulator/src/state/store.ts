import { catalogDiscounts, catalogProducts } from "../catalog";
import { notFound } from "../core/errors";
import { readStateFile, writeStateFile } from "./persistence";
import {
  emptyState,
  type CheckoutRecord,
  type CustomerRecord,
  type DeliveryRecord,
  type DiscountRecord,
  type LicenseRecord,
  type OrderRecord,
  type PriceRecord,
  type ProductRecord,
  type StateData,
  type SubscriptionItemRecord,
  type SubscriptionRecord,
  type TransactionRecord,
} from "./types";

/** Oldest delivery log entries are dropped beyond this many. */
const MAX_DELIVERIES = 2000;

function required<T>(record: T | undefined, what: string): T {
  if (record === undefined) throw notFound(what);
  return record;
}

/** All emulator state, in memory, optionally written through to a JSON file after every change. */
export class Store {
  state: StateData;

  constructor(readonly dataFile?: string) {
    this.state = (dataFile ? readStateFile(dataFile) : undefined) ?? emptyState();
    // State files written before prices were kept: every product's current price becomes a price record.
    for (const product of Object.values(this.state.products)) this.recordPrice(product);
  }

  save(): void {
    if (this.dataFile) writeStateFile(this.dataFile, this.state);
  }

  /** Clears everything, then seeds the catalog unless told not to. */
  reset(seed = true): void {
    this.state = emptyState();
    if (seed) this.seedCatalog();
    this.save();
  }

  /** Puts the catalog products and discounts back to their definitions (redemption counts are kept). */
  seedCatalog(): void {
    for (const product of catalogProducts()) {
      this.state.products[product.id] = product;
      this.recordPrice(product);
    }
    for (const discount of catalogDiscounts()) {
      const redeemed = this.state.discounts[discount.id]?.redeem_count ?? 0;
      this.state.discounts[discount.id] = { ...discount, redeem_count: redeemed };
    }
    this.save();
  }

  /** Keeps the product's current price fields as a price record (once per price id). */
  recordPrice(product: ProductRecord): PriceRecord {
    const existing = this.state.prices[product.price_id];
    if (existing) return existing;
    const price: PriceRecord = {
      id: product.price_id,
      product_id: product.id,
      amount: product.price,
      currency: product.currency,
      billing_type: product.billing_type,
      billing_period: product.billing_period,
      created_at: product.updated_at,
    };
    this.state.prices[price.id] = price;
    return price;
  }

  /** The price a subscription item was bought under (its product's current price if unknown). */
  priceOf(item: SubscriptionItemRecord): PriceRecord {
    return this.state.prices[item.price_id] ?? this.recordPrice(this.product(item.product_id));
  }

  product = (id: string): ProductRecord => required(this.state.products[id], "Product");
  customer = (id: string): CustomerRecord => required(this.state.customers[id], "Customer");
  checkout = (id: string): CheckoutRecord => required(this.state.checkouts[id], "Checkout");
  order = (id: string): OrderRecord => required(this.state.orders[id], "Order");
  transaction = (id: string): TransactionRecord => required(this.state.transactions[id], "Transaction");
  subscription = (id: string): SubscriptionRecord => required(this.state.subscriptions[id], "Subscription");
  discount = (id: string): DiscountRecord => required(this.state.discounts[id], "Discount");

  customerByEmail(email: string): CustomerRecord | undefined {
    const wanted = email.trim().toLowerCase();
    return Object.values(this.state.customers).find((c) => c.email.toLowerCase() === wanted);
  }

  /** Codes match case-insensitively; deleted discounts are not found by code. */
  discountByCode(code: string): DiscountRecord | undefined {
    const wanted = code.trim().toUpperCase();
    return Object.values(this.state.discounts).find(
      (d) => d.status !== "deleted" && d.code.toUpperCase() === wanted,
    );
  }

  licenseByKey(key: string): LicenseRecord | undefined {
    return Object.values(this.state.licenses).find((l) => l.key === key.trim());
  }

  subscriptionsOf(customerId: string): SubscriptionRecord[] {
    return Object.values(this.state.subscriptions).filter((s) => s.customer_id === customerId);
  }

  ordersOf(customerId: string): OrderRecord[] {
    return Object.values(this.state.orders).filter((o) => o.customer_id === customerId);
  }

  transactionsOf(subscriptionId: string): TransactionRecord[] {
    return Object.values(this.state.transactions).filter((t) => t.subscription_id === subscriptionId);
  }

  event(id: string) {
    return required(
      this.state.events.find((e) => e.id === id),
      "Event",
    );
  }

  addDelivery(delivery: DeliveryRecord): void {
    this.state.deliveries.push(delivery);
    if (this.state.deliveries.length > MAX_DELIVERIES) this.state.deliveries.splice(0, 1);
  }
}

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CARD_MESSAGES,
  DISCOUNT_CODES,
  DISCOUNT_IDS,
  PRODUCT_IDS,
  TEST_CARDS,
} from "../../../creem-emulator/src/index";
import {
  api,
  control,
  createCheckout,
  startTestEmulator,
  submitCheckoutForm,
  type Emulator,
} from "./helpers";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.store.reset());

const counts = () => {
  const s = emulator.store.state;
  return {
    customers: Object.keys(s.customers).length,
    orders: Object.keys(s.orders).length,
    transactions: Object.keys(s.transactions).length,
    subscriptions: Object.keys(s.subscriptions).length,
    licenses: Object.keys(s.licenses).length,
    events: s.events.length,
  };
};

async function getPage(url: string) {
  const response = await fetch(url);
  return { status: response.status, html: await response.text() };
}

describe("hosted checkout page", () => {
  it("shows product, price, total and a labelled card form; email locked to the checkout's customer", async () => {
    const checkout = await createCheckout(emulator, {
      product_id: PRODUCT_IDS.proMonthly,
      customer: { email: "locked@example.com" },
    });
    const { status, html } = await getPage(checkout.checkout_url);
    expect(status).toBe(200);
    expect(html).toContain('<h1 id="product-name">Pro</h1>');
    expect(html).toContain("$19.00 / month");
    expect(html).toMatch(/data-testid="total">\$19\.00</);
    for (const [id, label] of [
      ["email", "Email"],
      ["card_number", "Card number"],
      ["expiry", "Expiry"],
      ["cvc", "CVC"],
      ["name", "Name on card"],
      ["discount_code", "Discount code"],
    ]) {
      expect(html).toContain(`<label for="${id}">${label}</label>`);
    }
    expect(html).toMatch(
      /<input type="email" id="email" name="email" value="locked@example.com"[^>]* readonly/,
    );
    expect(html).toContain(">Pay $19.00</button>");
  });

  it("shows units and a trial", async () => {
    const team = await createCheckout(emulator, { product_id: PRODUCT_IDS.teamMonthly, units: 3 });
    const teamPage = await getPage(team.checkout_url);
    expect(teamPage.html).toContain("<dt>Units</dt><dd>3</dd>");
    expect(teamPage.html).toContain(">Pay $36.00</button>");

    const starter = await createCheckout(emulator, { product_id: PRODUCT_IDS.starterMonthly });
    const starterPage = await getPage(starter.checkout_url);
    expect(starterPage.html).toContain("<dt>Free trial</dt><dd>14 days</dd>");
    expect(starterPage.html).toMatch(/data-testid="total">\$0\.00</);
    expect(starterPage.html).toContain(">Start trial</button>");
  });

  it("pays with 4242: creates customer, order, transaction and subscription, emits webhooks, redirects", async () => {
    const checkout = await createCheckout(emulator, {
      product_id: PRODUCT_IDS.proMonthly,
      request_id: "req_page",
      success_url: "http://app.test/billing/return",
      metadata: { user_id: "u_9" },
    });
    const result = await submitCheckoutForm(checkout.checkout_url, { email: "Payer@Example.com" });
    expect(result.status).toBe(303);
    const url = new URL(result.location ?? "");
    expect(`${url.origin}${url.pathname}`).toBe("http://app.test/billing/return");
    expect(url.searchParams.get("request_id")).toBe("req_page");
    expect(url.searchParams.get("checkout_id")).toBe(checkout.id);

    const state = emulator.store.state;
    const customer = state.customers[url.searchParams.get("customer_id") ?? ""];
    expect(customer).toMatchObject({ email: "payer@example.com", name: "Ada Lovelace" });
    const order = state.orders[url.searchParams.get("order_id") ?? ""];
    expect(order).toMatchObject({ amount: 1900, status: "paid", type: "recurring" });
    expect(state.transactions[order?.transaction_id ?? ""]).toMatchObject({ amount: 1900, status: "paid" });
    const subscription = state.subscriptions[url.searchParams.get("subscription_id") ?? ""];
    expect(subscription).toMatchObject({
      status: "active",
      card_last4: "4242",
      metadata: { user_id: "u_9" },
    });
    expect(state.checkouts[checkout.id]?.status).toBe("completed");
    expect(state.events.map((e) => e.eventType)).toEqual([
      "checkout.completed",
      "subscription.active",
      "subscription.paid",
    ]);
  });

  it.each([
    ["declined", TEST_CARDS.declined, CARD_MESSAGES.declined],
    ["insufficient funds", TEST_CARDS.insufficientFunds, CARD_MESSAGES.insufficientFunds],
    ["incorrect CVC", TEST_CARDS.incorrectCvc, CARD_MESSAGES.incorrectCvc],
    ["expired card", TEST_CARDS.expiredCard, CARD_MESSAGES.expiredCard],
    ["unknown number", "4111 1111 1111 1111", CARD_MESSAGES.invalidNumber],
  ])("rejects the %s card with its message and creates nothing", async (_name, card, message) => {
    const checkout = await createCheckout(emulator, { product_id: PRODUCT_IDS.proMonthly });
    const before = counts();
    const result = await submitCheckoutForm(checkout.checkout_url, { card_number: card });
    expect(result.status).toBe(402);
    expect(result.html).toContain(
      `<div class="alert" role="alert" id="form-error">${message.replace("'", "&#39;")}</div>`,
    );
    expect(result.html).toContain(">Pay $19.00</button>");
    expect(counts()).toEqual(before);
    expect(emulator.store.state.checkouts[checkout.id]?.status).toBe("pending");
  });

  it("rejects a past expiry and a missing name before charging", async () => {
    const checkout = await createCheckout(emulator, { product_id: PRODUCT_IDS.proMonthly });
    const past = await submitCheckoutForm(checkout.checkout_url, { expiry: "01/20" });
    expect(past.html).toContain(CARD_MESSAGES.pastExpiry.replace("'", "&#39;"));
    expect(past.html).toMatch(/id="expiry"[^>]*aria-invalid="true"/);
    const noName = await submitCheckoutForm(checkout.checkout_url, { name: " " });
    expect(noName.html).toContain(CARD_MESSAGES.missingName);
    expect(counts().orders).toBe(0);
  });

  it("applies a discount code typed on the page to the total and the order", async () => {
    const checkout = await createCheckout(emulator, { product_id: PRODUCT_IDS.proMonthly });
    const bad = await fetch(checkout.checkout_url, {
      method: "POST",
      body: new URLSearchParams({ action: "apply_discount", discount_code: "NOPE" }),
      redirect: "manual",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('role="alert" id="discount-error">This discount code is not valid.');

    const good = await fetch(checkout.checkout_url, {
      method: "POST",
      body: new URLSearchParams({ action: "apply_discount", discount_code: "launch20" }),
      redirect: "manual",
    });
    expect(good.status).toBe(303);
    const page = await getPage(checkout.checkout_url);
    expect(page.html).toContain("<dt>Discount (LAUNCH20)</dt><dd>−$3.80</dd>");
    expect(page.html).toMatch(/data-testid="total">\$15\.20</);
    expect(page.html).toContain(">Pay $15.20</button>");

    const paid = await submitCheckoutForm(checkout.checkout_url);
    const orderId = new URL(paid.location ?? "").searchParams.get("order_id") ?? "";
    expect(emulator.store.state.orders[orderId]).toMatchObject({
      sub_total: 1900,
      discount_amount: 380,
      amount: 1520,
    });
    expect(emulator.store.state.discounts[DISCOUNT_IDS.launch20]?.redeem_count).toBe(1);
  });

  it("shows a fixed discount given at creation", async () => {
    const checkout = await createCheckout(emulator, {
      product_id: PRODUCT_IDS.lifetime,
      discount_code: DISCOUNT_CODES.save5,
    });
    const page = await getPage(checkout.checkout_url);
    expect(page.html).toContain("Discount <strong>SAVE5</strong> applied.");
    expect(page.html).toContain(">Pay $294.00</button>");
  });

  it("starts a trial without charging and issues license keys for the lifetime product", async () => {
    const starter = await createCheckout(emulator, { product_id: PRODUCT_IDS.starterMonthly });
    const trial = await submitCheckoutForm(starter.checkout_url, { email: "trial@example.com" });
    const subscriptionId = new URL(trial.location ?? "").searchParams.get("subscription_id") ?? "";
    expect(emulator.store.state.subscriptions[subscriptionId]?.status).toBe("trialing");
    expect(emulator.store.state.events.map((e) => e.eventType)).toEqual([
      "checkout.completed",
      "subscription.trialing",
    ]);

    const lifetime = await createCheckout(emulator, { product_id: PRODUCT_IDS.lifetime });
    const bought = await submitCheckoutForm(lifetime.checkout_url, { email: "trial@example.com" });
    expect(new URL(bought.location ?? "").searchParams.has("subscription_id")).toBe(false);
    expect(Object.values(emulator.store.state.licenses)).toHaveLength(1);
    expect(Object.keys(emulator.store.state.customers)).toHaveLength(1);
    const retrieved = await api<{ license_keys: Array<{ activation_limit: number }> }>(
      emulator,
      "GET",
      `/v1/checkouts?checkout_id=${lifetime.id}`,
    );
    expect(retrieved.body.license_keys[0]?.activation_limit).toBe(3);
  });

  it("uses the emulator's own success page when neither checkout nor product has a success URL", async () => {
    const checkout = await createCheckout(emulator, { product_id: PRODUCT_IDS.proYearly });
    const result = await submitCheckoutForm(checkout.checkout_url);
    expect(result.location).toMatch(new RegExp(`^${emulator.url}/test/checkout/success\\?checkout_id=`));
    const page = await getPage(result.location ?? "");
    expect(page.html).toContain("Payment successful");
  });

  it("shows a clear page for completed, expired and unknown checkouts", async () => {
    const checkout = await createCheckout(emulator, { product_id: PRODUCT_IDS.proMonthly });
    await submitCheckoutForm(checkout.checkout_url);
    const before = counts();
    const completed = await getPage(checkout.checkout_url);
    expect(completed.html).toContain("This checkout is already paid");
    expect(completed.html).not.toContain("Card number");
    expect((await submitCheckoutForm(checkout.checkout_url)).status).toBe(409);
    expect(counts()).toEqual(before);

    const stale = await createCheckout(emulator, { product_id: PRODUCT_IDS.proMonthly });
    await control(emulator, "POST", `/checkouts/${stale.id}/expire`);
    const expired = await getPage(stale.checkout_url);
    expect(expired.status).toBe(410);
    expect(expired.html).toContain("This checkout has expired");

    const unknown = await getPage(`${emulator.url}/test/checkout/${PRODUCT_IDS.proMonthly}/ch_missing`);
    expect(unknown.status).toBe(404);
  });
});

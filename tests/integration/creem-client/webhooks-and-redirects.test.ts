// vitest: isolate (fails when it shares a worker's modules with other files: seen with --sequence.shuffle)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  idOf,
  parseWebhookBody,
  verifyRedirectSignature,
  verifyWebhookSignature,
  type CreemWebhookEvent,
} from "@/lib/creem";
import { EVENT_TYPES, PRODUCT_IDS, TEST_CARDS } from "../../../creem-emulator/src/index";
import { API_KEY, buy, startCreem, startReceiver, WEBHOOK_SECRET, type TestCreem } from "./helpers";

// Every webhook the emulator sends must pass the app's signature check and parser, and the success redirect
// of the hosted checkout page must pass the app's redirect signature check.

let creem: TestCreem;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
  creem = await startCreem({ webhookUrl: receiver.url });
});
afterAll(async () => {
  await creem.close();
  await receiver.close();
});

/** Pays a checkout on the hosted page with a 4242 card; returns the redirect's status and Location. */
async function payOnCheckoutPage(checkoutUrl: string, email: string) {
  const response = await fetch(checkoutUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      action: "pay",
      email,
      card_number: TEST_CARDS.success,
      expiry: "12 / 40",
      cvc: "123",
      name: "Ada Lovelace",
    }).toString(),
    redirect: "manual",
  });
  await response.text();
  return { status: response.status, location: response.headers.get("location") };
}

const KIND_OF: Record<string, CreemWebhookEvent["kind"]> = {
  "checkout.completed": "checkout",
  "refund.created": "refund",
  "dispute.created": "dispute",
};

describe("success redirect from the hosted checkout page", () => {
  it("carries a signature verifyRedirectSignature accepts (subscription with request id)", async () => {
    const checkout = await creem.client.checkouts.create({
      productId: PRODUCT_IDS.starterMonthly,
      requestId: "req_redirect_1",
      successUrl: "https://app.example.com/billing/return",
    });
    const { status, location } = await payOnCheckoutPage(checkout.checkoutUrl!, "redirect@example.com");
    expect(status).toBe(303);
    const url = new URL(location!);
    expect(`${url.origin}${url.pathname}`).toBe("https://app.example.com/billing/return");
    const params = url.searchParams;
    expect(params.get("request_id")).toBe("req_redirect_1");
    expect(params.get("checkout_id")).toBe(checkout.id);
    expect(params.get("subscription_id")).toMatch(/^sub_/);

    expect(verifyRedirectSignature(params, API_KEY)).toBe(true);
    expect(verifyRedirectSignature(Object.fromEntries(params), API_KEY)).toBe(true);
    expect(verifyRedirectSignature(params, "creem_test_another_key")).toBe(false);
    const tampered = new URLSearchParams(params);
    tampered.set("customer_id", "cust_someone_else");
    expect(verifyRedirectSignature(tampered, API_KEY)).toBe(false);
    const unsigned = new URLSearchParams(params);
    unsigned.delete("signature");
    expect(verifyRedirectSignature(unsigned, API_KEY)).toBe(false);
  });

  it("signs only CREEM's parameters when the success URL has a query of its own", async () => {
    const checkout = await creem.client.checkouts.create({
      productId: PRODUCT_IDS.proMonthly,
      successUrl: "https://app.example.com/billing/return?plan=pro",
    });
    const { location } = await payOnCheckoutPage(checkout.checkoutUrl!, "redirect-query@example.com");
    const params = new URL(location!).searchParams;
    expect(params.get("plan")).toBe("pro");
    // The app's own "plan" is not part of the signed string, so the caller passes CREEM's parameters.
    const creemKeys = [
      "request_id",
      "checkout_id",
      "order_id",
      "customer_id",
      "subscription_id",
      "product_id",
    ];
    const signed = new URLSearchParams(
      [...params].filter(([key]) => [...creemKeys, "signature"].includes(key)),
    );
    expect(verifyRedirectSignature(signed, API_KEY)).toBe(true);
  });

  it("verifies the redirect to the emulator's own success page (one-time purchase, no request id)", async () => {
    const checkout = await creem.client.checkouts.create({ productId: PRODUCT_IDS.lifetime });
    const { status, location } = await payOnCheckoutPage(checkout.checkoutUrl!, "redirect-2@example.com");
    expect(status).toBe(303);
    const url = new URL(location!);
    expect(url.pathname).toBe("/test/checkout/success");
    expect(url.searchParams.has("subscription_id")).toBe(false);
    expect(url.searchParams.has("request_id")).toBe(false);
    expect(verifyRedirectSignature(url.searchParams, API_KEY)).toBe(true);
  });
});

describe("webhooks", () => {
  it("verifies and parses every event type the emulator sends", async () => {
    const { client, control } = creem;
    // Two purchases above: checkout.completed and subscription.trialing.
    const pro = await buy(creem, PRODUCT_IDS.proMonthly, "webhooks@example.com"); // .active and .paid
    const team = await buy(creem, PRODUCT_IDS.teamMonthly, "team-webhooks@example.com", { units: 2 });
    await client.subscriptions.update(team.subscriptionId!, {
      items: [{ units: 4 }],
      updateBehavior: "proration-none",
    }); // .update
    await client.subscriptions.cancel(pro.subscriptionId!, { mode: "scheduled" }); // .scheduled_cancel
    await client.subscriptions.resume(pro.subscriptionId!); // .active
    await client.subscriptions.pause(pro.subscriptionId!); // .paused
    await client.subscriptions.resume(pro.subscriptionId!); // .active
    await client.subscriptions.cancel(pro.subscriptionId!, { mode: "immediate" }); // .canceled
    // Dunning: past_due, then expired, then unpaid and canceled.
    for (let i = 0; i < 3; i++) {
      await control("POST", `/subscriptions/${team.subscriptionId}/advance`, { fail: true });
    }
    const lifetime = await buy(creem, PRODUCT_IDS.lifetime, "refund-webhooks@example.com");
    const [lifetimeTransaction] = (await client.transactions.search({ orderId: lifetime.orderId })).items;
    await client.refunds.create({ transactionId: lifetimeTransaction!.id }); // refund.created
    const [proTransaction] = (await client.transactions.search({ orderId: pro.orderId })).items;
    await control("POST", `/transactions/${proTransaction!.id}/dispute`); // dispute.created

    await creem.emulator.webhooks.idle();
    const emitted = creem.emulator.store.state.events;
    expect(receiver.received).toHaveLength(emitted.length);
    const types = new Set<string>();

    for (const { body, signature } of receiver.received) {
      expect(verifyWebhookSignature(body, signature, WEBHOOK_SECRET)).toBe(true);
      expect(verifyWebhookSignature(Buffer.from(body, "utf8"), signature, WEBHOOK_SECRET)).toBe(true);
      expect(verifyWebhookSignature(body, signature, "whsec_wrong")).toBe(false);
      expect(verifyWebhookSignature(`${body} `, signature, WEBHOOK_SECRET)).toBe(false);

      const envelope = JSON.parse(body) as { id: string; eventType: string; created_at: number };
      const result = parseWebhookBody(body);
      if (!result.ok) throw new Error(`${envelope.eventType} did not parse: ${result.reason}`);
      const event = result.event;
      types.add(event.eventType);
      expect(event.id).toBe(envelope.id);
      expect(event.eventType).toBe(envelope.eventType);
      expect(event.createdAt?.getTime()).toBe(envelope.created_at);
      expect(event.kind).toBe(KIND_OF[event.eventType] ?? "subscription");

      switch (event.kind) {
        case "checkout":
          expect(event.object.status).toBe("completed");
          expect(event.object.order).toMatchObject({ status: "paid" });
          expect(idOf(event.object.customer)).toMatch(/^cust_/);
          break;
        case "subscription":
          expect(event.object.id).toMatch(/^sub_/);
          expect(event.object.product).toMatchObject({ id: expect.stringMatching(/^prod_/) });
          expect(event.object.customer).toMatchObject({ email: expect.stringContaining("@") });
          expect(event.object.status).toEqual(expect.any(String));
          break;
        case "refund":
          expect(event.object).toMatchObject({
            status: "succeeded",
            refundAmount: 29900,
            refundCurrency: "USD",
          });
          expect(idOf(event.object.transaction)).toBe(lifetimeTransaction!.id);
          break;
        case "dispute":
          expect(event.object).toMatchObject({ amount: 1900, currency: "USD" });
          expect(idOf(event.object.transaction)).toBe(proTransaction!.id);
          break;
        case "unhandled":
          throw new Error(`unexpected unhandled event ${event.eventType}`);
      }
    }
    expect([...types].sort()).toEqual([...EVENT_TYPES].sort());
  });
});

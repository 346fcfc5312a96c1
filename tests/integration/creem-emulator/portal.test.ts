import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CARD_MESSAGES, PRODUCT_IDS, TEST_CARDS } from "../../../creem-emulator/src/index";
import { api, buy, control, startTestEmulator, type Emulator } from "./helpers";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.store.reset());

async function portalFor(customerId: string): Promise<string> {
  const link = await api<{ customer_portal_link: string }>(emulator, "POST", "/v1/customers/billing", {
    customer_id: customerId,
  });
  return link.body.customer_portal_link;
}

async function post(url: string, form: Record<string, string> = {}) {
  const response = await fetch(url, { method: "POST", body: new URLSearchParams(form), redirect: "manual" });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

const lastEventTypes = (n: number) => emulator.store.state.events.slice(-n).map((e) => e.eventType);

describe("customer portal", () => {
  it("lists subscriptions and orders, cancels at period end and resumes, with the API's webhooks", async () => {
    const { customerId, subscriptionId } = await buy(emulator, PRODUCT_IDS.proMonthly, "portal@example.com");
    await buy(emulator, PRODUCT_IDS.lifetime, "portal@example.com");
    const portal = await portalFor(customerId);
    const page = await (await fetch(portal)).text();
    expect(page).toContain("Signed in as portal@example.com");
    expect(page).toContain(`<h2 id="sub-${subscriptionId}">Pro</h2>`);
    expect(page).toContain(">Cancel subscription</button>");
    expect(page).toMatch(/<td>Lifetime<\/td><td>\$299\.00<\/td>/);

    const base = new URL(portal).pathname;
    const canceled = await post(`${portal}/subscriptions/${subscriptionId}/cancel`);
    expect(canceled.status).toBe(303);
    expect(canceled.location).toMatch(new RegExp(`^${base}\\?notice=`));
    expect(emulator.store.state.subscriptions[subscriptionId]?.status).toBe("scheduled_cancel");
    expect(lastEventTypes(1)).toEqual(["subscription.scheduled_cancel"]);
    const afterCancel = await (await fetch(`${emulator.url}${canceled.location ?? ""}`)).text();
    expect(afterCancel).toContain(
      'role="status">Your subscription will be canceled at the end of the billing period.',
    );
    expect(afterCancel).toContain(">Resume subscription</button>");

    await post(`${portal}/subscriptions/${subscriptionId}/resume`);
    expect(emulator.store.state.subscriptions[subscriptionId]?.status).toBe("active");
    expect(lastEventTypes(1)).toEqual(["subscription.active"]);
  });

  it("resumes a paused subscription", async () => {
    const { customerId, subscriptionId } = await buy(emulator, PRODUCT_IDS.proMonthly, "paused@example.com");
    await api(emulator, "POST", `/v1/subscriptions/${subscriptionId}/pause`);
    const portal = await portalFor(customerId);
    expect(await (await fetch(portal)).text()).toContain(">Resume subscription</button>");
    expect((await post(`${portal}/subscriptions/${subscriptionId}/resume`)).status).toBe(303);
    expect(emulator.store.state.subscriptions[subscriptionId]?.status).toBe("active");
  });

  it("retries the failed payment when a past_due subscription gets a good card", async () => {
    const { customerId, subscriptionId } = await buy(emulator, PRODUCT_IDS.proMonthly, "dunning@example.com");
    await control(emulator, "POST", `/subscriptions/${subscriptionId}/advance`, { fail: true });
    const portal = await portalFor(customerId);
    expect(await (await fetch(portal)).text()).toContain("Your last payment failed.");
    const cardPage = await (await fetch(`${portal}/subscriptions/${subscriptionId}/card`)).text();
    expect(cardPage).toContain('<label for="card_number">Card number</label>');
    expect(cardPage).toContain(">Update card</button>");

    const card = { expiry: "10/39", cvc: "321", name: "Grace Hopper" };
    const declined = await post(`${portal}/subscriptions/${subscriptionId}/card`, {
      ...card,
      card_number: TEST_CARDS.declined,
    });
    expect(declined.status).toBe(402);
    expect(declined.html).toContain(`role="alert" id="form-error">${CARD_MESSAGES.declined}`);
    expect(emulator.store.state.subscriptions[subscriptionId]?.status).toBe("past_due");

    const updated = await post(`${portal}/subscriptions/${subscriptionId}/card`, {
      ...card,
      card_number: "4242 4242 4242 4242",
    });
    expect(updated.status).toBe(303);
    expect(emulator.store.state.subscriptions[subscriptionId]).toMatchObject({
      status: "active",
      card_last4: "4242",
    });
    expect(lastEventTypes(1)).toEqual(["subscription.paid"]);
  });

  it("refuses unknown links and other customers' subscriptions", async () => {
    const mine = await buy(emulator, PRODUCT_IDS.proMonthly, "mine@example.com");
    const theirs = await buy(emulator, PRODUCT_IDS.proMonthly, "theirs@example.com");
    const portal = await portalFor(mine.customerId);
    const foreign = await post(`${portal}/subscriptions/${theirs.subscriptionId}/cancel`);
    expect(foreign.status).toBe(404);
    expect(emulator.store.state.subscriptions[theirs.subscriptionId]?.status).toBe("active");
    const bogus = await fetch(`${emulator.url}/my-orders/login/not-a-token`);
    expect(bogus.status).toBe(404);
    expect(await bogus.text()).toContain("This billing link is invalid or has expired.");
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DISCOUNT_CODES, PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { api, buy, control, startTestEmulator, type Emulator } from "./helpers";

interface WireSubscription {
  status: string;
  current_period_start_date: string;
  current_period_end_date: string;
  canceled_at: string | null;
  last_transaction_id?: string;
  last_transaction?: {
    id: string;
    amount: number;
    period_start: number;
    period_end: number;
    created_at: number;
  };
}

interface AdvanceBody {
  subscription: WireSubscription;
  transaction?: { status: string; amount: number };
  events: Array<{ id: string; eventType: string }>;
}

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.store.reset());

const advance = (id: string, fail = false) =>
  control<AdvanceBody>(emulator, "POST", `/subscriptions/${id}/advance`, { fail });
const types = (body: AdvanceBody) => body.events.map((e) => e.eventType);
const getSubscription = async (id: string) =>
  (await api<WireSubscription>(emulator, "GET", `/v1/subscriptions?subscription_id=${id}`)).body;

describe("advancing time", () => {
  it("renews at period end: new period, new transaction, subscription.paid", async () => {
    const { subscriptionId } = await buy(emulator, PRODUCT_IDS.proMonthly);
    const before = await getSubscription(subscriptionId);
    const { status, body } = await advance(subscriptionId);
    expect(status).toBe(200);
    expect(types(body)).toEqual(["subscription.paid"]);
    const after = body.subscription;
    expect(after.status).toBe("active");
    expect(after.current_period_start_date).toBe(before.current_period_end_date);
    expect(Date.parse(after.current_period_end_date)).toBeGreaterThan(
      Date.parse(before.current_period_end_date),
    );
    expect(after.last_transaction_id).not.toBe(before.last_transaction_id);
    expect(after.last_transaction).toMatchObject({
      amount: 1900,
      period_start: Date.parse(before.current_period_end_date),
      period_end: Date.parse(after.current_period_end_date),
    });
  });

  it("applies a forever discount to every renewal and a once discount only to the first charge", async () => {
    const forever = await buy(emulator, PRODUCT_IDS.proMonthly, "forever@example.com", {
      discount_code: DISCOUNT_CODES.launch20,
    });
    expect((await advance(forever.subscriptionId)).body.transaction?.amount).toBe(1520);
    const once = await buy(emulator, PRODUCT_IDS.proMonthly, "once@example.com", {
      discount_code: DISCOUNT_CODES.save5,
    });
    expect(emulator.store.state.orders[once.orderId]?.amount).toBe(1400);
    expect((await advance(once.subscriptionId)).body.transaction?.amount).toBe(1900);
  });

  it("fails a renewal into past_due and recovers on the next successful attempt", async () => {
    const { subscriptionId } = await buy(emulator, PRODUCT_IDS.proMonthly);
    const before = await getSubscription(subscriptionId);
    const failed = await advance(subscriptionId, true);
    expect(types(failed.body)).toEqual(["subscription.past_due"]);
    expect(failed.body.subscription.status).toBe("past_due");
    expect(failed.body.transaction?.status).toBe("declined");
    expect(failed.body.subscription.current_period_end_date).toBe(before.current_period_end_date);

    const recovered = await advance(subscriptionId);
    expect(types(recovered.body)).toEqual(["subscription.paid"]);
    expect(recovered.body.subscription.status).toBe("active");
    expect(recovered.body.subscription.current_period_start_date).toBe(before.current_period_end_date);
  });

  it("runs out of retries: past_due, then expired, then unpaid and canceled", async () => {
    const { subscriptionId } = await buy(emulator, PRODUCT_IDS.proMonthly);
    expect(types((await advance(subscriptionId, true)).body)).toEqual(["subscription.past_due"]);
    const second = await advance(subscriptionId, true);
    expect(types(second.body)).toEqual(["subscription.expired"]);
    expect(second.body.subscription.status).toBe("past_due");
    const third = await advance(subscriptionId, true);
    expect(types(third.body)).toEqual(["subscription.unpaid", "subscription.canceled"]);
    expect(third.body.subscription.status).toBe("canceled");
    expect(third.body.subscription.canceled_at).not.toBeNull();
    const again = await advance(subscriptionId);
    expect(again.status).toBe(409);
  });

  it("carries out a scheduled cancel at period end without charging", async () => {
    const { subscriptionId } = await buy(emulator, PRODUCT_IDS.proMonthly);
    await api(emulator, "POST", `/v1/subscriptions/${subscriptionId}/cancel`, { mode: "scheduled" });
    const scheduled = await getSubscription(subscriptionId);
    expect(scheduled.status).toBe("scheduled_cancel");
    const { body } = await advance(subscriptionId, true);
    expect(types(body)).toEqual(["subscription.canceled"]);
    expect(body.transaction).toBeUndefined();
    expect(body.subscription.canceled_at).toBe(scheduled.current_period_end_date);
  });

  it("pauses at period end when the scheduled cancel says onExecute pause; paused cannot advance", async () => {
    const { subscriptionId } = await buy(emulator, PRODUCT_IDS.proMonthly);
    await api(emulator, "POST", `/v1/subscriptions/${subscriptionId}/cancel`, {
      mode: "scheduled",
      onExecute: "pause",
    });
    const { body } = await advance(subscriptionId);
    expect(types(body)).toEqual(["subscription.paused"]);
    expect((await advance(subscriptionId)).status).toBe(409);
  });

  it("converts a trial to paid at trial end, or to past_due when the payment fails", async () => {
    const converted = await buy(emulator, PRODUCT_IDS.starterMonthly, "convert@example.com");
    const paid = await advance(converted.subscriptionId);
    expect(types(paid.body)).toEqual(["subscription.paid"]);
    expect(paid.body.subscription.status).toBe("active");
    expect(paid.body.transaction?.amount).toBe(900);

    const failing = await buy(emulator, PRODUCT_IDS.starterMonthly, "fail-trial@example.com");
    expect(types((await advance(failing.subscriptionId, true)).body)).toEqual(["subscription.past_due"]);
  });

  it("settles a proration-charge seat increase now: the next renewal is the new price only", async () => {
    const { subscriptionId } = await buy(emulator, PRODUCT_IDS.teamMonthly, "seats@example.com", {
      units: 2,
    });
    await api(emulator, "POST", `/v1/subscriptions/${subscriptionId}`, {
      items: [{ units: 4 }],
      update_behavior: "proration-charge",
    });
    const charges = Object.values(emulator.store.state.transactions).filter(
      (t) => t.subscription_id === subscriptionId && t.description === "Proration for subscription change",
    );
    // Bought a moment ago: (almost) the whole period is left, 2 x 1200.
    expect(charges.map((t) => t.amount)).toEqual([2400]);
    expect((await advance(subscriptionId)).body.transaction?.amount).toBe(4 * 1200);
  });
});

describe("cancel modes", () => {
  it("cancels immediately without a mode and ignores onExecute unless the mode is scheduled", async () => {
    const plain = await buy(emulator, PRODUCT_IDS.proMonthly, "plain@example.com");
    const canceled = await api<WireSubscription>(
      emulator,
      "POST",
      `/v1/subscriptions/${plain.subscriptionId}/cancel`,
    );
    expect(canceled.body.status).toBe("canceled");
    const ignored = await buy(emulator, PRODUCT_IDS.proMonthly, "ignored@example.com");
    const immediate = await api<WireSubscription>(
      emulator,
      "POST",
      `/v1/subscriptions/${ignored.subscriptionId}/cancel`,
      {
        mode: "immediate",
        onExecute: "pause",
      },
    );
    expect(immediate.body.status).toBe("canceled");
  });

  it("follows the store's default cancel mode when none is given", async () => {
    const scheduledStore = await startTestEmulator({ defaultCancelMode: "scheduled" });
    try {
      const { subscriptionId } = await buy(scheduledStore, PRODUCT_IDS.proMonthly);
      const result = await api<WireSubscription>(
        scheduledStore,
        "POST",
        `/v1/subscriptions/${subscriptionId}/cancel`,
        {},
      );
      expect(result.body.status).toBe("scheduled_cancel");
    } finally {
      await scheduledStore.close();
    }
  });
});

describe("refunds and disputes", () => {
  it("refunds a transaction once (refund.created) and disables the license of a refunded lifetime order", async () => {
    const { orderId } = await buy(emulator, PRODUCT_IDS.lifetime);
    const transactionId = emulator.store.state.orders[orderId]?.transaction_id ?? "";
    const license = Object.values(emulator.store.state.licenses)[0];
    const refund = await control<{ refund: { refund_amount: number }; events: Array<{ eventType: string }> }>(
      emulator,
      "POST",
      `/transactions/${transactionId}/refund`,
    );
    expect(refund.body.refund.refund_amount).toBe(29900);
    expect(refund.body.events.map((e) => e.eventType)).toEqual(["refund.created"]);
    const transaction = await api(emulator, "GET", `/v1/transactions?transaction_id=${transactionId}`);
    expect(transaction.body).toMatchObject({ status: "refunded", refunded_amount: 29900 });
    expect((await control(emulator, "POST", `/transactions/${transactionId}/refund`)).status).toBe(409);

    const activation = await api(emulator, "POST", "/v1/licenses/activate", {
      key: license?.key,
      instance_name: "pc",
    });
    expect(activation.status).toBe(410);
  });

  it("opens a dispute once (dispute.created) and marks the transaction charged back", async () => {
    const { orderId } = await buy(emulator, PRODUCT_IDS.proMonthly);
    const transactionId = emulator.store.state.orders[orderId]?.transaction_id ?? "";
    const dispute = await control<{ dispute: { amount: number; transaction: { status: string } } }>(
      emulator,
      "POST",
      `/transactions/${transactionId}/dispute`,
    );
    expect(dispute.body.dispute).toMatchObject({ amount: 1900, transaction: { status: "chargedBack" } });
    expect(emulator.store.state.events.at(-1)?.eventType).toBe("dispute.created");
    expect((await control(emulator, "POST", `/transactions/${transactionId}/dispute`)).status).toBe(409);
  });
});

describe("trigger", () => {
  it("starts a purchase for a new customer and changes state for an existing subscription", async () => {
    const started = await control<{ events: Array<{ eventType: string }> }>(emulator, "POST", "/trigger", {
      event: "subscription.paid",
      customer_email: "trigger@example.com",
    });
    expect(started.body.events.map((e) => e.eventType)).toEqual([
      "checkout.completed",
      "subscription.active",
      "subscription.paid",
    ]);
    const subscription = Object.values(emulator.store.state.subscriptions)[0];
    const paused = await control(emulator, "POST", "/trigger", {
      event: "subscription.paused",
      subscription_id: subscription?.id,
    });
    expect(paused.status).toBe(200);
    expect(subscription?.status).toBe("paused");
    const resumed = await control<{ events: Array<{ eventType: string }> }>(emulator, "POST", "/trigger", {
      event: "subscription.active",
      customer_email: "trigger@example.com",
    });
    expect(resumed.body.events.map((e) => e.eventType)).toEqual(["subscription.active"]);
    expect(subscription?.status).toBe("active");
    const missing = await control(emulator, "POST", "/trigger", {
      event: "subscription.canceled",
      customer_email: "x@y.io",
    });
    expect(missing.status).toBe(404);
  });
});

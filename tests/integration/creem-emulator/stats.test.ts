// GET /v1/stats/summary computed from the emulator's own records, with every number worked out by hand.
// CREEM's fee is 3.9 % (truncated) + 40 cents per payment.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DISCOUNT_CODES, PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { api, buy, control, startTestEmulator, type Emulator } from "./helpers";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.store.reset();
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

const ms = (iso: string) => Date.parse(iso);
async function buyOn(day: string, productId: string, email: string, extra = {}) {
  vi.setSystemTime(new Date(day));
  return buy(emulator, productId, email, extra);
}
const summary = async (query: string) =>
  (
    await api<{ totals: Record<string, number>; periods?: unknown[] }>(
      emulator,
      "GET",
      `/v1/stats/summary?${query}`,
    )
  ).body;

describe("stats summary", () => {
  beforeEach(async () => {
    // Pro monthly 1900 (fee 74 + 40 = 114, net 1786), on Saturday 1 March
    await buyOn("2025-03-01T10:00:00Z", PRODUCT_IDS.proMonthly, "pro@example.com");
    // Lifetime 29900 (fee 1166 + 40 = 1206), refunded: net -1206, on Monday 10 March
    const lifetime = await buyOn("2025-03-10T10:00:00Z", PRODUCT_IDS.lifetime, "life@example.com");
    const transactionId = emulator.store.state.orders[lifetime.orderId]?.transaction_id ?? "";
    expect((await control(emulator, "POST", `/transactions/${transactionId}/refund`)).status).toBe(200);
    // Team monthly 3 seats with LAUNCH20: 2880 (fee 112 + 40 = 152, net 2728), on 20 March
    await buyOn("2025-03-20T10:00:00Z", PRODUCT_IDS.teamMonthly, "team@example.com", {
      units: 3,
      discount_code: DISCOUNT_CODES.launch20,
    });
    // Pro yearly 19000 (fee 741 + 40 = 781, net 18219), on 25 March
    await buyOn("2025-03-25T10:00:00Z", PRODUCT_IDS.proYearly, "yearly@example.com");
    // A trial (0 charged, no payment) and a canceled subscription do not count towards MRR.
    await buyOn("2025-03-26T10:00:00Z", PRODUCT_IDS.starterMonthly, "trial@example.com");
    const gone = await buyOn("2025-03-27T10:00:00Z", PRODUCT_IDS.proMonthly, "gone@example.com");
    await api(emulator, "POST", `/v1/subscriptions/${gone.subscriptionId}/cancel`, { mode: "immediate" });
  });

  it("adds up every payment, its fee, refunds and the MRR of paying subscriptions", async () => {
    expect((await summary("currency=USD")).totals).toEqual({
      totalProducts: 7,
      totalSubscriptions: 5, // pro, team, yearly, trial, canceled
      totalCustomers: 6,
      totalPayments: 5, // 1900, 29900 (refunded), 2880, 19000, 1900 (canceled later)
      activeSubscriptions: 4, // canceled one excluded; the trial counts
      totalRevenue: 1900 + 29900 + 2880 + 19000 + 1900, // 55580
      totalNetRevenue: 1786 - 1206 + 2728 + 18219 + 1786, // 23313
      // 1900 + 2880 + 19000 / 12 (1583.33 -> 1583)
      monthlyRecurringRevenue: 1900 + 2880 + 1583,
      // 1786 + 2728 + 18219 / 12 (1518.25 -> 1518)
      netMonthlyRecurringRevenue: 1786 + 2728 + 1518,
    });
  });

  it("filters the totals to a date range (both ends included)", async () => {
    const range = `currency=USD&startDate=${ms("2025-03-10T10:00:00Z")}&endDate=${ms("2025-03-20T10:00:00Z")}`;
    expect((await summary(range)).totals).toMatchObject({
      totalSubscriptions: 1,
      totalCustomers: 2,
      totalPayments: 2,
      totalRevenue: 29900 + 2880,
      totalNetRevenue: -1206 + 2728,
      // Point-in-time figures ignore the range.
      totalProducts: 7,
      activeSubscriptions: 4,
      monthlyRecurringRevenue: 6363,
    });
  });

  it("returns weekly buckets from the week of the first payment (Monday starts), one per week to endDate", async () => {
    const body = await summary(
      `currency=USD&startDate=${ms("2025-02-01T00:00:00Z")}&endDate=${ms("2025-03-31T23:59:59Z")}&interval=week`,
    );
    expect(body.periods).toEqual([
      { timestamp: ms("2025-02-24T00:00:00Z"), grossRevenue: 1900, netRevenue: 1786 },
      { timestamp: ms("2025-03-03T00:00:00Z"), grossRevenue: 0, netRevenue: 0 },
      { timestamp: ms("2025-03-10T00:00:00Z"), grossRevenue: 29900, netRevenue: -1206 },
      { timestamp: ms("2025-03-17T00:00:00Z"), grossRevenue: 2880, netRevenue: 2728 },
      { timestamp: ms("2025-03-24T00:00:00Z"), grossRevenue: 19000 + 1900, netRevenue: 18219 + 1786 },
      { timestamp: ms("2025-03-31T00:00:00Z"), grossRevenue: 0, netRevenue: 0 },
    ]);
  });

  it("returns monthly and daily buckets within the range", async () => {
    const monthly = await summary(
      `currency=USD&startDate=${ms("2025-01-01T00:00:00Z")}&endDate=${ms("2025-04-30T00:00:00Z")}&interval=month`,
    );
    expect(monthly.periods).toEqual([
      { timestamp: ms("2025-03-01T00:00:00Z"), grossRevenue: 55580, netRevenue: 23313 },
      { timestamp: ms("2025-04-01T00:00:00Z"), grossRevenue: 0, netRevenue: 0 },
    ]);
    const daily = await summary(
      `currency=USD&startDate=${ms("2025-03-19T00:00:00Z")}&endDate=${ms("2025-03-21T00:00:00Z")}&interval=day`,
    );
    expect(daily.periods).toEqual([
      { timestamp: ms("2025-03-19T00:00:00Z"), grossRevenue: 0, netRevenue: 0 },
      { timestamp: ms("2025-03-20T00:00:00Z"), grossRevenue: 2880, netRevenue: 2728 },
      { timestamp: ms("2025-03-21T00:00:00Z"), grossRevenue: 0, netRevenue: 0 },
    ]);
  });

  it("counts only the requested currency", async () => {
    expect((await summary("currency=EUR")).totals).toMatchObject({
      totalPayments: 0,
      totalRevenue: 0,
      totalSubscriptions: 0,
      monthlyRecurringRevenue: 0,
      activeSubscriptions: 0,
    });
  });
});

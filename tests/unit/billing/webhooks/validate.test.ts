import { describe, expect, it } from "vitest";
import { parseWebhookEvent, type CreemWebhookEvent } from "@/lib/creem";
import { eventFacts } from "@/lib/billing/webhooks/facts";
import { invalidReason, MAX_FUTURE_SKEW_MS } from "@/lib/billing/webhooks/validate";

const NOW = new Date("2026-06-01T12:00:00Z");
const DAY = 86_400_000;

function subscriptionEvent(patch: Record<string, unknown> = {}, created: unknown = NOW.getTime()) {
  const object = {
    id: "sub_1",
    status: "active",
    customer: { id: "cust_1", email: "a@example.com" },
    items: [{ id: "si_1", product_id: "prod_1", units: 1 }],
    current_period_start_date: new Date(NOW.getTime() - DAY).toISOString(),
    current_period_end_date: new Date(NOW.getTime() + 29 * DAY).toISOString(),
    updated_at: NOW.toISOString(),
    ...patch,
  };
  const parsed = parseWebhookEvent({
    id: "evt_1",
    eventType: "subscription.active",
    created_at: created,
    object,
  });
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.event;
}

const reason = (event: CreemWebhookEvent) => invalidReason(event, eventFacts(event), NOW);

describe("invalidReason", () => {
  it("accepts a plausible event, also one a little ahead of our clock", () => {
    expect(reason(subscriptionEvent())).toBeUndefined();
    expect(reason(subscriptionEvent({}, NOW.getTime() + MAX_FUTURE_SKEW_MS))).toBeUndefined();
  });

  it.each([
    ["units 0", { items: [{ id: "si", product_id: "prod_1", units: 0 }] }, /units/],
    ["units 1.5", { items: [{ id: "si", product_id: "prod_1", units: 1.5 }] }, /units/],
    ["status garbage", { status: "garbage" }, /status "garbage"/],
    ["blank customer", { customer: " " }, /customer/],
    ["no period end while active", { current_period_end_date: "soon" }, /current_period_end_date/],
    ["period end before start", { current_period_end_date: "2026-01-01T00:00:00Z" }, /before/],
    ["updated_at far ahead", { updated_at: 8.64e15 }, /updated_at/],
  ])("refuses %s", (_label, patch, expected) => {
    expect(reason(subscriptionEvent(patch))).toMatch(expected);
  });

  it.each([
    ["missing", null],
    ["unreadable", "yesterday"],
    ["year 275760", 8.64e15],
    ["just past the skew", NOW.getTime() + MAX_FUTURE_SKEW_MS + 1],
  ])("refuses an event time that is %s", (_label, created) => {
    expect(reason(subscriptionEvent({}, created))).toMatch(/created_at/);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isNewer } from "@/lib/billing/webhooks/apply";
import { eventFacts, factsFromPayload, factsPayload, stateKey } from "@/lib/billing/webhooks/facts";
import { parseWebhookEvent } from "@/lib/creem";
import { customer, envelope, subscription } from "../../../support/creem-payloads";
import { propertyParams } from "../../../integration/properties/model";

// Properties of reading CREEM events (issue #8 A), from the README's "Meaning over fields" rule written
// out here, not from the implementation's table.

const MEANING: Record<string, string> = {
  "subscription.canceled": "canceled",
  "subscription.expired": "expired",
  "subscription.past_due": "past_due",
  "subscription.unpaid": "unpaid",
  "subscription.paused": "paused",
  "subscription.scheduled_cancel": "scheduled_cancel",
  "subscription.trialing": "trialing",
};
const OBJECT_STATUS_EVENTS = ["subscription.active", "subscription.paid", "subscription.update"];
const ANY_STATUS = fc.oneof(
  fc.constantFrom(
    "active",
    "trialing",
    "canceled",
    "expired",
    "past_due",
    "paused",
    "unpaid",
    "scheduled_cancel",
  ),
  fc.stringMatching(/^[a-z_]{1,12}$/),
);

function factsOf(payload: unknown) {
  const parsed = parseWebhookEvent(payload);
  if (!parsed.ok) throw new Error(parsed.reason);
  return eventFacts(parsed.event);
}

const time = fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 });
const subEvent = (type: string, objectStatus: string, at: number, updatedAt = at) =>
  envelope(
    "evt_1",
    type,
    at,
    subscription(
      { id: "sub_1", status: objectStatus, periodStart: at - 1000, periodEnd: at + 1000 },
      customer("cust_1", "a@example.com"),
      updatedAt,
    ),
  );

describe("facts from subscription events", () => {
  it("events that name a status store it whatever the object says; the others store the object's", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(MEANING), ...OBJECT_STATUS_EVENTS),
        ANY_STATUS,
        time,
        (type, objectStatus, at) => {
          const stored = factsOf(subEvent(type, objectStatus, at)).subscription!.status;
          expect(stored).toBe(MEANING[type] ?? objectStatus);
        },
      ),
      propertyParams(300),
    );
  });

  it("of two facts at one time and version, the later lifecycle step wins, whichever arrives first", () => {
    const lifecycle = ["active", "scheduled_cancel", "canceled"] as const;
    fc.assert(
      fc.property(time, fc.nat({ max: 2 }), fc.nat({ max: 2 }), (at, i, j) => {
        fc.pre(i !== j);
        const a = factsOf(subEvent(`subscription.${lifecycle[i]}`, lifecycle[i]!, at));
        const b = factsOf({ ...subEvent(`subscription.${lifecycle[j]}`, lifecycle[j]!, at), id: "evt_2" });
        const ka = { at: a.at, key: stateKey(a.subscription!, a.source) };
        const kb = { at: b.at, key: stateKey(b.subscription!, b.source) };
        // Exactly one is newer, and it is the later step.
        expect(isNewer(ka, kb)).toBe(i > j);
        expect(isNewer(kb, ka)).toBe(j > i);
      }),
      propertyParams(100),
    );
  });

  it("a newer object version wins within one event time; a newer event time wins over any key", () => {
    fc.assert(
      fc.property(time, fc.integer({ min: 1, max: 1e6 }), ANY_STATUS, ANY_STATUS, (at, dt, s1, s2) => {
        const older = factsOf(subEvent("subscription.update", s1, at, at));
        const newer = factsOf({ ...subEvent("subscription.update", s2, at, at + dt), id: "evt_2" });
        const ko = { at: older.at, key: stateKey(older.subscription!, older.source) };
        const kn = { at: newer.at, key: stateKey(newer.subscription!, newer.source) };
        expect(isNewer(kn, ko)).toBe(true);
        expect(isNewer(ko, kn)).toBe(false);
        const later = factsOf({ ...subEvent("subscription.update", s1, at + dt, at), id: "evt_3" });
        expect(isNewer({ at: later.at, key: stateKey(later.subscription!, later.source) }, kn)).toBe(true);
      }),
      propertyParams(200),
    );
  });

  it("a sync's stored facts read back exactly (dates included)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(MEANING), ...OBJECT_STATUS_EVENTS),
        ANY_STATUS,
        time,
        (t, s, at) => {
          const facts = factsOf(subEvent(t, s, at));
          expect(factsFromPayload(factsPayload(facts))).toEqual(JSON.parse(JSON.stringify(facts), revive));
        },
      ),
      propertyParams(100),
    );
  });
});

function revive(_key: string, value: unknown) {
  return typeof value === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(value)
    ? new Date(value)
    : value;
}

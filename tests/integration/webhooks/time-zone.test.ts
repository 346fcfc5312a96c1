import { describe, expect, it } from "vitest";
import { customer, envelope, subscription } from "../../support/creem-payloads";
import { testDb } from "../support/db";
import { deliver, uid } from "./support";

// A webhook's times are stored as the instants CREEM sent, whatever the server's time zone: the hot path
// (subscription events) hands its timestamps to PostgreSQL itself, not through Prisma, and node-postgres
// would send a Date in local time, which the timestamp(3) columns keep as wall-clock time. Every test runs
// at UTC+05:30 (vitest.config.ts).

const db = testDb();
const DAY = 86_400_000;

describe("webhook times in a server that is not on UTC", () => {
  it("stores CREEM's instants on the subscription and in the inbox, on the hot path and the general one", async () => {
    expect(new Date(0).getTimezoneOffset()).toBe(-330); // the test run's zone is in effect here
    const at = Date.UTC(2026, 10, 15, 12, 0, 0, 123);
    const sub = { id: uid("sub"), status: "active", periodStart: at - 30 * DAY, periodEnd: at + 2 * DAY };
    const cust = customer(uid("cust"), `${uid("tz")}@example.com`);
    // subscription.past_due: the hot path; it also derives pastDueSince from the period.
    const pastDue = envelope(uid("evt"), "subscription.past_due", at, subscription(sub, cust, at));
    expect((await deliver(db, pastDue)).body.outcome).toBe("applied");

    const row = await db.subscription.findUniqueOrThrow({ where: { id: sub.id } });
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(row.currentPeriodStart?.toISOString()).toBe(iso(sub.periodStart));
    expect(row.currentPeriodEnd?.toISOString()).toBe(iso(sub.periodEnd));
    expect(row.stateAt.toISOString()).toBe(iso(at));
    expect(row.pastDueSince?.toISOString()).toBe(iso(sub.periodStart));
    const stored = await db.webhookEvent.findUniqueOrThrow({ where: { id: pastDue.id } });
    expect(stored.createdAt.toISOString()).toBe(iso(at));

    // A newer event by one millisecond wins; one a millisecond older does not (order by CREEM time holds).
    const older = envelope(uid("evt"), "subscription.active", at - 1, subscription(sub, cust, at - 1));
    expect((await deliver(db, older)).body.outcome).toBe("stale");
    const newer = envelope(uid("evt"), "subscription.active", at + 1, subscription(sub, cust, at + 1));
    expect((await deliver(db, newer)).body.outcome).toBe("applied");
    const after = await db.subscription.findUniqueOrThrow({ where: { id: sub.id } });
    expect([after.status, after.stateAt.toISOString()]).toEqual(["active", iso(at + 1)]);
  });
});

import { describe, expect, it } from "vitest";
import { timelineRowsOfWorkspace } from "@/lib/billing/account/state";
import { accessTimeline } from "@/lib/billing/account/timeline";
import { createPlanCatalog, localProductIds } from "@/lib/billing/plans";
import { formatDate } from "@/lib/format";
import {
  checkoutCompleted,
  customer,
  envelope,
  PRODUCTS,
  refundCreated,
  subscription,
} from "../../support/creem-payloads";
import { testDb } from "../support/db";
import { personalWorkspaceId } from "../support/workspaces";
import { deliver, uid } from "../webhooks/support";

// Real signed events through the webhook inbox, then the timeline read back from what was stored: only
// the user's own events, duplicates once, and a refund stored on its own table.

const db = testDb();
const catalog = createPlanCatalog(localProductIds());
const DAY = 24 * 60 * 60 * 1000;
// In the past: the inbox records events dated in the future as invalid.
const DEC1 = Math.floor(Date.now() / DAY) * DAY - 40 * DAY;
const JAN1 = DEC1 + 30 * DAY;
const day = (ms: number) => formatDate(new Date(ms));

async function subscriber() {
  const user = await db.user.create({ data: { email: `${uid("u")}@example.com` } });
  const cust = customer(uid("cust"), user.email!);
  const subId = uid("sub");
  const orderId = uid("ord");
  const state = { id: subId, status: "active", periodStart: DEC1, periodEnd: JAN1 };
  const checkout = checkoutCompleted({
    eventId: uid("evt"),
    at: DEC1,
    checkoutId: uid("ch"),
    userId: user.id,
    customer: cust,
    productId: PRODUCTS.proMonthly,
    orderId,
    subscription: state,
  });
  return { user, cust, subId, orderId, state, checkout };
}

describe("access timeline from the inbox", () => {
  it("shows the payment and the failed renewal of the user's own subscription, each once", async () => {
    const a = await subscriber();
    const paid = envelope(uid("evt"), "subscription.paid", DEC1, subscription(a.state, a.cust, DEC1));
    const pastDue = envelope(
      uid("evt"),
      "subscription.past_due",
      JAN1 + DAY,
      subscription({ ...a.state, status: "past_due" }, a.cust, JAN1 + DAY),
    );
    // Out of order, and the failure twice.
    for (const event of [pastDue, a.checkout, paid, pastDue]) {
      expect((await deliver(db, event)).status).toBe(200);
    }
    // Someone else's subscription, delivered in between, must not show up.
    const b = await subscriber();
    expect((await deliver(db, b.checkout)).status).toBe(200);

    const rows = await timelineRowsOfWorkspace(db, await personalWorkspaceId(db, a.user.id));
    const lines = accessTimeline({ ...rows, catalog, graceDays: 7 }).map((e) => `${e.event} -> ${e.access}`);
    expect(lines).toEqual([
      `Payment failed -> Grace until ${day(JAN1 + 7 * DAY)}`,
      `First payment succeeded -> Pro until ${day(JAN1)}`,
    ]);
    expect(rows.events.every((e) => e.payload && JSON.stringify(e.payload).includes(a.subId))).toBe(true);
  });

  it("a full refund of the subscription's payment ends access on the timeline", async () => {
    const a = await subscriber();
    await deliver(db, a.checkout);
    const refund = refundCreated(uid("evt"), DEC1 + DAY, a.orderId, a.cust, {
      subscriptionId: a.subId,
      amount: 1900,
      periodStart: DEC1,
      periodEnd: JAN1,
      createdAt: DEC1,
    });
    expect((await deliver(db, refund)).status).toBe(200);
    const rows = await timelineRowsOfWorkspace(db, await personalWorkspaceId(db, a.user.id));
    const [latest] = accessTimeline({ ...rows, catalog, graceDays: 7 });
    expect(latest).toMatchObject({ event: "Refund of $19", access: "Access ended (payment refunded)" });
  });
});

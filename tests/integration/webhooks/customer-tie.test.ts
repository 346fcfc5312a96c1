import { describe, expect, it } from "vitest";
import { checkoutCompleted, customer, envelope, PRODUCTS, subscription } from "../../support/creem-payloads";
import { testDb } from "../support/db";
import { deliver, uid } from "./support";

// Issue #9 B: which CREEM customer a workspace is tied to (Workspace.creemCustomerId, the portal link) must not
// depend on arrival order when one user reaches two customers: one through the checkout metadata (the
// buyer typed another email), one through the user's own email. The rule (lib/billing/webhooks/link-workspace.ts):
// the customer of the earliest subscription by CREEM's created_at.

const db = testDb();
const DAY = 86_400_000;

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

async function scenario(metadataFirst: boolean) {
  const user = await db.user.create({ data: { email: `${uid("tie")}@example.com` } });
  const now = Date.now();
  const byMetadata = customer(uid("cust"), `other-${user.email}`);
  const byEmail = customer(uid("cust"), user.email);
  const [metadataStart, emailStart] = metadataFirst
    ? [now - 9 * DAY, now - 5 * DAY]
    : [now - 5 * DAY, now - 9 * DAY];
  const subA = { id: uid("sub"), status: "active", periodStart: now - DAY, periodEnd: now + 29 * DAY };
  const subB = { ...subA, id: uid("sub") };

  const checkout = checkoutCompleted({
    eventId: uid("evt"),
    at: now - 3000,
    checkoutId: uid("ch"),
    userId: user.id,
    customer: byMetadata,
    productId: PRODUCTS.proMonthly,
    orderId: uid("ord"),
    subscription: subA,
  });
  (checkout.object as { subscription: { created_at: string } }).subscription.created_at = new Date(
    metadataStart,
  ).toISOString();
  const renewalA = envelope(uid("evt"), "subscription.paid", now - 1000, {
    ...subscription({ ...subA, metadata: { userId: user.id } }, byMetadata, now - 1000),
    created_at: new Date(metadataStart).toISOString(),
  });
  const emailOnly = envelope(uid("evt"), "subscription.active", now - 2000, {
    ...subscription(subB, byEmail, now - 2000),
    created_at: new Date(emailStart).toISOString(),
  });
  return {
    user,
    events: [checkout, renewalA, emailOnly],
    expected: metadataFirst ? byMetadata.id : byEmail.id,
  };
}

describe("the customer a user is tied to", () => {
  for (const metadataFirst of [true, false]) {
    const earliest = metadataFirst ? "the metadata customer's" : "the email customer's";
    it(`is ${earliest} (earliest subscription) in every arrival order`, async () => {
      const order = [0, 1, 2];
      for (const permutation of permutations(order)) {
        const { user, events, expected } = await scenario(metadataFirst);
        for (const i of permutation) expect((await deliver(db, events[i])).status).toBe(200);
        const tied = await db.workspace.findUniqueOrThrow({ where: { personalOwnerId: user.id } });
        expect(tied.creemCustomerId, `order ${permutation.join(",")}`).toBe(expected);
        expect(await db.subscription.count({ where: { userId: user.id } })).toBe(2);
      }
    });
  }
});

// Turns an abstract billing history (model.ts) into what the app really receives: signed CREEM webhook
// payloads delivered through the route's inbox, and syncs through lib/billing/webhooks/sync.ts with a
// CREEM client that answers with the object as of one step. Ids carry a tag so one history can be
// delivered several times (once per arrival order) without the runs seeing each other's events.

import type { CreemClient } from "@/lib/creem";
import { parseWebhookBody } from "@/lib/creem";
import { syncSubscription } from "@/lib/billing/webhooks/sync";
import type { PrismaClient } from "@/lib/prisma";
import {
  checkoutCompleted,
  customer,
  disputeCreated,
  envelope,
  PRODUCTS,
  refundCreated,
  subscription,
  type SubState,
} from "../../support/creem-payloads";
import { deliver } from "../webhooks/support";
import type { History, Received, SubStep } from "./model";

export type Delivery =
  | { kind: "step"; step: number; copy: number }
  | { kind: "sync"; step: number }
  | { kind: "purchase" }
  | { kind: "reversal"; reversal: number };

/** Every delivery of a history: each event once, the duplicates again, the syncs. */
export function deliveriesOf(h: History): Delivery[] {
  return [
    ...h.subscription.map((s): Delivery => ({ kind: "step", step: s.index, copy: 0 })),
    ...h.duplicates.map((step): Delivery => ({ kind: "step", step, copy: 1 })),
    ...h.syncs.map((step): Delivery => ({ kind: "sync", step })),
    ...(h.purchase ? [{ kind: "purchase" } as const] : []),
    ...h.reversals.map((r): Delivery => ({ kind: "reversal", reversal: r.index })),
  ];
}

export const describeDelivery = (d: Delivery) =>
  d.kind === "step"
    ? `step ${d.step}${d.copy ? " (again)" : ""}`
    : d.kind === "sync"
      ? `sync of step ${d.step}`
      : d.kind === "purchase"
        ? "purchase"
        : `reversal ${d.reversal}`;

export function receivedAfter(deliveries: readonly Delivery[]): Received {
  const steps = new Set<number>();
  const reversals = new Set<number>();
  let purchase = false;
  for (const d of deliveries) {
    if (d.kind === "step" || d.kind === "sync") steps.add(d.step);
    else if (d.kind === "purchase") purchase = true;
    else reversals.add(d.reversal);
  }
  return { steps, purchase, reversals };
}

export type Ids = { tag: string; subscriptionId: string; purchaseId: string; customerId: string };

export const idsFor = (tag: string): Ids => ({
  tag,
  subscriptionId: `sub_${tag}`,
  purchaseId: `ord_${tag}_purchase`,
  customerId: `cust_${tag}`,
});

const productId = (step: SubStep) => (step.product === "team" ? PRODUCTS.teamMonthly : PRODUCTS.proMonthly);

function subState(ids: Ids, step: SubStep, userId: string, status = step.objectStatus): SubState {
  return {
    id: ids.subscriptionId,
    status,
    productId: productId(step),
    units: step.units,
    periodStart: step.periodStart,
    periodEnd: step.periodEnd,
    canceledAt: step.canceledAt ?? null,
    metadata: { userId },
  };
}

/** Delivers one item the way the app receives it; returns the inbox's HTTP status and outcome. */
export async function perform(
  db: PrismaClient,
  h: History,
  ids: Ids,
  user: { id: string; email: string },
  d: Delivery,
): Promise<{ status: number; outcome?: string }> {
  const cust = customer(ids.customerId, user.email);
  if (d.kind === "step" || d.kind === "sync") {
    const step = h.subscription[d.step]!;
    if (d.kind === "sync") {
      // CREEM's object as of that step, stating the status the step means.
      const wire = subscription(subState(ids, step, user.id, step.status), cust, step.t);
      const parsed = parseWebhookBody(JSON.stringify(envelope("sync", "subscription.update", step.t, wire)));
      if (!parsed.ok || parsed.event.kind !== "subscription") throw new Error("unparseable sync object");
      const object = parsed.event.object;
      const creem = { subscriptions: { get: async () => object } } as unknown as CreemClient;
      return { status: 200, outcome: await syncSubscription(db, creem, ids.subscriptionId) };
    }
    const eventId = `evt_${ids.tag}_s${step.index}`;
    const payload =
      step.type === "checkout.completed"
        ? checkoutCompleted({
            eventId,
            at: step.t,
            checkoutId: `ch_${ids.tag}_sub`,
            userId: user.id,
            customer: cust,
            productId: productId(step),
            orderId: `ord_${ids.tag}_pay0`,
            subscription: subState(ids, step, user.id),
            units: step.units,
          })
        : envelope(eventId, step.type, step.t, subscription(subState(ids, step, user.id), cust, step.t));
    const result = await deliver(db, payload);
    return { status: result.status, outcome: result.body.outcome };
  }
  if (d.kind === "purchase") {
    const result = await deliver(
      db,
      checkoutCompleted({
        eventId: `evt_${ids.tag}_p`,
        at: h.purchase!.t,
        checkoutId: `ch_${ids.tag}_purchase`,
        userId: user.id,
        customer: cust,
        productId: PRODUCTS.lifetime,
        orderId: ids.purchaseId,
      }),
    );
    return { status: result.status, outcome: result.body.outcome };
  }
  const r = h.reversals[d.reversal]!;
  const payment = h.payments.find((p) => p.key === r.payment)!;
  const orderId = payment.subscription ? `ord_${ids.tag}_${payment.key}` : ids.purchaseId;
  const shape = {
    amount: payment.amount,
    createdAt: payment.t,
    ...(payment.subscription
      ? { subscriptionId: ids.subscriptionId, periodStart: payment.periodStart, periodEnd: payment.periodEnd }
      : {}),
  };
  const eventId = `evt_${ids.tag}_r${r.index}`;
  const payload =
    r.kind === "dispute"
      ? disputeCreated(eventId, r.t, orderId, cust, shape)
      : refundCreated(eventId, r.t, orderId, cust, { ...shape, status: r.status, refundAmount: r.amount });
  const result = await deliver(db, payload);
  return { status: result.status, outcome: result.body.outcome };
}

/** The stored billing rows of one delivery run, with the run's tag taken out of ids, for comparing runs. */
export async function storedState(db: PrismaClient, ids: Ids) {
  const untag = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll(ids.tag, "TAG")) as unknown;
  const sub = await db.subscription.findUnique({
    where: { id: ids.subscriptionId },
    omit: { userId: true, workspaceId: true, createdAt: true, updatedAt: true, customerEmail: true },
  });
  const purchase = await db.purchase.findUnique({
    where: { id: ids.purchaseId },
    omit: { userId: true, workspaceId: true, createdAt: true, updatedAt: true, customerEmail: true },
  });
  const reversals = await db.paymentReversal.findMany({
    where: { customerId: ids.customerId },
    omit: { receivedAt: true },
    orderBy: { id: "asc" },
  });
  return untag({ sub, purchase, reversals });
}

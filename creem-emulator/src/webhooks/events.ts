import type { Ctx } from "../context";
import { newId } from "../core/ids";
import type { Store } from "../state/store";
import type { EventRecord, EventType, SubscriptionRecord } from "../state/types";
import { wireSubscription } from "../wire/subscription";
import type { WebhookDispatcher } from "./dispatcher";

export interface EventRefs {
  subscription_id?: string;
  customer_id?: string;
}

/** Records every emitted event (for listing and resending) and hands it to the dispatcher. */
export class EventLog {
  constructor(
    private readonly store: Store,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  emit(eventType: EventType, object: unknown, refs: EventRefs = {}): EventRecord {
    const id = newId("evt");
    const created_at = Date.now();
    const record: EventRecord = {
      id,
      eventType,
      created_at,
      body: JSON.stringify({ id, eventType, created_at, object }),
      key: refs.subscription_id ?? id,
      ...refs,
      delivery_status: "not_sent",
    };
    this.store.state.events.push(record);
    this.dispatcher.enqueue(record);
    return record;
  }
}

/** `subscription.*` events carry the subscription with product and customer expanded. */
export function emitSubscriptionEvent(ctx: Ctx, eventType: EventType, s: SubscriptionRecord): EventRecord {
  return ctx.events.emit(eventType, wireSubscription(ctx.store, s), {
    subscription_id: s.id,
    customer_id: s.customer_id,
  });
}

import { newId } from "../core/ids";
import { webhookSignature } from "../core/signatures";
import type { Store } from "../state/store";
import type { DeliveryRecord, EventRecord } from "../state/types";
import { postJson } from "./http-post";

export interface DispatcherOptions {
  url?: string;
  secret: string;
  /** Waits before retry 1, 2, ...; attempts in total = retries + 1. */
  retryDelaysMs: number[];
  timeoutMs: number;
  onDelivery?: (delivery: DeliveryRecord) => void;
}

export type SendOrder = "given" | "reversed";

/**
 * Signs and POSTs events. First attempts of events that share a key (one subscription) go out in creation
 * order, each after the previous one's first attempt finished; retries then run on their own schedule, so a
 * failing receiver sees retries interleaved with later events, as with CREEM.
 */
export class WebhookDispatcher {
  url: string | undefined;
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly aborts = new Set<() => void>();
  private busy = 0;
  private idleWaiters: Array<() => void> = [];
  private held: EventRecord[] | null = null;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly options: DispatcherOptions,
  ) {
    this.url = options.url;
  }

  get holding(): boolean {
    return this.held !== null;
  }

  /** Queues a new event. Without a webhook URL it is only recorded. */
  enqueue(event: EventRecord): void {
    if (!this.url || this.closed) return;
    if (this.held) {
      this.held.push(event);
      event.delivery_status = "pending";
      return;
    }
    event.delivery_status = "pending";
    const previous = this.chains.get(event.key) ?? Promise.resolve();
    // A failed attempt must not break the chain for the subscription's later events.
    const current = this.track(previous.then(() => this.attempt(event, 1, "initial"))).catch(() => undefined);
    this.chains.set(event.key, current);
    void current.then(() => {
      if (this.chains.get(event.key) === current) this.chains.delete(event.key);
    });
  }

  /** Delivers a past event again, same id and body, `times` times in a row (each with its own retries). */
  async resend(event: EventRecord, times = 1): Promise<DeliveryRecord[]> {
    const results: DeliveryRecord[] = [];
    for (let i = 0; i < times; i += 1) results.push(await this.track(this.attempt(event, 1, "resend")));
    return results;
  }

  /** Delivers events one after another in the given or reversed order, ignoring per-subscription ordering. */
  async sendInOrder(events: EventRecord[], order: SendOrder = "given"): Promise<DeliveryRecord[]> {
    const list = order === "reversed" ? [...events].reverse() : events;
    const results: DeliveryRecord[] = [];
    for (const event of list) results.push(await this.track(this.attempt(event, 1, "send")));
    return results;
  }

  /** Holds new events instead of sending them, until `release`. */
  hold(): void {
    this.held ??= [];
  }

  release(order: SendOrder = "given"): Promise<DeliveryRecord[]> {
    const events = this.held ?? [];
    this.held = null;
    return this.sendInOrder(events, order);
  }

  /** Resolves once nothing is being sent and no retry is scheduled. */
  idle(): Promise<void> {
    if (this.busy === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) {
      clearTimeout(timer);
      this.done();
    }
    this.timers.clear();
    for (const abort of [...this.aborts]) abort();
    await this.idle();
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.busy += 1;
    return work.finally(() => this.done());
  }

  private done(): void {
    this.busy -= 1;
    if (this.busy > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private async attempt(event: EventRecord, attempt: number, trigger: DeliveryRecord["trigger"]) {
    const url = this.url ?? "";
    const started = Date.now();
    const result = this.closed
      ? { statusCode: null, responseBody: "", error: "Emulator shut down" }
      : !url
        ? { statusCode: null, responseBody: "", error: "No webhook URL configured" }
        : await postJson(
            url,
            event.body,
            {
              "creem-signature": webhookSignature(event.body, this.options.secret),
              "user-agent": "creem-emulator",
            },
            this.options.timeoutMs,
            (abort) => {
              this.aborts.add(abort);
              return () => this.aborts.delete(abort);
            },
          );
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const delay = this.options.retryDelaysMs[attempt - 1];
    const retry = !ok && !this.closed && delay !== undefined && Boolean(url);
    const delivery: DeliveryRecord = {
      id: newId("dlv"),
      event_id: event.id,
      event_type: event.eventType,
      attempt,
      trigger,
      url,
      status_code: result.statusCode,
      error: result.error ?? (ok ? null : `HTTP ${result.statusCode}: ${result.responseBody}`.trim()),
      ok,
      final: !retry,
      sent_at: new Date(started).toISOString(),
      duration_ms: Date.now() - started,
    };
    if (ok) event.delivery_status = "delivered";
    else if (!retry && event.delivery_status !== "delivered") event.delivery_status = "failed";
    this.store.addDelivery(delivery);
    this.store.save();
    this.options.onDelivery?.(delivery);
    if (retry) this.scheduleRetry(event, attempt + 1, delay);
    return delivery;
  }

  private scheduleRetry(event: EventRecord, attempt: number, delay: number) {
    this.busy += 1;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(event, attempt, "retry")
        .catch(() => undefined)
        .finally(() => this.done());
    }, delay);
    this.timers.add(timer);
  }
}

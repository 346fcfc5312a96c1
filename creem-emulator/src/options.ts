import type { DeliveryRecord } from "./state/types";

export interface EmulatorOptions {
  /** 0 picks a free port. Default 4010. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** The key clients must send as `x-api-key`. Default "creem_test_local_dev_key". */
  apiKey?: string;
  /** Where webhooks are POSTed; without it events are only recorded. Can be changed at runtime. */
  webhookUrl?: string;
  /** Default "whsec_local_dev_secret". */
  webhookSecret?: string;
  /** JSON file the state is written through to; absent = memory only. */
  dataFile?: string;
  /** Waits before each webhook retry. Default [30 s, 1 min, 5 min, 1 h] (5 attempts in total). */
  retryDelaysMs?: number[];
  /** Webhook request timeout. Default 10 s. */
  webhookTimeoutMs?: number;
  /** Base of checkout and portal links. Default: the listening URL. */
  publicUrl?: string;
  /** What `POST /v1/subscriptions/{id}/cancel` without a mode does (a store setting in CREEM). Default "immediate". */
  defaultCancelMode?: "immediate" | "scheduled";
  /** Seed the catalog on start. Default true. */
  seed?: boolean;
  /** Receives one line per request and per webhook delivery attempt. */
  log?: (line: string) => void;
}

export const DEFAULTS = {
  port: 4010,
  host: "127.0.0.1",
  apiKey: "creem_test_local_dev_key",
  webhookSecret: "whsec_local_dev_secret",
  retryDelaysMs: [30_000, 60_000, 300_000, 3_600_000],
  webhookTimeoutMs: 10_000,
} as const;

export function describeDelivery(d: DeliveryRecord): string {
  const outcome = d.ok ? `${d.status_code}` : `failed (${d.error ?? "unknown error"})`;
  const next = d.ok ? "" : d.final ? ", giving up" : ", will retry";
  return `webhook ${d.event_type} ${d.event_id} attempt ${d.attempt} (${d.trigger}) -> ${outcome} in ${d.duration_ms} ms${next}`;
}

import type { Store } from "./state/store";
import type { EventLog } from "./webhooks/events";

export interface EmulatorConfig {
  apiKey: string;
  webhookSecret: string;
  /** Base of checkout and portal links; known once the server listens. */
  publicUrl: string;
  /** What a cancel without `mode` does (a store billing setting in CREEM). */
  defaultCancelMode: "immediate" | "scheduled";
}

/** What the API, pages and control routes share. */
export interface Ctx {
  store: Store;
  config: EmulatorConfig;
  events: EventLog;
}

import type { AddressInfo } from "node:net";
import { registerApiRoutes } from "./api/routes";
import type { Ctx } from "./context";
import { registerControlRoutes } from "./control/routes";
import { createHttpServer } from "./http/server";
import { Router } from "./http/router";
import { DEFAULTS, describeDelivery, type EmulatorOptions } from "./options";
import { registerCheckoutPages } from "./pages/checkout-routes";
import { registerPortalPages } from "./pages/portal-routes";
import { Store } from "./state/store";
import { WebhookDispatcher } from "./webhooks/dispatcher";
import { EventLog } from "./webhooks/events";

export interface RunningEmulator {
  url: string;
  port: number;
  store: Store;
  /** Webhook delivery: `idle()` waits for pending sends and retries; `url` can be changed. */
  webhooks: WebhookDispatcher;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? DEFAULTS.host;
  const store = new Store(options.dataFile);
  if (options.seed ?? true) store.seedCatalog();
  const webhooks = new WebhookDispatcher(store, {
    ...(options.webhookUrl ? { url: options.webhookUrl } : {}),
    secret: options.webhookSecret ?? DEFAULTS.webhookSecret,
    retryDelaysMs: options.retryDelaysMs ?? [...DEFAULTS.retryDelaysMs],
    timeoutMs: options.webhookTimeoutMs ?? DEFAULTS.webhookTimeoutMs,
    ...(options.log ? { onDelivery: (d) => options.log?.(describeDelivery(d)) } : {}),
  });
  const ctx: Ctx = {
    store,
    events: new EventLog(store, webhooks),
    config: {
      apiKey: options.apiKey ?? DEFAULTS.apiKey,
      webhookSecret: options.webhookSecret ?? DEFAULTS.webhookSecret,
      publicUrl: "",
      defaultCancelMode: options.defaultCancelMode ?? "immediate",
    },
  };
  const router = new Router();
  registerApiRoutes(router, ctx);
  registerCheckoutPages(router, ctx);
  registerPortalPages(router, ctx);
  registerControlRoutes(router, ctx, webhooks);
  const server = createHttpServer(ctx, router, options.log);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULTS.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  ctx.config.publicUrl = (options.publicUrl ?? url).replace(/\/+$/, "");

  return {
    url,
    port,
    store,
    webhooks,
    async close() {
      await webhooks.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      store.save();
    },
  };
}

import { CliError, type ControlClient } from "./client";
import {
  deliveriesTable,
  eventsTable,
  licensesTable,
  type DeliverySummary,
  type EventSummary,
  type LicenseSummary,
} from "./format";
import { USAGE } from "./usage";

export interface ParsedArgs {
  positionals: string[];
  flags: {
    subscription?: string;
    customer?: string;
    product?: string;
    type?: string;
    event?: string;
    times?: string;
    fail?: boolean;
    reversed?: boolean;
    at?: string;
    never?: boolean;
    json?: boolean;
  };
}

interface WithEvents {
  events: EventSummary[];
}

const eventLines = (events: EventSummary[]) =>
  events.map((e) => `  ${e.eventType} ${e.id}`).join("\n") || "  (no events)";

function arg(args: ParsedArgs, index: number, name: string): string {
  const value = args.positionals[index];
  if (!value) throw new CliError(`Missing <${name}>. Run \`npm run creem -- help\` for usage.`);
  return value;
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return search.size ? `?${search}` : "";
}

type Command = (client: ControlClient, args: ParsedArgs) => Promise<{ json: unknown; text: string }>;

export const COMMANDS: Record<string, Command> = {
  help: async () => ({ json: { usage: USAGE }, text: USAGE }),

  events: async (client, { flags }) => {
    const data = await client.get<{ items: EventSummary[] }>(
      `/events${query({ type: flags.type, subscription_id: flags.subscription })}`,
    );
    return { json: data, text: eventsTable(data.items) };
  },

  deliveries: async (client, { flags }) => {
    const data = await client.get<{ items: DeliverySummary[] }>(
      `/deliveries${query({ event_id: flags.event })}`,
    );
    return { json: data, text: deliveriesTable(data.items) };
  },

  resend: async (client, args) => {
    const id = arg(args, 1, "event-id");
    const times = args.flags.times === undefined ? 1 : Number(args.flags.times);
    if (!Number.isInteger(times) || times < 1 || times > 10)
      throw new CliError("--times must be a whole number from 1 to 10");
    const data = await client.post<{ deliveries: DeliverySummary[] }>(
      `/events/${encodeURIComponent(id)}/resend`,
      { times },
    );
    return { json: data, text: `Resent ${id} ${times}x\n${deliveriesTable(data.deliveries)}` };
  },

  send: async (client, args) => {
    const ids = args.positionals.slice(1);
    if (ids.length === 0) throw new CliError("Missing <event-id>... Run `npm run creem -- help` for usage.");
    const order = args.flags.reversed ? "reversed" : "given";
    const data = await client.post<{ deliveries: DeliverySummary[] }>("/events/send", {
      event_ids: ids,
      order,
    });
    return { json: data, text: deliveriesTable(data.deliveries) };
  },

  trigger: async (client, args) => {
    const event = arg(args, 1, "event");
    const { subscription, customer, product } = args.flags;
    if (!subscription && !customer) throw new CliError("trigger needs --subscription ID or --customer EMAIL");
    if (subscription && customer) throw new CliError("Pass either --subscription or --customer, not both");
    const data = await client.post<WithEvents>("/trigger", {
      event,
      ...(subscription ? { subscription_id: subscription } : {}),
      ...(customer ? { customer_email: customer } : {}),
      ...(product ? { product_id: product } : {}),
    });
    return { json: data, text: `Emitted:\n${eventLines(data.events)}` };
  },

  advance: async (client, args) => {
    const id = arg(args, 1, "subscription-id");
    const data = await client.post<
      WithEvents & { subscription: { status: string; current_period_end_date: string } }
    >(`/subscriptions/${encodeURIComponent(id)}/advance`, { fail: Boolean(args.flags.fail) });
    const s = data.subscription;
    return {
      json: data,
      text: `${id} is now ${s.status} (period ends ${s.current_period_end_date})\nEmitted:\n${eventLines(data.events)}`,
    };
  },

  refund: async (client, args) => {
    const id = arg(args, 1, "transaction-id");
    const data = await client.post<WithEvents>(`/transactions/${encodeURIComponent(id)}/refund`);
    return { json: data, text: `Refunded ${id}\nEmitted:\n${eventLines(data.events)}` };
  },

  dispute: async (client, args) => {
    const id = arg(args, 1, "transaction-id");
    const data = await client.post<WithEvents>(`/transactions/${encodeURIComponent(id)}/dispute`);
    return { json: data, text: `Opened a dispute on ${id}\nEmitted:\n${eventLines(data.events)}` };
  },

  webhook: async (client, args) => {
    const target = arg(args, 1, "url|off|hold|release");
    if (target === "hold") return { json: await client.post("/webhook/hold"), text: "Holding new webhooks." };
    if (target === "release") {
      const order = args.flags.reversed ? "reversed" : "given";
      const data = await client.post<{ deliveries: DeliverySummary[] }>("/webhook/release", { order });
      return { json: data, text: deliveriesTable(data.deliveries) };
    }
    const url = target === "off" ? null : target;
    const data = await client.post("/webhook", { url });
    return {
      json: data,
      text: url ? `Webhooks now go to ${url}` : "Webhooks are off (events are only recorded).",
    };
  },

  licenses: async (client, { flags }) => {
    const data = await client.get<{ items: LicenseSummary[] }>(
      `/licenses${query({ customer_email: flags.customer })}`,
    );
    return { json: data, text: licensesTable(data.items) };
  },

  license: async (client, args) => {
    const action = arg(args, 1, "revoke|expire|limit");
    const id = encodeURIComponent(arg(args, 2, "license-id|key"));
    const show = (l: LicenseSummary, what: string) => ({ json: l, text: `${what}\n${licensesTable([l])}` });
    switch (action) {
      case "revoke":
        return show(
          await client.post<LicenseSummary>(`/licenses/${id}/revoke`),
          "Revoked (status disabled).",
        );
      case "expire": {
        if (args.flags.at && args.flags.never) throw new CliError("Pass either --at or --never, not both");
        const body = args.flags.never
          ? { expires_at: null }
          : args.flags.at
            ? { expires_at: args.flags.at }
            : {};
        const l = await client.post<LicenseSummary>(`/licenses/${id}/expire`, body);
        return show(l, l.expires_at ? `Expires at ${l.expires_at}.` : "Never expires.");
      }
      case "limit": {
        const raw = arg(args, 3, "n|unlimited");
        const limit = raw === "unlimited" ? null : Number(raw);
        if (limit !== null && (!Number.isInteger(limit) || limit < 1))
          throw new CliError("The limit must be a whole number of at least 1, or unlimited");
        const l = await client.post<LicenseSummary>(`/licenses/${id}/limit`, { activation_limit: limit });
        return show(l, `Activation limit ${l.activation_limit ?? "unlimited"}.`);
      }
      default:
        throw new CliError(`Unknown license action "${action}". Use revoke, expire or limit.`);
    }
  },

  products: async (client, args) => {
    if (args.positionals[1] !== "seed") throw new CliError("Usage: npm run creem -- products seed");
    const data = await client.post<{ products: string[] }>("/products/seed");
    return { json: data, text: `Seeded ${data.products.length} products:\n  ${data.products.join("\n  ")}` };
  },

  reset: async (client) => ({
    json: await client.post("/reset"),
    text: "State cleared; catalog seeded.",
  }),
};

import type { DeliveryRecord } from "../state/event-records";
export interface EventSummary {
  id: string;
  eventType: string;
  created_at: number;
  subscription_id?: string;
  customer_id?: string;
  delivery_status: string;
}

/** A delivery as the control API returns it (the stored record, without the target URL). */
export type DeliverySummary = Omit<DeliveryRecord, "id" | "url">;

/** Left-aligned columns, two spaces apart. */
export function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function eventsTable(events: EventSummary[]): string {
  if (events.length === 0) return "No events.";
  return table([
    ["EVENT", "TYPE", "CREATED", "SUBSCRIPTION", "DELIVERY"],
    ...events.map((e) => [
      e.id,
      e.eventType,
      new Date(e.created_at).toISOString(),
      e.subscription_id ?? "-",
      e.delivery_status,
    ]),
  ]);
}

export function deliveriesTable(deliveries: DeliverySummary[]): string {
  if (deliveries.length === 0) return "No deliveries.";
  return table([
    ["SENT", "EVENT", "TYPE", "ATTEMPT", "RESULT"],
    ...deliveries.map((d) => [
      d.sent_at,
      d.event_id,
      d.event_type,
      `${d.attempt} (${d.trigger})`,
      d.ok
        ? `${d.status_code} ok, ${d.duration_ms} ms`
        : `${d.error ?? "failed"}${d.final ? " (final)" : ""}`,
    ]),
  ]);
}

export interface LicenseSummary {
  id: string;
  key: string;
  status: string;
  activation: number;
  activation_limit: number | null;
  expires_at: string | null;
  customer_email: string | null;
}

export function licensesTable(licenses: LicenseSummary[]): string {
  if (licenses.length === 0) return "No licenses.";
  return table([
    ["KEY", "LICENSE", "STATUS", "ACTIVATIONS", "EXPIRES", "CUSTOMER"],
    ...licenses.map((l) => [
      l.key,
      l.id,
      l.status,
      `${l.activation}/${l.activation_limit ?? "unlimited"}`,
      l.expires_at ?? "never",
      l.customer_email ?? "-",
    ]),
  ]);
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/account/action-form";
import { OutcomeBadge } from "@/components/admin/outcome-badge";
import { Time } from "@/components/admin/time";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/admin/guard";
import { getInboxEvent } from "@/lib/admin/webhooks";
import { db } from "@/lib/db";
import { replayEventAction } from "../actions";

export const metadata: Metadata = { title: "Webhook event" };

// One stored event: its facts, its last error, the exact bytes CREEM signed (or a sync's stored facts),
// and a replay button while it is not applied.
export default async function WebhookEventPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const event = await getInboxEvent(db, decodeURIComponent((await params).id));
  if (!event) notFound();
  const related = [
    ["Subscription", event.subscriptionId],
    ["Order", event.orderId],
    ["Customer", event.customerId],
  ] as const;
  const body = event.rawBody ?? JSON.stringify(event.payload, null, 2);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin/webhooks" className="text-sm text-zinc-600 hover:text-zinc-900">
          ← Inbox
        </Link>
        <h1 className="mt-2 font-mono text-xl font-semibold break-all">{event.id}</h1>
        <p className="mt-1 flex items-center gap-2 text-zinc-600">
          {event.type} <OutcomeBadge outcome={event.outcome} />
        </p>
      </div>
      <Card>
        <CardContent className="grid gap-x-8 gap-y-3 pt-6 text-sm sm:grid-cols-2">
          <div>
            CREEM time: <Time at={event.createdAt} />
          </div>
          <div>
            Received: <Time at={event.receivedAt} />
          </div>
          <div>
            Processed: <Time at={event.processedAt} />
          </div>
          <div>Attempts: {event.attempts}</div>
          {related.map(([label, id]) => (
            <div key={label}>
              {label}:{" "}
              {id ? (
                <Link
                  className="text-brand-700 font-mono"
                  href={`/admin/customers?q=${encodeURIComponent(id)}`}
                >
                  {id}
                </Link>
              ) : (
                "—"
              )}
            </div>
          ))}
          {event.lastError && (
            <p className="text-red-700 sm:col-span-2" data-testid="last-error">
              {event.lastError}
            </p>
          )}
        </CardContent>
      </Card>
      {!event.processedAt && !event.type.startsWith("sync.") && (
        <ActionForm action={replayEventAction} label="Replay this event" pendingLabel="Replaying…">
          <input type="hidden" name="eventId" value={event.id} />
        </ActionForm>
      )}
      <Card>
        <CardHeader>
          <CardTitle>{event.rawBody ? "Raw body (as signed)" : "Stored payload"}</CardTitle>
        </CardHeader>
        <CardContent>
          <pre className="max-h-[32rem] overflow-auto rounded-lg bg-zinc-950 p-4 font-mono text-xs whitespace-pre-wrap text-zinc-100">
            {body}
          </pre>
        </CardContent>
      </Card>
    </div>
  );
}

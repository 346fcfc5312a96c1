import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/account/action-form";
import { OutcomeBadge } from "@/components/admin/outcome-badge";
import { filterFieldClasses, SearchForm } from "@/components/admin/search-form";
import { Time } from "@/components/admin/time";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "@/components/ui/table";
import { requireAdmin } from "@/lib/admin/guard";
import { INBOX_OUTCOMES, listInbox, type InboxOutcome } from "@/lib/admin/webhooks";
import { db } from "@/lib/db";
import { replayAllAction } from "./actions";

export const metadata: Metadata = { title: "Webhooks" };

type Search = { outcome?: string; type?: string; q?: string; page?: string };

// The webhook inbox: every stored event and sync, newest first, with what applying it did.
export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireAdmin();
  const search = await searchParams;
  const outcome = INBOX_OUTCOMES.includes(search.outcome as InboxOutcome)
    ? (search.outcome as InboxOutcome)
    : undefined;
  const page = Math.max(1, Number.parseInt(search.page ?? "1", 10) || 1);
  const inbox = await listInbox(db, { outcome, type: search.type || undefined, q: search.q, page });
  const pageHref = (p: number) => {
    const params = new URLSearchParams();
    if (outcome) params.set("outcome", outcome);
    if (search.type) params.set("type", search.type);
    if (search.q) params.set("q", search.q);
    params.set("page", String(p));
    return `/admin/webhooks?${params}`;
  };

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Webhook inbox</h1>
          <p className="mt-1 text-zinc-600">
            Every CREEM event and sync the billing state was built from. Times in UTC.
          </p>
        </div>
        <ActionForm
          action={replayAllAction}
          label="Replay all failed"
          pendingLabel="Replaying…"
          variant="outline"
        />
      </div>

      <SearchForm
        label="Filter events"
        fieldLabel="Event, subscription, order or customer id"
        showFieldLabel
        placeholder="evt_… sub_… ord_… cust_…"
        query={search.q ?? ""}
        submitLabel="Filter"
      >
        <label className="flex flex-col gap-1 text-sm font-medium text-zinc-800">
          Outcome
          <select name="outcome" defaultValue={outcome ?? ""} className={filterFieldClasses}>
            <option value="">Any</option>
            {INBOX_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-zinc-800">
          Type
          <select name="type" defaultValue={search.type ?? ""} className={filterFieldClasses}>
            <option value="">Any</option>
            {inbox.types.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      </SearchForm>

      <Card>
        <CardContent className="p-0">
          <Table aria-label="Webhook events">
            <TableHead>
              <TableRow>
                <Th>Received</Th>
                <Th>Event</Th>
                <Th>Outcome</Th>
                <Th className="text-right">Attempts</Th>
                <Th>Processed</Th>
                <Th>Last error</Th>
              </TableRow>
            </TableHead>
            <TableBody>
              {inbox.rows.map((row) => (
                <TableRow key={row.id}>
                  <Td>
                    <Time at={row.receivedAt} />
                  </Td>
                  <Td>
                    <Link
                      href={`/admin/webhooks/${encodeURIComponent(row.id)}`}
                      className="text-brand-700 font-mono text-xs break-all underline-offset-4 hover:underline"
                    >
                      {row.id.slice(0, 60)}
                    </Link>
                    <div className="text-xs text-zinc-500">{row.type}</div>
                  </Td>
                  <Td>
                    <OutcomeBadge outcome={row.outcome} />
                  </Td>
                  <Td className="text-right tabular-nums">{row.attempts}</Td>
                  <Td>
                    <Time at={row.processedAt} />
                  </Td>
                  <Td className="max-w-xs truncate text-xs text-red-700" title={row.lastError ?? undefined}>
                    {row.lastError ?? ""}
                  </Td>
                </TableRow>
              ))}
              {inbox.rows.length === 0 && (
                <TableRow>
                  <Td colSpan={6} className="py-8 text-center text-zinc-500">
                    No events match.
                  </Td>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <div className="flex items-center justify-between text-sm text-zinc-600">
        <span>
          {inbox.total === 1 ? "1 event" : `${inbox.total} events`} · page {inbox.page} of {inbox.pages}
        </span>
        <div className="flex gap-2">
          {inbox.page > 1 && (
            <Link className={buttonClasses("outline", "sm")} href={pageHref(inbox.page - 1)}>
              Newer
            </Link>
          )}
          {inbox.page < inbox.pages && (
            <Link className={buttonClasses("outline", "sm")} href={pageHref(inbox.page + 1)}>
              Older
            </Link>
          )}
        </div>
      </div>
    </div>
  );
}

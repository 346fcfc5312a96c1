import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ActionForm } from "@/components/account/action-form";
import { OutcomeBadge } from "@/components/admin/outcome-badge";
import { Time } from "@/components/admin/time";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "@/components/ui/table";
import { getCustomerAccount } from "@/lib/admin/customers";
import { requireAdmin } from "@/lib/admin/guard";
import { db } from "@/lib/db";
import { formatMoney } from "@/lib/format";
import { syncCustomerAction } from "../actions";

export const metadata: Metadata = { title: "Customer" };

function Section({ title, children, empty }: { title: string; children: ReactNode; empty: boolean }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent className={empty ? "" : "p-0"}>
        {empty ? <p className="text-sm text-zinc-500">None.</p> : children}
      </CardContent>
    </Card>
  );
}

// One account (a workspace): who is in it, what it has, why it has access (the same timeline as its billing page), the events and
// emails about it, and what operators did to it.
export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const account = await getCustomerAccount(db, (await params).id);
  if (!account) notFound();
  const { workspace } = account;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href="/admin/customers" className="text-sm text-zinc-600 hover:text-zinc-900">
            ← Customers
          </Link>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight break-all">
            {/* Every personal workspace is called "Personal": its owner's address says whose it is. */}
            {workspace.personal
              ? (account.members.find((m) => m.role === "owner")?.email ?? workspace.name)
              : workspace.name}
          </h1>
          <p className="mt-1 text-sm text-zinc-600">
            {workspace.personal ? "Personal workspace" : "Team workspace"} · CREEM customer{" "}
            <span className="font-mono">{workspace.creemCustomerId ?? "—"}</span> · since{" "}
            <Time at={workspace.createdAt} />
          </p>
        </div>
        <ActionForm
          action={syncCustomerAction}
          label="Sync from CREEM"
          pendingLabel="Syncing…"
          variant="outline"
        >
          <input type="hidden" name="customerId" value={workspace.id} />
        </ActionForm>
      </div>

      <Section title="Members" empty={account.members.length === 0}>
        <Table aria-label="Members">
          <TableBody>
            {account.members.map((m) => (
              <TableRow key={m.id}>
                <Td>{m.email}</Td>
                <Td>{m.name ?? ""}</Td>
                <Td>{m.role}</Td>
                <Td>
                  {m.deleted && <Badge tone="danger">deleted</Badge>}
                  {!m.trialReminders && <Badge>trial reminders off</Badge>}
                </Td>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      <Section title="Subscriptions" empty={account.subscriptions.length === 0}>
        <Table aria-label="Subscriptions">
          <TableHead>
            <TableRow>
              <Th>Subscription</Th>
              <Th>Plan</Th>
              <Th>Status</Th>
              <Th className="text-right">Seats</Th>
              <Th>Period ends</Th>
            </TableRow>
          </TableHead>
          <TableBody>
            {account.subscriptions.map((s) => (
              <TableRow key={s.id}>
                <Td className="font-mono text-xs">{s.id}</Td>
                <Td>{s.plan}</Td>
                <Td>
                  <Badge tone={s.tone}>{s.statusLabel}</Badge>
                  {s.cancelAtPeriodEnd && (
                    <span className="ml-2 text-xs text-zinc-500">cancels at period end</span>
                  )}
                </Td>
                <Td className="text-right tabular-nums">{s.units}</Td>
                <Td>
                  <Time at={s.currentPeriodEnd} />
                </Td>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      <Section title="Purchases" empty={account.purchases.length === 0}>
        <Table aria-label="Purchases">
          <TableBody>
            {account.purchases.map((p) => (
              <TableRow key={p.id}>
                <Td className="font-mono text-xs">{p.id}</Td>
                <Td>{p.plan}</Td>
                <Td>{p.amount !== null && p.currency ? formatMoney(p.amount, p.currency) : "—"}</Td>
                <Td>{p.status}</Td>
                <Td>
                  <Time at={p.purchasedAt} />
                </Td>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      <Section title="License keys" empty={account.licenseKeys.length === 0}>
        <Table aria-label="License keys">
          <TableBody>
            {account.licenseKeys.map((k) => (
              <TableRow key={k.id}>
                <Td className="font-mono text-xs">{k.key}</Td>
                <Td>{k.status}</Td>
                <Td>
                  {k.activations} of {k.activationLimit ?? "∞"} activations
                </Td>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      <Section title="Access timeline" empty={account.timeline.length === 0}>
        <ol aria-label="Access timeline" className="divide-y divide-zinc-100 text-sm">
          {account.timeline.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-6 py-3">
              <span className="w-28 text-zinc-500">{t.date}</span>
              <span className="font-medium">{t.event}</span>
              <span className="text-zinc-600">{t.access}</span>
              {t.statusLabel && <Badge tone={t.tone}>{t.statusLabel}</Badge>}
            </li>
          ))}
        </ol>
      </Section>

      <Section title="Webhook events" empty={account.events.length === 0}>
        <Table aria-label="Events">
          <TableBody>
            {account.events.map((e) => (
              <TableRow key={e.id}>
                <Td>
                  <Time at={e.createdAt} />
                </Td>
                <Td>
                  <Link
                    href={`/admin/webhooks/${encodeURIComponent(e.id)}`}
                    className="text-brand-700 font-mono text-xs hover:underline"
                  >
                    {e.id.slice(0, 60)}
                  </Link>
                </Td>
                <Td>{e.type}</Td>
                <Td>
                  <OutcomeBadge outcome={e.outcome} />
                </Td>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      <Section title="Emails" empty={account.emails.length === 0}>
        <Table aria-label="Emails">
          <TableBody>
            {account.emails.map((m) => (
              <TableRow key={m.id}>
                <Td>
                  <Time at={m.createdAt} />
                </Td>
                <Td>{m.kind}</Td>
                <Td>{m.to}</Td>
                <Td>
                  <Badge
                    tone={m.status === "sent" ? "success" : m.status === "failed" ? "danger" : "neutral"}
                  >
                    {m.status}
                  </Badge>
                </Td>
                <Td className="text-xs text-red-700">{m.lastError ?? ""}</Td>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      <Section title="Operator actions" empty={account.audit.length === 0}>
        <Table aria-label="Operator actions">
          <TableBody>
            {account.audit.map((a) => (
              <TableRow key={a.id}>
                <Td>
                  <Time at={a.at} />
                </Td>
                <Td>{a.adminEmail}</Td>
                <Td>{a.action}</Td>
                <Td className="font-mono text-xs">{a.target}</Td>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
    </div>
  );
}

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "@/components/ui/table";
import type { PageParam } from "@/lib/billing/account/history-view";
import { getBillingHistory, type BillingHistory as History } from "@/lib/billing/account/queries";

const pageHref = (page: number) =>
  page <= 1 ? "/dashboard/billing#history" : `/dashboard/billing?page=${page}#history`;

export function BillingHistoryFrame({
  children,
  footer,
}: {
  children: React.ReactNode;
  footer?: React.ReactNode;
}) {
  return (
    <Card id="history" className="scroll-mt-24">
      <CardHeader>
        <CardTitle>Billing history</CardTitle>
        <CardDescription>Payments, renewals and refunds, as recorded by CREEM.</CardDescription>
      </CardHeader>
      <CardContent>{children}</CardContent>
      {footer}
    </Card>
  );
}

/** The workspace's CREEM transactions, one page at a time (`?page=`). */
export async function BillingHistory({ workspaceId, page }: { workspaceId: string; page: PageParam }) {
  const history = await getBillingHistory(workspaceId, page.page);
  return (
    <BillingHistoryFrame footer={history.kind === "page" ? <Pagination history={history} /> : undefined}>
      <div className="flex flex-col gap-4">
        {page.invalid !== undefined && (
          <Alert tone="warning">
            There is no page “{page.invalid}” of your billing history, so the first page is shown.
          </Alert>
        )}
        <HistoryBody history={history} />
      </div>
    </BillingHistoryFrame>
  );
}

function HistoryBody({ history }: { history: History }) {
  if (history.kind === "no_customer") {
    return (
      <p className="text-sm text-zinc-600">
        No payments yet. Your invoices appear here after your first purchase.
      </p>
    );
  }
  if (history.kind === "unavailable") {
    return (
      <Alert tone="warning" title="Billing history is unavailable right now">
        {history.message} Your plan and its features are not affected.
      </Alert>
    );
  }
  if (history.rows.length === 0) {
    return history.page > 1 ? (
      <p className="text-sm text-zinc-600">
        There are no payments on page {history.page}.{" "}
        <Link href={pageHref(1)} className="text-brand-700 font-medium underline-offset-2 hover:underline">
          Go to the first page
        </Link>
      </p>
    ) : (
      <p className="text-sm text-zinc-600">No payments yet.</p>
    );
  }
  return (
    <Table>
      <TableHead>
        <TableRow>
          <Th className="hidden sm:table-cell">Date</Th>
          <Th>Description</Th>
          <Th className="text-right">Amount</Th>
          <Th>Status</Th>
        </TableRow>
      </TableHead>
      <TableBody>
        {history.rows.map((row) => (
          <TableRow key={row.id}>
            <Td className="hidden whitespace-nowrap sm:table-cell">{row.date}</Td>
            <Td>
              {row.description}
              <span className="block text-xs text-zinc-500 sm:hidden">{row.date}</span>
            </Td>
            <Td className="text-right whitespace-nowrap tabular-nums">{row.amount}</Td>
            <Td>
              <Badge tone={row.statusTone}>{row.statusLabel}</Badge>
            </Td>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Pagination({ history }: { history: Extract<History, { kind: "page" }> }) {
  if (history.totalPages <= 1 && history.page === 1) return null;
  const { page, totalPages } = history;
  return (
    <CardFooter className="justify-between">
      <p className="text-sm text-zinc-600">
        Page {page} of {Math.max(totalPages, 1)}
      </p>
      <nav aria-label="Billing history pages" className="flex gap-2">
        {page > 1 ? (
          <Link
            href={pageHref(Math.min(page - 1, Math.max(totalPages, 1)))}
            className={buttonClasses("outline", "sm")}
          >
            Previous
          </Link>
        ) : (
          <span
            aria-disabled="true"
            className={buttonClasses("outline", "sm", "pointer-events-none opacity-50")}
          >
            Previous
          </span>
        )}
        {page < totalPages ? (
          <Link href={pageHref(page + 1)} className={buttonClasses("outline", "sm")}>
            Next
          </Link>
        ) : (
          <span
            aria-disabled="true"
            className={buttonClasses("outline", "sm", "pointer-events-none opacity-50")}
          >
            Next
          </span>
        )}
      </nav>
    </CardFooter>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { SearchForm } from "@/components/admin/search-form";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "@/components/ui/table";
import { searchCustomers } from "@/lib/admin/customers";
import { requireAdmin } from "@/lib/admin/guard";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Customers" };

// Find an account by email or by any CREEM id it has (customer, subscription, order, license).
export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  await requireAdmin();
  const { q = "" } = await searchParams;
  const hits = await searchCustomers(db, q);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Customers</h1>
        <p className="mt-1 text-zinc-600">
          Search by a member&apos;s email, a workspace name, or a CREEM customer, subscription, order or
          license id.
        </p>
      </div>
      <SearchForm
        label="Find a customer"
        fieldLabel="Email or CREEM id"
        placeholder="ada@example.com, cust_…, sub_…, ord_…"
        query={q}
        submitLabel="Search"
      />
      <Card>
        <CardContent className="p-0">
          <Table aria-label="Customers">
            <TableHead>
              <TableRow>
                <Th>Workspace</Th>
                <Th>Members</Th>
                <Th>CREEM customer</Th>
                <Th className="text-right">Subscriptions</Th>
                <Th className="text-right">Purchases</Th>
              </TableRow>
            </TableHead>
            <TableBody>
              {hits.map((hit) => (
                <TableRow key={hit.id}>
                  <Td>
                    <Link
                      href={`/admin/customers/${hit.id}`}
                      className="text-brand-700 font-medium hover:underline"
                    >
                      {hit.name}
                    </Link>
                    <div className="text-xs text-zinc-500">{hit.personal ? "personal" : "team"}</div>
                  </Td>
                  <Td className="text-sm">{hit.members.join(", ") || "—"}</Td>
                  <Td className="font-mono text-xs">{hit.creemCustomerId ?? "—"}</Td>
                  <Td className="text-right tabular-nums">{hit.subscriptions}</Td>
                  <Td className="text-right tabular-nums">{hit.purchases}</Td>
                </TableRow>
              ))}
              {hits.length === 0 && (
                <TableRow>
                  <Td colSpan={5} className="py-8 text-center text-zinc-500">
                    No customer matches {q ? `“${q}”` : ""}.
                  </Td>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}

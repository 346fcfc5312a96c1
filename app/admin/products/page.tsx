import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "@/components/ui/table";
import { requireAdmin } from "@/lib/admin/guard";
import { checkProducts } from "@/lib/admin/products";
import { catalog } from "@/lib/billing/catalog";
import { creem } from "@/lib/creem/server";
import { formatMoney } from "@/lib/format";

export const metadata: Metadata = { title: "Products" };

// The plan catalog (lib/billing/plans.ts) against the CREEM products it points to; mismatches in red.
export default async function ProductsPage() {
  await requireAdmin();
  const checks = await checkProducts(creem, catalog);
  const bad = checks.filter((c) => c.problems.length > 0).length;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Products</h1>
        <p className="mt-1 text-zinc-600">
          {bad === 0
            ? "Every product of the plan catalog exists at CREEM with the same price."
            : `${bad} of ${checks.length} products differ from plans.ts. Fix them at CREEM or in plans.ts (npm run creem:push-catalog creates missing ones).`}
        </p>
      </div>
      <Card>
        <CardContent className="p-0">
          <Table aria-label="Products">
            <TableHead>
              <TableRow>
                <Th>Plan</Th>
                <Th>CREEM product</Th>
                <Th>plans.ts</Th>
                <Th>CREEM</Th>
                <Th>Check</Th>
              </TableRow>
            </TableHead>
            <TableBody>
              {checks.map((c) => (
                <TableRow key={c.productId} className={c.problems.length ? "bg-red-50" : undefined}>
                  <Td>{c.plan}</Td>
                  <Td className="font-mono text-xs">{c.productId}</Td>
                  <Td>
                    {formatMoney(c.expected.amount, c.expected.currency)} {c.expected.period}
                    {c.expected.trialDays ? `, ${c.expected.trialDays}-day trial` : ""}
                  </Td>
                  <Td>
                    {c.found
                      ? `${c.found.amount !== undefined ? formatMoney(c.found.amount, c.found.currency ?? "USD") : "?"} ${c.found.period ?? ""}${c.found.trialDays ? `, ${c.found.trialDays}-day trial` : ""}`
                      : "—"}
                  </Td>
                  <Td>
                    {c.problems.length === 0 ? (
                      <Badge tone="success">matches</Badge>
                    ) : (
                      <span className="text-sm font-medium text-red-700">{c.problems.join("; ")}</span>
                    )}
                  </Td>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}

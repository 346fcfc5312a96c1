import type { Metadata } from "next";
import { HorizontalBars, MovementChart } from "@/components/admin/charts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "@/components/ui/table";
import { requireAdmin } from "@/lib/admin/guard";
import { revenueReport } from "@/lib/admin/revenue";
import { catalog } from "@/lib/billing/catalog";
import { db } from "@/lib/db";
import { formatMoney } from "@/lib/format";

export const metadata: Metadata = { title: "Revenue" };

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card>
      <CardContent className="pt-6">
        <p className="text-sm text-zinc-600">{label}</p>
        <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`stat-${label}`}>
          {value}
        </p>
        {hint && <p className="mt-1 text-xs text-zinc-500">{hint}</p>}
      </CardContent>
    </Card>
  );
}

// Revenue from the app's own tables (lib/admin/revenue.ts says what counts).
export default async function RevenuePage() {
  await requireAdmin();
  const report = await revenueReport(db, catalog);
  const money = (v: number) => formatMoney(v, report.currency);
  const conversion = report.trials.ended
    ? Math.round((report.trials.converted / report.trials.ended) * 100)
    : null;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Revenue</h1>
        <p className="mt-1 text-zinc-600">
          Monthly recurring revenue after discounts, yearly plans divided by 12; trials and ended
          subscriptions count nothing.
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="MRR" value={money(report.mrr)} hint={`${report.paying} paying subscriptions`} />
        <Stat label="Trialing" value={String(report.trialing)} />
        <Stat
          label="Trials converting"
          value={conversion === null ? "—" : `${conversion}%`}
          hint={`${report.trials.converted} of ${report.trials.ended} ended trials`}
        />
        <Stat
          label="At risk (past due)"
          value={money(report.atRisk.mrr)}
          hint={`${report.atRisk.subscriptions} subscriptions`}
        />
      </div>
      <Card>
        <CardHeader>
          <CardTitle>MRR by plan</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <HorizontalBars
            label="MRR by plan"
            rows={report.byPlan.map((r) => ({ name: r.plan, value: r.mrr }))}
            format={money}
          />
          <Table aria-label="Active subscriptions by plan">
            <TableHead>
              <TableRow>
                <Th>Plan</Th>
                <Th className="text-right">Subscriptions</Th>
                <Th className="text-right">MRR</Th>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.byPlan.map((r) => (
                <TableRow key={r.plan}>
                  <Td>{r.plan}</Td>
                  <Td className="text-right tabular-nums">{r.subscriptions}</Td>
                  <Td className="text-right tabular-nums">{money(r.mrr)}</Td>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>MRR movements</CardTitle>
          <CardDescription>
            Change of MRR per month, from the stored subscription states (UTC months).
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <MovementChart label="MRR movements per month" months={report.months} />
          <Table aria-label="MRR movements">
            <TableHead>
              <TableRow>
                <Th>Month</Th>
                <Th className="text-right">New</Th>
                <Th className="text-right">Expansion</Th>
                <Th className="text-right">Contraction</Th>
                <Th className="text-right">Churn</Th>
                <Th className="text-right">Net</Th>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.months.map((m) => (
                <TableRow key={m.month}>
                  <Td>{m.month}</Td>
                  <Td className="text-right tabular-nums">{money(m.new)}</Td>
                  <Td className="text-right tabular-nums">{money(m.expansion)}</Td>
                  <Td className="text-right tabular-nums">{money(m.contraction)}</Td>
                  <Td className="text-right tabular-nums">{money(m.churn)}</Td>
                  <Td className="text-right tabular-nums">
                    {money(m.new + m.expansion - m.contraction - m.churn)}
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

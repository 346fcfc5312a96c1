import type { Metadata } from "next";
import { ResumePrompt } from "@/components/billing/resume-prompt";
import { UpgradePrompt } from "@/components/upgrade-prompt";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "@/components/ui/table";
import { checkEntitlement } from "@/lib/billing/access";
import { pausedPlanOf } from "@/lib/billing/account/paused";
import { FEATURES } from "@/lib/billing/plans";
import { activityReport } from "@/lib/reports";

export const metadata: Metadata = { title: "Reports" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });

export default async function ReportsPage() {
  const access = await checkEntitlement("reports");
  // A paused subscriber is offered their plan back, not a sales pitch.
  const paused = !access.ok && access.workspace ? await pausedPlanOf(access.workspace.id) : null;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Reports</h1>
        <p className="mt-1 text-zinc-600">Your billing activity, ready to export. Included in paid plans.</p>
      </div>
      {access.ok ? (
        <Report workspaceId={access.workspace.id} />
      ) : paused ? (
        <ResumePrompt paused={paused} feature={FEATURES.reports} />
      ) : (
        <UpgradePrompt feature="reports" message={access.error.message} />
      )}
    </div>
  );
}

async function Report({ workspaceId }: { workspaceId: string }) {
  const rows = await activityReport(workspaceId);
  return (
    <Card>
      <CardHeader className="sm:flex-row sm:items-start sm:justify-between">
        <div>
          <CardTitle>Billing activity</CardTitle>
          <CardDescription>Subscriptions and purchases of this workspace.</CardDescription>
        </div>
        <a href="/api/reports/export" className={buttonClasses("outline", "sm")} download>
          Download CSV
        </a>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <Alert tone="info">No activity yet.</Alert>
        ) : (
          <Table>
            <TableHead>
              <TableRow>
                <Th>Date</Th>
                <Th>Type</Th>
                <Th>Plan</Th>
                <Th>Status</Th>
                <Th>Detail</Th>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row, i) => (
                <TableRow key={i}>
                  <Td>{dateFormat.format(row.date)}</Td>
                  <Td>{row.kind}</Td>
                  <Td>{row.plan}</Td>
                  <Td className="capitalize">{row.status.replace(/_/g, " ")}</Td>
                  <Td>{row.detail}</Td>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

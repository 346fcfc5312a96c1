import type { Metadata } from "next";
import { ActionForm } from "@/components/account/action-form";
import { Time } from "@/components/admin/time";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "@/components/ui/table";
import { requireAdmin } from "@/lib/admin/guard";
import { adminJobs } from "@/lib/admin/jobs";
import { db } from "@/lib/db";
import type { JobRun } from "@/lib/jobs/status";
import { runJobAction } from "./actions";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

const stateTones: Record<string, BadgeTone> = {
  completed: "success",
  active: "brand",
  created: "neutral",
  retry: "warning",
  failed: "danger",
  cancelled: "neutral",
};

function StateBadge({ state }: { state: string }) {
  return <Badge tone={stateTones[state] ?? "neutral"}>{state}</Badge>;
}

/** A run's output in one line: its error message, or its result. */
function summary(output: unknown): string {
  if (output === null || output === undefined) return "";
  const message = (output as { message?: unknown }).message;
  return (typeof message === "string" ? message : JSON.stringify(output)).split("\n")[0]!.slice(0, 200);
}

function RunsTable({ label, runs, empty }: { label: string; runs: JobRun[]; empty: string }) {
  return (
    <Card>
      <CardContent className="p-0">
        <Table aria-label={label}>
          <TableHead>
            <TableRow>
              <Th>Job</Th>
              <Th>State</Th>
              <Th className="text-right">Attempt</Th>
              <Th>Queued</Th>
              <Th>Finished</Th>
              <Th>Output</Th>
            </TableRow>
          </TableHead>
          <TableBody>
            {runs.map((run) => (
              <TableRow key={`${run.id}-${run.state}`}>
                <Td className="font-mono text-xs whitespace-nowrap">{run.name}</Td>
                <Td>
                  <StateBadge state={run.state} />
                </Td>
                <Td className="text-right tabular-nums">{run.attempts}</Td>
                <Td>
                  <Time at={run.createdOn} />
                </Td>
                <Td>
                  <Time at={run.completedOn} />
                </Td>
                <Td
                  className={`max-w-sm truncate text-xs ${run.state === "completed" ? "text-zinc-600" : "text-red-700"}`}
                  title={summary(run.output)}
                >
                  {summary(run.output)}
                </Td>
              </TableRow>
            ))}
            {runs.length === 0 && (
              <TableRow>
                <Td colSpan={6} className="py-8 text-center text-zinc-500">
                  {empty}
                </Td>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

// The background jobs (lib/jobs/registry.ts): whether a worker is running, each job's schedule, next run and
// counts, "Run now", and the recent runs and failures. The same data as `npm run jobs`.
export default async function JobsPage() {
  await requireAdmin();
  const status = await adminJobs(db);
  const workers =
    status.workers === 0 ? (
      <Badge tone="danger">No worker running</Badge>
    ) : (
      <Badge tone="success">
        {status.workers === 1 ? "1 worker running" : `${status.workers} workers running`}
      </Badge>
    );

  return (
    <div className="flex flex-col gap-6">
      <div>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-semibold tracking-tight">Background jobs</h1>
          {workers}
        </div>
        <p className="mt-1 text-zinc-600">
          Scheduled and retried work, run by the job worker (<code>npm run worker</code>) on pg-boss in this
          database. Times in UTC.
        </p>
      </div>

      {status.workers === 0 && (
        <Alert tone="error">
          No job worker is connected to this database: lifecycle emails are not sent and failed webhook events
          are not retried until one runs. Start it beside the app with <code>npm run worker</code> (the{" "}
          <code>worker</code> service in compose.yaml), or run jobs from a cron with{" "}
          <code>npm run jobs -- exec &lt;name&gt;</code>.
        </Alert>
      )}

      {!status.ready ? (
        <p className="text-zinc-600">
          No worker has started on this database yet, so there are no queues to show.
        </p>
      ) : (
        <>
          <Card>
            <CardContent className="p-0">
              <Table aria-label="Jobs">
                <TableHead>
                  <TableRow>
                    <Th>Job</Th>
                    <Th>Schedule (UTC)</Th>
                    <Th>Next run</Th>
                    <Th>Runs</Th>
                    <Th>
                      <span className="sr-only">Run now</span>
                    </Th>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {status.registered.map((job) => {
                    const queue = status.queues.find((q) => q.name === job.name);
                    const counts = Object.entries(queue?.counts ?? {}).sort(([a], [b]) => a.localeCompare(b));
                    return (
                      <TableRow key={job.name}>
                        <Td className="min-w-56">
                          <div className="font-mono text-xs">{job.name}</div>
                          <div className="text-xs text-zinc-500">{job.description}</div>
                        </Td>
                        <Td className="font-mono text-xs whitespace-nowrap">{queue?.cron ?? "on demand"}</Td>
                        <Td>
                          <Time at={queue?.nextRunAt} />
                        </Td>
                        <Td className="text-xs whitespace-nowrap text-zinc-600">
                          {counts.length === 0
                            ? "none yet"
                            : counts.map(([state, n]) => `${n} ${state}`).join(", ")}
                        </Td>
                        <Td className="text-right">
                          <ActionForm
                            action={runJobAction}
                            label="Run now"
                            pendingLabel="Queuing…"
                            variant="outline"
                            size="sm"
                          >
                            <input type="hidden" name="job" value={job.name} />
                          </ActionForm>
                        </Td>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </CardContent>
          </Card>

          <section className="flex flex-col gap-3">
            <h2 className="text-lg font-semibold">Failures</h2>
            <RunsTable label="Failed runs" runs={status.failures} empty="No failed runs." />
          </section>
          <section className="flex flex-col gap-3">
            <h2 className="text-lg font-semibold">Recent runs</h2>
            <RunsTable label="Recent runs" runs={status.recent} empty="No runs yet." />
          </section>
        </>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listActivity } from "@/lib/workspaces/activity-feed";
import { requireWorkspace } from "@/lib/workspaces/current";
import { can, deniedMessage } from "@/lib/workspaces/roles";

export const metadata: Metadata = { title: "Activity" };

const timeFormat = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

// What happened in the current workspace, newest first, for its owners and admins.
export default async function ActivityPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { workspace } = await requireWorkspace("/dashboard/activity");
  if (!can(workspace.role, "activity.view")) {
    return (
      <div className="flex max-w-3xl flex-col gap-6">
        <h1 className="text-3xl font-semibold tracking-tight">Activity</h1>
        <Alert tone="warning">
          {deniedMessage("activity.view")} The activity log is for owners and admins.
        </Alert>
      </div>
    );
  }
  const { page: raw } = await searchParams;
  const { items, page, pages } = await listActivity(workspace.id, Number(raw ?? 1));
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Activity</h1>
        <p className="mt-1 text-zinc-600">
          Sign-ins, invitations, role changes and billing changes in{" "}
          <span className="font-medium text-zinc-900">{workspace.name}</span>.
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Newest first</CardTitle>
          <CardDescription>
            Page {page} of {pages}. Times are UTC.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {items.length === 0 ? (
            <p className="text-sm text-zinc-600">Nothing has happened here yet.</p>
          ) : (
            <ol className="divide-y divide-zinc-100" data-testid="activity-list">
              {items.map((item) => (
                <li
                  key={item.id}
                  className="flex flex-col gap-0.5 py-3 sm:flex-row sm:justify-between sm:gap-4"
                >
                  <span className="text-sm text-zinc-900">{item.line}</span>
                  <time dateTime={item.at.toISOString()} className="text-xs whitespace-nowrap text-zinc-500">
                    {timeFormat.format(item.at)}
                  </time>
                </li>
              ))}
            </ol>
          )}
          {pages > 1 && (
            <nav aria-label="Activity pages" className="mt-4 flex justify-between gap-2">
              {page > 1 ? (
                <Link
                  href={`/dashboard/activity?page=${page - 1}`}
                  className={buttonClasses("outline", "sm")}
                >
                  Newer
                </Link>
              ) : (
                <span />
              )}
              {page < pages && (
                <Link
                  href={`/dashboard/activity?page=${page + 1}`}
                  className={buttonClasses("outline", "sm")}
                >
                  Older
                </Link>
              )}
            </nav>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

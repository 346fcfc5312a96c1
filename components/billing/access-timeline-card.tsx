import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { TimelineEntry } from "@/lib/billing/account/timeline";

// "Why do I have (or not have) access?": the account's access timeline, newest first.
export function AccessTimelineCard({ entries }: { entries: TimelineEntry[] }) {
  return (
    <Card id="access-timeline" className="scroll-mt-24">
      <CardHeader>
        <CardTitle>Access timeline</CardTitle>
        <CardDescription>What changed your access and why, newest first.</CardDescription>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="text-sm text-zinc-600">Nothing yet. Payments and plan changes show up here.</p>
        ) : (
          <ol className="flex flex-col divide-y divide-zinc-100" data-testid="access-timeline">
            {entries.map((entry) => (
              <li
                key={`${entry.id}-${entry.at}`}
                className="grid gap-1 py-3 text-sm first:pt-0 last:pb-0 sm:grid-cols-[7.5rem_1fr_auto] sm:items-center sm:gap-4"
              >
                <time dateTime={entry.at} className="text-zinc-500 tabular-nums">
                  {entry.date}
                </time>
                <p className="min-w-0 break-words">
                  <span className="font-medium text-zinc-900">{entry.event}</span>
                  <span aria-hidden="true" className="px-1.5 text-zinc-400">
                    →
                  </span>
                  <span className="sr-only"> then </span>
                  <span className="text-zinc-700">{entry.access}</span>
                </p>
                {entry.statusLabel && (
                  <Badge tone={entry.tone} className="justify-self-start">
                    {entry.statusLabel}
                  </Badge>
                )}
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}

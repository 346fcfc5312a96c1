"use client";

import { revokeSessionAction, signOutSessionsAction } from "@/app/dashboard/settings/actions";
import { Badge } from "@/components/ui/badge";
import type { DeviceKind } from "@/lib/account/user-agent";
import { ActionForm } from "./action-form";

export type SessionItem = {
  id: string;
  label: string;
  device: DeviceKind;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
};

function DeviceIcon({ device }: { device: DeviceKind }) {
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      className="size-6 shrink-0 text-zinc-400"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      {device === "desktop" ? (
        <path d="M3 5h18v11H3zM8 20h8M12 16v4" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <path d="M7 3h10v18H7zM11 18h2" strokeLinecap="round" strokeLinejoin="round" />
      )}
    </svg>
  );
}
const time = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (iso: string) => `${time.format(new Date(iso))} UTC`;

/** Where the user is signed in, with a sign-out per session and for all the others at once. */
export function SessionsList({ sessions }: { sessions: SessionItem[] }) {
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="flex flex-col gap-4">
      <ul className="divide-y divide-zinc-100" aria-label="Active sessions">
        {sessions.map((s) => (
          <li
            key={s.id}
            className="flex items-start gap-3 py-3 first:pt-0 last:pb-0"
            aria-label={`${s.label}${s.current ? " (this device)" : ""}`}
          >
            <DeviceIcon device={s.device} />
            <div className="flex min-w-0 flex-1 flex-col gap-2 sm:flex-row sm:items-center">
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2 font-medium text-zinc-900">
                  {s.label}
                  {s.current && <Badge tone="brand">This device</Badge>}
                </p>
                <p className="text-sm text-zinc-500">
                  Last seen {when(s.lastSeenAt)} · signed in {when(s.createdAt)}
                </p>
              </div>
              {!s.current && (
                <ActionForm action={revokeSessionAction} label="Sign out" variant="outline" size="sm">
                  <input type="hidden" name="sessionId" value={s.id} />
                </ActionForm>
              )}
            </div>
          </li>
        ))}
      </ul>
      <div className="flex flex-col gap-3 border-t border-zinc-100 pt-4 sm:flex-row sm:flex-wrap">
        {others > 0 && (
          <ActionForm action={signOutSessionsAction} label="Sign out everywhere else" variant="outline">
            <input type="hidden" name="scope" value="others" />
          </ActionForm>
        )}
        <ActionForm action={signOutSessionsAction} label="Sign out everywhere" variant="ghost">
          <input type="hidden" name="scope" value="all" />
        </ActionForm>
      </div>
    </div>
  );
}

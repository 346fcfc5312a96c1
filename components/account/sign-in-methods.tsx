"use client";

import { unlinkProviderAction } from "@/app/dashboard/settings/actions";
import { Badge } from "@/components/ui/badge";
import type { SignInMethod } from "@/lib/account/rules";
import { ActionForm } from "./action-form";

/** The ways this user can sign in; an OAuth account can be removed while another way remains. */
export function SignInMethods({ methods, email }: { methods: SignInMethod[]; email: string }) {
  return (
    <ul className="divide-y divide-zinc-100" aria-label="Sign-in methods">
      {methods.map((m) => (
        <li
          key={m.provider}
          className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center"
        >
          <div className="min-w-0 flex-1">
            <p className="font-medium text-zinc-900">{m.kind === "email" ? "Email link" : m.name}</p>
            <p className="truncate text-sm text-zinc-500">
              {m.kind === "email"
                ? `A sign-in link sent to ${email}`
                : m.available
                  ? m.connected
                    ? "Connected"
                    : "Not connected"
                  : "No longer offered here"}
            </p>
          </div>
          {m.connected ? (
            m.canUnlink ? (
              <ActionForm action={unlinkProviderAction} label="Disconnect" variant="outline" size="sm">
                <input type="hidden" name="provider" value={m.provider} />
              </ActionForm>
            ) : (
              <Badge tone="success" className="self-start sm:self-center">
                {m.kind === "email" ? "Always on" : "Only method"}
              </Badge>
            )
          ) : (
            <Badge tone="neutral" className="self-start sm:self-center">
              Sign in with {m.name} to connect it
            </Badge>
          )}
        </li>
      ))}
    </ul>
  );
}

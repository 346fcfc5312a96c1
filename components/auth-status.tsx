"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { usePathname } from "next/navigation";
import { Avatar } from "@/components/account/avatar";
import { SignOutButton } from "@/components/sign-out-button";
import { buttonClasses } from "@/components/ui/button";
import { WorkspaceSwitcher } from "@/components/workspaces/workspace-switcher";

type SessionUser = { name?: string | null; email?: string | null; image?: string | null };
type Status = { state: "loading" } | { state: "signed-out" } | { state: "signed-in"; user: SessionUser };

/** The header's sign-in state, read from Auth.js's session endpoint so public pages can stay static. */
export function AuthStatus() {
  const [status, setStatus] = useState<Status>({ state: "loading" });
  const pathname = usePathname();

  useEffect(() => {
    let active = true;
    fetch("/api/auth/session", { cache: "no-store" })
      .then((res) => (res.ok ? (res.json() as Promise<{ user?: SessionUser } | null>) : null))
      .then((session) => {
        if (!active) return;
        setStatus(session?.user ? { state: "signed-in", user: session.user } : { state: "signed-out" });
      })
      .catch(() => active && setStatus({ state: "signed-out" }));
    return () => {
      active = false;
    };
  }, [pathname]);

  if (status.state === "loading") {
    return <div aria-hidden="true" className="h-9 w-28 animate-pulse rounded-lg bg-zinc-100" />;
  }
  if (status.state === "signed-out") {
    return (
      <Link href="/signin" className={buttonClasses("secondary", "sm")}>
        Sign in
      </Link>
    );
  }
  const label = status.user.name || status.user.email || "Account";
  return (
    <div className="flex min-w-0 items-center gap-2 sm:gap-3">
      <WorkspaceSwitcher />
      {/* Not on a phone: beside the switcher it would slide under "Sign out" (Settings is in the dashboard nav). */}
      <Link
        href="/dashboard/settings"
        className="hidden shrink-0 items-center gap-2 rounded-full text-sm text-zinc-600 hover:text-zinc-900 sm:flex"
        title={status.user.email ?? ""}
        aria-label={`Account settings (${label})`}
      >
        <Avatar name={status.user.name} email={status.user.email} image={status.user.image} size="sm" />
        <span className="hidden max-w-48 truncate md:inline">{label}</span>
      </Link>
      {/* On a phone the second header row links the dashboard; this row keeps room for the switcher. */}
      <span className="hidden sm:contents">
        <Link href="/dashboard" className={buttonClasses("outline", "sm")}>
          Dashboard
        </Link>
      </span>
      <SignOutButton variant="ghost" />
    </div>
  );
}

"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { usePathname } from "next/navigation";
import { SignOutButton } from "@/components/sign-out-button";
import { buttonClasses } from "@/components/ui/button";

type SessionUser = { name?: string | null; email?: string | null };
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
    <div className="flex items-center gap-3">
      <span
        className="hidden max-w-48 truncate text-sm text-zinc-600 md:inline"
        title={status.user.email ?? ""}
      >
        {label}
      </span>
      <Link href="/dashboard" className={buttonClasses("outline", "sm")}>
        Dashboard
      </Link>
      <SignOutButton variant="ghost" />
    </div>
  );
}

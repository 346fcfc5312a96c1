"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

const links = [
  { href: "/dashboard", label: "Overview" },
  { href: "/dashboard/billing", label: "Billing" },
  { href: "/dashboard/reports", label: "Reports" },
  { href: "/dashboard/members", label: "Members" },
  { href: "/dashboard/activity", label: "Activity" },
  { href: "/dashboard/settings", label: "Settings" },
];

/** `showConsole`: the signed-in user is an operator (decided on the server; /admin checks again). */
export function DashboardNav({ showConsole = false }: { showConsole?: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Dashboard" className="-mx-1 flex gap-1 overflow-x-auto border-b border-zinc-200">
      {[...links, ...(showConsole ? [{ href: "/admin", label: "Console" }] : [])].map((link) => {
        const active = pathname === link.href;
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors",
              active
                ? "border-brand-600 text-brand-700"
                : "border-transparent text-zinc-600 hover:text-zinc-900",
            )}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}

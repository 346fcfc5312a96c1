"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

// A row of tabs under a named navigation landmark (the dashboard's and the console's): the current tab
// has aria-current="page" and the brand underline. A tab is current on its own path, or with
// `match: "prefix"` also on any path below it (a console list and its detail pages).

export type TabNavItem = {
  href: string;
  label: string;
  /** "exact" (default): current only on `href`; "prefix": also on `${href}/…`. */
  match?: "exact" | "prefix";
  /** After the label, inside the link (e.g. a count), so it is part of the link's accessible name. */
  badge?: ReactNode;
};

export function isCurrentTab(pathname: string, item: Pick<TabNavItem, "href" | "match">): boolean {
  return pathname === item.href || (item.match === "prefix" && pathname.startsWith(`${item.href}/`));
}

/** `label` names the landmark ("Dashboard", "Console"); tests and screen readers find the tabs by it. */
export function TabNav({ label, items }: { label: string; items: readonly TabNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="-mx-1 flex gap-1 overflow-x-auto border-b border-zinc-200">
      {items.map((item) => {
        const current = isCurrentTab(pathname, item);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? "page" : undefined}
            className={cn(
              "-mb-px flex items-center gap-2 border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors",
              current
                ? "border-brand-600 text-brand-700"
                : "border-transparent text-zinc-600 hover:text-zinc-900",
            )}
          >
            {item.label}
            {item.badge}
          </Link>
        );
      })}
    </nav>
  );
}

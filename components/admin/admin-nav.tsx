"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

// The console's tabs; the webhook tab carries the number of events not applied (failed or invalid).
const links = [
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/customers", label: "Customers" },
  { href: "/admin/revenue", label: "Revenue" },
  { href: "/admin/discounts", label: "Discounts" },
  { href: "/admin/products", label: "Products" },
];

export function AdminNav({ failed }: { failed: number }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Console" className="-mx-1 flex gap-1 overflow-x-auto border-b border-zinc-200">
      {links.map((link) => {
        const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px flex items-center gap-2 border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap",
              active
                ? "border-brand-600 text-brand-700"
                : "border-transparent text-zinc-600 hover:text-zinc-900",
            )}
          >
            {link.label}
            {link.href === "/admin/webhooks" && failed > 0 && (
              <span
                className="rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white"
                aria-label={`${failed} not applied`}
                data-testid="failed-count"
              >
                {failed}
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}

import Link from "next/link";
import { AuthStatus } from "@/components/auth-status";
import { Logo } from "@/components/logo";
import { cn } from "@/lib/cn";

const links = [
  { href: "/#features", label: "Features" },
  { href: "/pricing", label: "Pricing" },
  { href: "/dashboard", label: "Dashboard" },
];

function MainNav({ className }: { className: string }) {
  return (
    <nav aria-label="Main" className={cn("items-center gap-6 text-sm text-zinc-600", className)}>
      {links.map((link) => (
        <Link key={link.href} href={link.href} className="hover:text-zinc-900">
          {link.label}
        </Link>
      ))}
    </nav>
  );
}

// Static on purpose: the signed-in state is filled in by a small client component, so public pages
// stay prerendered and cacheable. On small screens the links move to a second row.
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b border-zinc-200/80 bg-white/85 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        <div className="flex items-center gap-8">
          <Logo />
          <MainNav className="hidden sm:flex" />
        </div>
        <AuthStatus />
      </div>
      <MainNav className="flex h-10 border-t border-zinc-100 px-4 sm:hidden" />
    </header>
  );
}

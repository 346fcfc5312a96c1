import Link from "next/link";
import { AuthStatus } from "@/components/auth-status";
import { Logo } from "@/components/logo";

// Static on purpose: the signed-in state is filled in by a small client component, so public pages
// stay prerendered and cacheable.
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b border-zinc-200/80 bg-white/85 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        <div className="flex items-center gap-8">
          <Logo />
          <nav aria-label="Main" className="hidden items-center gap-6 text-sm text-zinc-600 sm:flex">
            <Link href="/#features" className="hover:text-zinc-900">
              Features
            </Link>
            <Link href="/pricing" className="hover:text-zinc-900">
              Pricing
            </Link>
            <Link href="/dashboard" className="hover:text-zinc-900">
              Dashboard
            </Link>
          </nav>
        </div>
        <AuthStatus />
      </div>
    </header>
  );
}

import Link from "next/link";
import { site } from "@/lib/site";

export function SiteFooter() {
  return (
    <footer className="border-t border-zinc-200 bg-zinc-50">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-8 text-sm text-zinc-600 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>
          © {new Date().getFullYear()} {site.name}. Payments by CREEM, the merchant of record.
        </p>
        <nav aria-label="Footer" className="flex gap-6">
          <Link href="/#features" className="hover:text-zinc-900">
            Features
          </Link>
          <Link href="/signin" className="hover:text-zinc-900">
            Sign in
          </Link>
          <a href={site.repo} className="hover:text-zinc-900">
            Source
          </a>
        </nav>
      </div>
    </footer>
  );
}

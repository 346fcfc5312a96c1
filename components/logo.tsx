import Link from "next/link";
import { site } from "@/lib/site";

export function Logo() {
  return (
    <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight text-zinc-900">
      <span
        aria-hidden="true"
        className="from-brand-500 to-brand-700 grid size-7 place-items-center rounded-lg bg-gradient-to-br text-sm text-white"
      >
        ▲
      </span>
      {site.name}
    </Link>
  );
}

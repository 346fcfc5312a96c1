import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center px-4 py-24 text-center">
      <p className="text-brand-700 text-sm font-semibold">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-3 text-zinc-600">The page you are looking for does not exist or has moved.</p>
      <Link href="/" className={buttonClasses("primary", "md", "mt-8")}>
        Back home
      </Link>
    </div>
  );
}

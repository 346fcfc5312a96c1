import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireAdmin } from "@/lib/admin/guard";
import { notAppliedCount } from "@/lib/admin/webhooks";
import { db } from "@/lib/db";

export const metadata: Metadata = {
  title: { default: "Console", template: "%s · Console" },
  robots: { index: false },
};

// The operator console. This check hides the pages from everyone but operators; each page, action and
// route checks again itself (requireAdmin), since a layout does not protect actions.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  const failed = await notAppliedCount(db);
  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-8 px-4 py-8 sm:px-6">
      <AdminNav failed={failed} />
      {children}
    </div>
  );
}

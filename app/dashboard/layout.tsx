import { DashboardNav } from "@/components/dashboard-nav";
import { isAdminEmail } from "@/lib/admin/guard";
import { requireUser } from "@/lib/auth";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser("/dashboard");
  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-8 px-4 py-8 sm:px-6">
      <DashboardNav showConsole={isAdminEmail(user.email)} />
      {children}
    </div>
  );
}

import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/admin/guard";

// The console opens on the webhook inbox.
export default async function AdminHome() {
  await requireAdmin();
  redirect("/admin/webhooks");
}

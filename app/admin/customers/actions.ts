"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAdminAction } from "@/lib/admin/actions";
import { syncCustomer } from "@/lib/admin/customers";
import { creem } from "@/lib/creem/server";
import { db } from "@/lib/db";
import { UserError } from "@/lib/user-error";

// "Sync from CREEM" on a customer page: the same sync as the reconcile job, for one account, audited.

const schema = z.object({ customerId: z.string().trim().min(1, "Choose a customer.").max(100) });

export const syncCustomerAction = validatedAdminAction(schema, async (input, admin) => {
  const summary = await syncCustomer(db, creem, admin, input.customerId);
  if (!summary) throw new UserError("That customer does not exist.");
  revalidatePath(`/admin/customers/${input.customerId}`);
  const text = `${summary.synced} subscriptions synced${summary.failed ? `, ${summary.failed} failed` : ""}.`;
  return summary.failed ? { error: `${text} ${summary.results.join("; ")}` } : { success: text };
});

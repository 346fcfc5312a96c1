"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAdminAction } from "@/lib/admin/actions";
import { runJobNow } from "@/lib/admin/jobs";
import { db } from "@/lib/db";

// "Run now" on the console's Jobs page: wakes the job in every listening worker (lib/jobs/wake.ts), audited.

const schema = z.object({ job: z.string().trim().min(1, "Choose a job.").max(100) });

export const runJobAction = validatedAdminAction(schema, async (input, admin) => {
  const result = await runJobNow(db, admin, input.job);
  if (!result.ok) return { error: result.error };
  revalidatePath("/admin/jobs");
  return { success: `${input.job} is queued; a worker starts it now.` };
});

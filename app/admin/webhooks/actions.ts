"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAdminAction } from "@/lib/admin/actions";
import { replayEvents } from "@/lib/admin/webhooks";
import { db } from "@/lib/db";

// Replaying webhook events from the console: the same replay as `npm run webhooks -- replay`, audited.

const oneSchema = z.object({ eventId: z.string().trim().min(1, "Choose an event.").max(300) });

export const replayEventAction = validatedAdminAction(oneSchema, async (input, admin) => {
  const result = await replayEvents(db, admin, [input.eventId]);
  revalidatePath("/admin", "layout");
  if (result.pending === 0) return { error: "This event is already applied." };
  if (result.applied === 1) return { success: `Applied: ${result.log.at(-1) ?? input.eventId}` };
  return { error: `Not applied: ${result.log.at(-1) ?? "see the last error"}` };
});

export const replayAllAction = validatedAdminAction(z.object({}), async (_input, admin) => {
  const result = await replayEvents(db, admin);
  revalidatePath("/admin", "layout");
  const summary = `${result.pending} events: ${result.applied} applied, ${result.unreadable} still invalid, ${result.failed} failed`;
  return result.failed > 0 || result.unreadable > 0 ? { error: summary } : { success: summary };
});

import "server-only";
import type { z } from "zod";
import { validatedActionWithUser, type ActionState } from "@/lib/actions";
import type { CurrentUser } from "@/lib/auth";
import { requireAdmin } from "./guard";

// The wrapper of every operator-console server action: the caller must be an operator (else the action
// throws notFound(), as the pages do, before its input is even read), then the input is validated and
// errors become safe messages exactly as in validatedActionWithUser.

export function validatedAdminAction<S extends z.ZodType>(
  schema: S,
  action: (input: z.output<S>, admin: CurrentUser) => Promise<ActionState>,
) {
  const inner = validatedActionWithUser(schema, async (input, user) => {
    const admin = await requireAdmin();
    if (admin.id !== user.id) return { error: "Your session changed. Reload the page." };
    return action(input, admin);
  });
  return async (prev: ActionState, formData: FormData): Promise<ActionState> => {
    await requireAdmin();
    return inner(prev, formData);
  };
}

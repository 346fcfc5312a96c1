import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth";
import { isCreemError } from "@/lib/creem";
import { UserError } from "@/lib/user-error";
import { assertCan, workspaceOfRequest, type WorkspaceContext } from "@/lib/workspaces/current";
import type { Permission } from "@/lib/workspaces/roles";

// Every server action goes through this wrapper, so none can forget to validate its input or check who
// is calling. Results are plain values for useActionState; errors are safe to show to users.

export type ActionState = { error?: string; success?: string; fieldErrors?: Record<string, string> };

export function validatedActionWithUser<S extends z.ZodType>(
  schema: S,
  action: (input: z.output<S>, user: CurrentUser) => Promise<ActionState>,
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const user = await getCurrentUser();
    if (!user) return { error: "Your session has ended. Please sign in again." };
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
      return { error: parsed.error.issues[0]?.message ?? "Invalid input.", fieldErrors };
    }
    try {
      return await action(parsed.data, user);
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are implemented as throws
      if (isCreemError(error)) {
        console.error(`[action] CREEM ${error.code} ${error.endpoint} trace=${error.traceId ?? "-"}`);
        return { error: error.userMessage };
      }
      if (error instanceof UserError) return { error: error.message };
      console.error("[action] unexpected error", error);
      return { error: "Something went wrong. Please try again." };
    }
  };
}

/**
 * A server action in the current workspace: validates like validatedActionWithUser, then resolves the
 * workspace the caller acts in (the workspace cookie, counted only while they are a member) and refuses,
 * before anything is read or written, when their role lacks `permission`.
 */
export function validatedWorkspaceAction<S extends z.ZodType>(
  schema: S,
  permission: Permission,
  action: (input: z.output<S>, context: WorkspaceContext) => Promise<ActionState>,
) {
  return validatedActionWithUser(schema, async (input, user) => {
    const context = await workspaceOfRequest(user);
    assertCan(context, permission);
    return action(input, context);
  });
}

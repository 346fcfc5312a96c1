import "server-only";
import { configuredProviders } from "@/lib/auth";
import { db } from "@/lib/db";
import { UserError } from "@/lib/user-error";
import { signInMethods, type SignInMethod } from "./rules";

export type { SignInMethod };

// The ways a user can sign in: their linked OAuth accounts plus the email magic link when that provider
// is configured. A method can be removed only while another one remains, so no one locks themselves out.

export async function listSignInMethods(userId: string): Promise<SignInMethod[]> {
  const accounts = await db.account.findMany({ where: { userId }, select: { provider: true } });
  return signInMethods(
    accounts.map((a) => a.provider),
    configuredProviders(),
  );
}

/** Unlinks one of the user's own OAuth providers, if another way to sign in remains. */
export async function unlinkProvider(userId: string, provider: string): Promise<string> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in-methods:${userId}`}))`;
    const accounts = await tx.account.findMany({ where: { userId }, select: { provider: true } });
    const method = signInMethods(
      accounts.map((a) => a.provider),
      configuredProviders(),
    ).find((m) => m.provider === provider && m.kind === "oauth" && m.connected);
    if (!method) throw new UserError("That sign-in method is not connected to your account.");
    if (!method.canUnlink) {
      throw new UserError(
        `${method.name} is your only way to sign in. Add another method before removing it.`,
      );
    }
    await tx.account.deleteMany({ where: { userId, provider } });
    return `${method.name} was disconnected from your account.`;
  });
}

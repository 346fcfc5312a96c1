import "server-only";
import { configuredProviders } from "@/lib/auth";
import { db } from "@/lib/db";
import { UserError } from "@/lib/user-error";

// The ways a user can sign in: their linked OAuth accounts plus the email magic link when that provider
// is configured. A method can be removed only while another one remains, so no one locks themselves out.

export type SignInMethod = {
  provider: string;
  name: string;
  kind: "email" | "oauth";
  /** Linked to this user (always true for email: every user has an address). */
  connected: boolean;
  /** Configured in this deployment (an OAuth account stays listed after its provider was removed). */
  available: boolean;
  canUnlink: boolean;
};

type Provider = { id: string; name: string; type: "email" | "oauth" };

/** Pure: the methods list from the user's linked providers and the configured ones. */
export function signInMethods(linked: string[], configured: Provider[]): SignInMethod[] {
  const emailAvailable = configured.some((p) => p.type === "email");
  const usable = linked.filter((p) => configured.some((c) => c.id === p)).length + (emailAvailable ? 1 : 0);
  const methods: SignInMethod[] = configured.map((p) => {
    const connected = p.type === "email" || linked.includes(p.id);
    return {
      provider: p.id,
      name: p.name,
      kind: p.type,
      connected,
      available: true,
      canUnlink: p.type === "oauth" && connected && usable > 1,
    };
  });
  for (const provider of linked) {
    if (configured.some((c) => c.id === provider)) continue;
    // Its provider is not configured any more: it cannot sign in, so removing it never locks anyone out.
    methods.push({
      provider,
      name: provider,
      kind: "oauth",
      connected: true,
      available: false,
      canUnlink: true,
    });
  }
  return methods;
}

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

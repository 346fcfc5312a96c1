// The account page's pure rules, unit-tested without a database: when "last seen" is written, which
// sign-in methods a user has and may remove, how a license key is shown in an export.

/** How often a session's lastSeenAt (and user agent) may be written: reads in between write nothing. */
export const LAST_SEEN_EVERY_MS = 5 * 60 * 1000;

export type SeenState = { lastSeenAt?: Date | null; userAgent?: string | null };

/** Whether a read of this session should write lastSeenAt (pure; the throttle lives here). */
export function shouldTouch(session: SeenState, userAgent: string | null, now: Date): boolean {
  if (!session.lastSeenAt) return true;
  if (userAgent && session.userAgent !== userAgent) return true;
  return now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_EVERY_MS;
}

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

/** A license key with all but its last 4 characters hidden. */
export function maskKey(key: string): string {
  return key.length <= 4
    ? "*".repeat(key.length)
    : `${"*".repeat(Math.min(key.length - 4, 16))}${key.slice(-4)}`;
}

// What Auth.js may hand to the browser (/api/auth/session) and to pages (`auth()`): the user's id, name,
// email and avatar, and the expiry. The database row it is built from also holds the session token, the
// user agent and billing ids, none of which may reach client JavaScript.

type SessionRow = { expires: Date | string };
type UserRow = { id: string; name?: string | null; email?: string | null; image?: string | null };

export type PublicSession = {
  user: { id: string; name: string | null; email: string; image: string | null };
  expires: string;
};

export function publicSession(session: SessionRow, user: UserRow): PublicSession {
  const expires = session.expires instanceof Date ? session.expires.toISOString() : session.expires;
  return {
    user: { id: user.id, name: user.name ?? null, email: user.email ?? "", image: user.image ?? null },
    expires,
  };
}

/** Deleted accounts keep an anonymised row with this kind of address (lib/account/deletion.ts). */
export const DELETED_EMAIL_DOMAIN = "deleted.invalid";

export const deletedEmailFor = (userId: string) => `deleted-${userId}@${DELETED_EMAIL_DOMAIN}`;

export function isDeletedEmail(email: string | null | undefined): boolean {
  return !!email && email.toLowerCase().endsWith(`@${DELETED_EMAIL_DOMAIN}`);
}

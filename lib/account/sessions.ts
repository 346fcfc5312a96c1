import "server-only";
import { cookies, headers } from "next/headers";
import { db } from "@/lib/db";
import { LAST_SEEN_EVERY_MS, shouldTouch, type SeenState } from "./rules";
import { parseUserAgent, type DeviceKind } from "./user-agent";

// The user's database sessions as the account page shows them, and the writes behind "last seen". The
// session token never leaves the server: the page and its actions use the session's id, and every
// revocation is scoped to the signed-in user's own rows.

// Auth.js's session cookie (the __Secure- variant is used over https).
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

async function requestUserAgent(): Promise<string | null> {
  try {
    return (await headers()).get("user-agent")?.slice(0, 512) ?? null;
  } catch {
    return null; // outside a request (scripts, jobs): nothing to record
  }
}

/**
 * Called by the Auth.js session callback each time a session is read in a request. Writes at most once
 * per LAST_SEEN_EVERY_MS per session, also when several requests race (the condition is in the UPDATE).
 */
export async function touchSession(session: SeenState & { sessionToken?: string }): Promise<void> {
  if (!session.sessionToken) return;
  const userAgent = await requestUserAgent();
  const now = new Date();
  if (!shouldTouch(session, userAgent, now)) return;
  const staleBefore = new Date(now.getTime() - LAST_SEEN_EVERY_MS);
  try {
    await db.session.updateMany({
      where: {
        sessionToken: session.sessionToken,
        OR: [
          { lastSeenAt: null },
          { lastSeenAt: { lt: staleBefore } },
          ...(userAgent ? [{ NOT: { userAgent } }, { userAgent: null }] : []),
        ],
      },
      data: { lastSeenAt: now, ...(userAgent ? { userAgent } : {}) },
    });
  } catch (error) {
    // "Last seen" is informative: a failed write must not sign anyone out.
    console.warn("[account] could not record session activity", error);
  }
}

/** The session token of this request's cookie, if any (server components, actions, route handlers). */
export async function currentSessionToken(): Promise<string | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const value = jar.get(name)?.value;
    if (value) return value;
  }
  return null;
}

/** Removes the session cookie from this browser (after its session row was deleted). */
export async function clearSessionCookie(): Promise<void> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    if (jar.get(name)) jar.set(name, "", { path: "/", maxAge: 0, secure: name.startsWith("__Secure-") });
  }
}

export type SessionView = {
  id: string;
  label: string;
  device: DeviceKind;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

export async function listSessions(userId: string, currentToken: string | null): Promise<SessionView[]> {
  const rows = await db.session.findMany({
    where: { userId, expires: { gt: new Date() } },
    select: { id: true, sessionToken: true, userAgent: true, createdAt: true, lastSeenAt: true },
  });
  return rows
    .map((row) => {
      const ua = parseUserAgent(row.userAgent);
      return {
        id: row.id,
        label: ua.label,
        device: ua.device,
        createdAt: row.createdAt,
        lastSeenAt: row.lastSeenAt ?? row.createdAt,
        current: row.sessionToken === currentToken,
      };
    })
    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
}

export type RevokeResult = "revoked" | "not_found" | "current";

/** Ends one of the user's own sessions; another user's id (or an unknown one) is "not_found". */
export async function revokeSession(
  userId: string,
  sessionId: string,
  currentToken: string | null,
): Promise<RevokeResult> {
  const { count } = await db.session.deleteMany({
    where: { id: sessionId, userId, ...(currentToken ? { NOT: { sessionToken: currentToken } } : {}) },
  });
  if (count === 1) return "revoked";
  const current = currentToken
    ? await db.session.findFirst({ where: { id: sessionId, userId, sessionToken: currentToken } })
    : null;
  return current ? "current" : "not_found";
}

/** Ends every session of the user except this one (or all of them when `keepToken` is null). */
export async function revokeOtherSessions(userId: string, keepToken: string | null): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { userId, ...(keepToken ? { NOT: { sessionToken: keepToken } } : {}) },
  });
  return count;
}

// The address `npm run dev` binds to. Loopback by default: the dev server serves /dev/mail (every
// sign-in link in the outbox) and has no production hardening, so only this machine may reach it.
// DEV_HOSTNAME=0.0.0.0 opens it to the network on purpose (say, to test from a phone).

export const DEFAULT_DEV_HOSTNAME = "127.0.0.1";

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

export function devHostname(env: Record<string, string | undefined>): { hostname: string; warning?: string } {
  const hostname = env.DEV_HOSTNAME?.trim() || DEFAULT_DEV_HOSTNAME;
  if (LOOPBACK.has(hostname)) return { hostname };
  return {
    hostname,
    warning:
      `▲ DEV_HOSTNAME=${hostname}: the dev server is reachable from other machines, and so are its ` +
      "sign-in links at /dev/mail. Unset DEV_HOSTNAME to keep it on 127.0.0.1.",
  };
}

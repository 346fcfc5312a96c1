import { isIP } from "node:net";

// The client's IP address for per-IP limits. X-Forwarded-For is written by whoever sends the request,
// so it is trusted only when TRUST_PROXY=true says a reverse proxy in front of the app sets it. Next's
// own server fills it in with the socket address only when the request has none, so without a proxy a
// client can put anything there: then the IP is unknown (null) and per-IP limits are skipped rather
// than keyed on a value an attacker chooses (per-address and per-user limits still apply).

/**
 * With `trustProxy`, the right-most X-Forwarded-For entry (the address the nearest proxy saw; entries to
 * its left come from the client), else X-Real-IP. Null when untrusted, missing or not an IP address.
 */
export function clientIp(headers: Headers, trustProxy: boolean): string | null {
  if (!trustProxy) return null;
  const forwarded = headers.get("x-forwarded-for");
  const candidate = forwarded
    ? forwarded.split(",").at(-1)!.trim()
    : (headers.get("x-real-ip")?.trim() ?? "");
  return normaliseIp(candidate);
}

function normaliseIp(value: string): string | null {
  let ip = value;
  // "[2001:db8::1]:443" and "203.0.113.7:51234" (some proxies append the port).
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(":"));
  ip = ip.toLowerCase();
  // An IPv4 client seen through an IPv6 socket.
  if (ip.startsWith("::ffff:") && isIP(ip.slice(7)) === 4) ip = ip.slice(7);
  return isIP(ip) ? ip : null;
}

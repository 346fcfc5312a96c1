// Only same-site paths may be used as a post-sign-in destination (no open redirects). The input is
// normalised the way a browser resolves it (`new URL(input, origin)`: dot segments, `%2e`, backslashes,
// tabs and newlines) and the result is checked, never the raw string: `/.//evil.com` normalises to the
// path `//evil.com`, which a browser reads as another host.

const MAX_LENGTH = 2048;
const PLACEHOLDER_ORIGIN = "http://localhost";

/** The path, query and fragment of `value` resolved against `origin`, or null when it leaves `origin`. */
function sameOriginPath(value: string, origin: string): string | null {
  if (value.length === 0 || value.length > MAX_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Re-checked after normalisation: `//host` and `/\host` are protocol-relative URLs to a browser.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return null;
  return path;
}

/** A same-site path (`/dashboard?x=1#y`) from untrusted input such as `?callbackUrl=`, else `fallback`. */
export function safeCallbackUrl(value: unknown, fallback = "/dashboard"): string {
  // Only relative paths are taken from users; absolute URLs (even to this site) fall back.
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  return sameOriginPath(value, PLACEHOLDER_ORIGIN) ?? fallback;
}

/**
 * Auth.js `redirect` callback: `url` (relative or absolute) when it stays on `baseUrl`'s origin, as an
 * absolute URL with a normalised path; otherwise the app's home page.
 */
export function sameOriginRedirect(url: string, baseUrl: string): string {
  const origin = new URL(baseUrl).origin;
  const path = sameOriginPath(url, origin);
  return `${origin}${path ?? "/"}`;
}

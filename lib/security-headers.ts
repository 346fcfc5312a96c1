// Security headers of every response, in one place: next.config.ts sends the fixed ones on every path,
// proxy.ts adds the Content-Security-Policy to pages. Dependency-free, so next.config.ts can import it.
//
// Scripts: Next.js streams inline scripts (the RSC payload) into each page. Pages rendered per request
// get a fresh nonce (proxy.ts puts the policy on the request; Next reads the nonce from it and stamps it
// on its scripts) with 'strict-dynamic'. Prerendered public pages (the landing and pricing pages, the
// same HTML for every visitor and served from cache) cannot carry a per-request nonce, so their policy
// allows this site's scripts and inline scripts only; every other directive is the same strict one.

/** Route prefixes rendered per request (they read the session, cookies or the query): nonce policy. */
export const NONCE_ROUTES = ["/dashboard", "/signin", "/checkout", "/dev", "/invite"] as const;

export function usesNonce(pathname: string): boolean {
  return NONCE_ROUTES.some((route) => pathname === route || pathname.startsWith(`${route}/`));
}

export type CspOptions = {
  /** A fresh per-request nonce, or undefined for prerendered pages. */
  nonce?: string;
  /** `next dev` needs eval (React's dev tools) and a websocket for hot reload. */
  development?: boolean;
  /** Origins a form may be submitted or redirected to besides this site (CREEM checkout and portal, OAuth). */
  formActions?: readonly string[];
};

export function contentSecurityPolicy({ nonce, development = false, formActions = [] }: CspOptions): string {
  const scripts = nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'", "'unsafe-inline'"];
  if (development) scripts.push("'unsafe-eval'");
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": scripts,
    // React and Next set inline style attributes; styles cannot run code.
    "style-src": ["'self'", "'unsafe-inline'"],
    // Avatars from OAuth providers are https images.
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "font-src": ["'self'", "data:"],
    // Server actions and client navigation talk to this site only (CREEM is called from the server).
    "connect-src": development ? ["'self'", "ws:", "wss:"] : ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    // A checkout is a server action answered with a redirect to CREEM's hosted page: with JavaScript off
    // that is a form submission followed by a redirect, which form-action also governs.
    "form-action": ["'self'", ...new Set(formActions)],
    "frame-ancestors": ["'none'"],
    "frame-src": ["'none'"],
    "worker-src": ["'self'", "blob:"],
    "manifest-src": ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** Where forms may lead: CREEM (checkout, customer portal), the configured CREEM host, OAuth providers. */
export function formActionSources(env: Record<string, string | undefined>): string[] {
  const sources = ["https://creem.io", "https://*.creem.io"];
  if (env.CREEM_API_BASE_URL) {
    try {
      sources.push(new URL(env.CREEM_API_BASE_URL).origin);
    } catch {
      // Validated at boot (lib/env.schema.ts); an invalid value adds nothing here.
    }
  }
  if (env.AUTH_GITHUB_ID) sources.push("https://github.com");
  if (env.AUTH_GOOGLE_ID) sources.push("https://accounts.google.com");
  return sources;
}

export type Header = { key: string; value: string };

/** The fixed headers of every response. HSTS only in production (it would pin localhost to https). */
export function securityHeaders({ production }: { production: boolean }): Header[] {
  const headers: Header[] = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    },
  ];
  if (production) {
    headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  }
  return headers;
}

/** 128 random bits, base64: unguessable and valid in a CSP nonce-source. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

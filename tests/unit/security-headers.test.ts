import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  createNonce,
  formActionSources,
  securityHeaders,
  usesNonce,
} from "@/lib/security-headers";

function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("pages rendered per request: scripts only with the nonce (and what they load)", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123" }));
    expect(csp["script-src"]).toEqual(["'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp["script-src"]).not.toContain("'unsafe-inline'");
    expect(csp["script-src"]).not.toContain("'unsafe-eval'");
  });

  it("prerendered pages: this site's scripts and Next's inline payload, nothing from elsewhere", () => {
    const csp = directives(contentSecurityPolicy({}));
    expect(csp["script-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("cannot be framed, loads no plugins, keeps <base> and connections on this site", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "n" }));
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'self'"]);
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(csp["connect-src"]).toEqual(["'self'"]);
  });

  it("lets forms lead to this site and the given origins (CREEM's checkout redirect) only", () => {
    const csp = directives(
      contentSecurityPolicy({
        formActions: ["https://creem.io", "http://127.0.0.1:4410", "https://creem.io"],
      }),
    );
    expect(csp["form-action"]).toEqual(["'self'", "https://creem.io", "http://127.0.0.1:4410"]);
  });

  it("relaxes only what `next dev` needs in development", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "n", development: true }));
    expect(csp["script-src"]).toContain("'unsafe-eval'");
    expect(csp["connect-src"]).toEqual(["'self'", "ws:", "wss:"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
  });

  it("is one header line without stray whitespace", () => {
    expect(contentSecurityPolicy({ nonce: "n" })).not.toMatch(/\n|\s{2,}|;\s*$/);
  });
});

describe("formActionSources", () => {
  it("CREEM always; the configured CREEM host; OAuth providers when configured", () => {
    expect(formActionSources({})).toEqual(["https://creem.io", "https://*.creem.io"]);
    expect(
      formActionSources({
        CREEM_API_BASE_URL: "http://127.0.0.1:4410/v1",
        AUTH_GITHUB_ID: "id",
        AUTH_GOOGLE_ID: "id",
      }),
    ).toEqual([
      "https://creem.io",
      "https://*.creem.io",
      "http://127.0.0.1:4410",
      "https://github.com",
      "https://accounts.google.com",
    ]);
    expect(formActionSources({ CREEM_API_BASE_URL: "not a url" })).toHaveLength(2);
  });
});

describe("usesNonce", () => {
  it.each([
    ["/dashboard", true],
    ["/dashboard/billing", true],
    ["/signin", true],
    ["/signin/check-email", true],
    ["/checkout/success", true],
    ["/dev/mail", true],
    ["/", false],
    ["/pricing", false],
    ["/devices", false],
    ["/dashboardx", false],
  ])("%s -> %s", (path, expected) => {
    expect(usesNonce(path)).toBe(expected);
  });
});

describe("securityHeaders", () => {
  const asMap = (production: boolean) =>
    Object.fromEntries(securityHeaders({ production }).map((h) => [h.key, h.value]));

  it("always: nosniff, a referrer policy, no framing, no powerful features", () => {
    const headers = asMap(false);
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["Permissions-Policy"]).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  });

  it("HSTS in production only", () => {
    expect(asMap(false)["Strict-Transport-Security"]).toBeUndefined();
    expect(asMap(true)["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
  });
});

describe("createNonce", () => {
  it("is fresh every time and a valid base64 nonce of 128 bits", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    }
  });
});

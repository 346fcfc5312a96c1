import { describe, expect, it } from "vitest";
import { devOutboxEnabled, EnvError, parseEnv, publicEnvSchema, serverEnvSchema } from "@/lib/env.schema";

const base = { DATABASE_URL: "postgresql://u@localhost:5432/db" };
const prod = {
  ...base,
  NODE_ENV: "production",
  AUTH_SECRET: "x".repeat(32),
  CREEM_API_KEY: "creem_test_abc",
  CREEM_WEBHOOK_SECRET: "whsec_abc",
  LICENSE_SIGNING_KEY: "MC4CAQAwBQYDK2VwBCIEIMfbYBr2JCA57q2GVBRfJJMBlmBOWeDmK7SGKa3qbrxy",
};

function problems(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(serverEnvSchema, source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("server env", () => {
  it("names a missing DATABASE_URL", () => {
    expect(problems({})).toEqual(["DATABASE_URL is required but not set"]);
  });

  it("treats empty strings as unset", () => {
    expect(problems({ DATABASE_URL: "" })).toEqual(["DATABASE_URL is required but not set"]);
  });

  it("rejects a malformed URL with a hint", () => {
    expect(problems({ DATABASE_URL: "not a url" })[0]).toMatch(/^DATABASE_URL must be a URL/);
  });

  it("accepts a development setup with only a database", () => {
    const env = parseEnv(serverEnvSchema, base);
    expect(env.NODE_ENV).toBe("development");
    expect(env.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(env.DEV_OUTBOX).toBe(true);
  });

  it("requires production secrets", () => {
    expect(problems({ ...base, NODE_ENV: "production" })).toEqual([
      "AUTH_SECRET is required in production (generate one with `openssl rand -base64 32`)",
      "CREEM_API_KEY is required in production",
      expect.stringMatching(/^LICENSE_SIGNING_KEY is required in production/),
      "CREEM_WEBHOOK_SECRET is required in production",
    ]);
    expect(problems(prod)).toEqual([]);
  });

  it("accepts an Ed25519 signing key as base64 DER or PEM (with \\n escapes) and refuses anything else", () => {
    const pem = `-----BEGIN PRIVATE KEY-----\\n${prod.LICENSE_SIGNING_KEY}\\n-----END PRIVATE KEY-----`;
    expect(problems({ ...prod, LICENSE_SIGNING_KEY: pem })).toEqual([]);
    expect(problems({ ...prod, LICENSE_SIGNING_KEY: "not a key" })[0]).toMatch(
      /^LICENSE_SIGNING_KEY must be an Ed25519 private key/,
    );
    expect(problems({ ...prod, LICENSE_SIGNING_KEYS_PREVIOUS: "nope" })[0]).toMatch(
      /^LICENSE_SIGNING_KEYS_PREVIOUS must be Ed25519 public keys/,
    );
    expect(parseEnv(serverEnvSchema, base).LICENSE_OFFLINE_GRACE_DAYS).toBe(14);
  });

  it("keeps the dev outbox off in production", () => {
    expect(parseEnv(serverEnvSchema, prod).DEV_OUTBOX).toBe(false);
    expect(
      parseEnv(serverEnvSchema, { ...base, EMAIL_SERVER: "smtp://h", EMAIL_FROM: "a@b.c" }).DEV_OUTBOX,
    ).toBe(false);
    expect(problems({ ...base, DEV_OUTBOX: "yes" })).toEqual(['DEV_OUTBOX must be "true" or "false"']);
  });

  it("refuses to boot with DEV_OUTBOX=true in production: /dev/mail would serve everyone's sign-in links", () => {
    for (const on of ["true", "1"]) {
      const found = problems({ ...prod, DEV_OUTBOX: on });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^DEV_OUTBOX must not be on in production: \/dev\/mail would show/);
    }
    expect(problems({ ...prod, DEV_OUTBOX: "true", ALLOW_DEV_OUTBOX_IN_PRODUCTION: "yes" })).toEqual([
      'ALLOW_DEV_OUTBOX_IN_PRODUCTION must be "e2e" (set only by the e2e test server) or unset',
    ]);
    expect(problems({ ...prod, DEV_OUTBOX: "false" })).toEqual([]);
  });

  it("allows the dev outbox in production only with the e2e switch", () => {
    const e2e = parseEnv(serverEnvSchema, {
      ...prod,
      DEV_OUTBOX: "true",
      ALLOW_DEV_OUTBOX_IN_PRODUCTION: "e2e",
    });
    expect(e2e.DEV_OUTBOX).toBe(true);
    expect(devOutboxEnabled(e2e)).toBe(true);
  });

  it("serves the outbox only where it is allowed, even when boot validation was skipped", () => {
    const dev = parseEnv(serverEnvSchema, base);
    expect(devOutboxEnabled(dev)).toBe(true);
    expect(devOutboxEnabled({ ...dev, DEV_OUTBOX: false })).toBe(false);
    expect(devOutboxEnabled({ NODE_ENV: "production", DEV_OUTBOX: true })).toBe(false);
    expect(
      devOutboxEnabled({ NODE_ENV: "production", DEV_OUTBOX: true, ALLOW_DEV_OUTBOX_IN_PRODUCTION: "e2e" }),
    ).toBe(true);
  });

  it("trusts proxy headers only when TRUST_PROXY is set", () => {
    expect(parseEnv(serverEnvSchema, base).TRUST_PROXY).toBe(false);
    expect(parseEnv(serverEnvSchema, { ...base, TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(problems({ ...base, TRUST_PROXY: "yes" })).toEqual(['TRUST_PROXY must be "true" or "false"']);
  });

  it("rejects a short AUTH_SECRET", () => {
    expect(problems({ ...base, AUTH_SECRET: "short" })).toEqual([
      "AUTH_SECRET must be at least 32 characters",
    ]);
  });

  it("needs EMAIL_FROM with EMAIL_SERVER", () => {
    expect(problems({ ...base, EMAIL_SERVER: "smtp://mail:25" })).toEqual([
      "EMAIL_FROM is required when EMAIL_SERVER is set",
    ]);
  });

  it("needs both halves of an OAuth app", () => {
    expect(problems({ ...base, AUTH_GITHUB_ID: "id" })).toEqual([
      "AUTH_GITHUB_SECRET is required when AUTH_GITHUB_ID is set",
    ]);
    expect(problems({ ...base, AUTH_GOOGLE_SECRET: "s" })).toEqual([
      "AUTH_GOOGLE_ID is required when AUTH_GOOGLE_SECRET is set",
    ]);
  });

  it("lists every problem at once in the error message", () => {
    expect(() => parseEnv(serverEnvSchema, { DEV_OUTBOX: "maybe", CREEM_API_BASE_URL: "nope" })).toThrow(
      /DATABASE_URL is required but not set\n.*DEV_OUTBOX must be .*\n.*CREEM_API_BASE_URL must be a URL.*See \.env\.example/s,
    );
  });

  it("validates CREEM_API_BASE_URL when given", () => {
    expect(problems({ ...base, CREEM_API_BASE_URL: "localhost" })[0]).toMatch(
      /^CREEM_API_BASE_URL must be a URL/,
    );
    expect(
      parseEnv(serverEnvSchema, { ...base, CREEM_API_BASE_URL: "http://localhost:4010" }).CREEM_API_BASE_URL,
    ).toBe("http://localhost:4010");
  });
});

describe("public env", () => {
  it("defaults the app URL for local development", () => {
    expect(parseEnv(publicEnvSchema, {}).NEXT_PUBLIC_APP_URL).toBe("http://localhost:3000");
  });

  it("rejects a malformed app URL", () => {
    expect(() => parseEnv(publicEnvSchema, { NEXT_PUBLIC_APP_URL: "example.com" })).toThrow(
      /NEXT_PUBLIC_APP_URL must be the app's public URL/,
    );
  });
});

describe("ADMIN_EMAILS", () => {
  it("is a trimmed, lower-cased list; empty means nobody", () => {
    expect(parseEnv(serverEnvSchema, base).ADMIN_EMAILS).toEqual([]);
    expect(parseEnv(serverEnvSchema, { ...base, ADMIN_EMAILS: "" }).ADMIN_EMAILS).toEqual([]);
    expect(
      parseEnv(serverEnvSchema, { ...base, ADMIN_EMAILS: " Ops@Example.com, ,b@example.org " }).ADMIN_EMAILS,
    ).toEqual(["ops@example.com", "b@example.org"]);
  });

  it("names an entry that is not an email address", () => {
    expect(problems({ ...base, ADMIN_EMAILS: "ops@example.com, bob" })).toEqual([
      'ADMIN_EMAILS must be a comma-separated list of email addresses ("bob" is not one)',
    ]);
  });
});

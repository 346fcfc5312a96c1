import { z } from "zod";
import { parsePrivateKey, parsePublicKey } from "@/lib/licenses/tokens";
import {
  localProductId,
  PRODUCT_KEYS,
  productEnvName,
  type PlanProductKey,
  type ProductIds,
} from "@/lib/billing/plans";

// Pure schemas and parsing, shared by `lib/env.ts` (server) and the unit tests.
// Empty strings count as unset, so `FOO=` in a .env file behaves like a missing variable.

const optional = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());
const flag = z.preprocess(
  (v) => (v === "" || v === undefined ? undefined : v),
  z
    .enum(["true", "false", "1", "0"], { message: 'must be "true" or "false"' })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true" || v === "1")),
);
const url = (what: string) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.url({ message: `must be a URL (${what})` }));

const productId = (fallback: string) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? fallback : v),
    z.string().regex(/^prod_[A-Za-z0-9_]+$/, { message: "must be a CREEM product id (prod_...)" }),
  );

// CREEM product ids of the plans in lib/billing/plans.ts, one variable per product key
// (CREEM_PRODUCT_STARTER_MONTHLY, ...). Defaults are the local CREEM's catalog.
const productFields = Object.fromEntries(
  PRODUCT_KEYS.map((key) => [productEnvName(key), productId(localProductId(key))]),
) as Record<string, ReturnType<typeof productId>>;

function productIdsOf(env: Record<string, unknown>): ProductIds {
  return Object.fromEntries(
    PRODUCT_KEYS.map((key: PlanProductKey) => [key, env[productEnvName(key)] as string]),
  ) as ProductIds;
}

// The Ed25519 key that signs offline license tokens (lib/licenses): PKCS8 PEM (`\n` escapes allowed) or
// the base64 of its DER. Previous public keys stay published while tokens signed with them are in use.
const licenseSigningKey = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z
    .string()
    .refine(
      (text) => tryParse(() => parsePrivateKey(text)),
      "must be an Ed25519 private key, PKCS8 PEM or base64 DER (see README: License API)",
    )
    .optional(),
);
const previousLicenseKeys = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z
    .string()
    .refine(
      (text) => splitKeys(text).every((key) => tryParse(() => parsePublicKey(key))),
      "must be Ed25519 public keys (SPKI PEM or base64 DER), separated by commas",
    )
    .optional(),
);

function tryParse(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch {
    return false;
  }
}

/** LICENSE_SIGNING_KEYS_PREVIOUS is a comma-separated list (neither PEM nor base64 contains a comma). */
export function splitKeys(text: string): string[] {
  return text
    .split(",")
    .map((key) => key.trim())
    .filter((key) => key.length > 0);
}

const DEV_AUTH_SECRET = "dev-only-insecure-auth-secret-change-me-0123456789";

export const serverEnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: url("postgresql://user:password@host:5432/db"),
    AUTH_SECRET: optional,
    EMAIL_SERVER: optional,
    EMAIL_FROM: optional,
    DEV_OUTBOX: flag,
    // The only way to run the dev outbox under NODE_ENV=production: the e2e test server sets it
    // (scripts/lib/e2e-env.ts). Any other value is refused, so it cannot be switched on by accident.
    ALLOW_DEV_OUTBOX_IN_PRODUCTION: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.literal("e2e", { message: 'must be "e2e" (set only by the e2e test server) or unset' }).optional(),
    ),
    // A reverse proxy in front of the app sets X-Forwarded-For (lib/client-ip.ts): per-IP limits use it.
    TRUST_PROXY: flag,
    AUTH_GITHUB_ID: optional,
    AUTH_GITHUB_SECRET: optional,
    AUTH_GOOGLE_ID: optional,
    AUTH_GOOGLE_SECRET: optional,
    CREEM_API_KEY: optional,
    CREEM_WEBHOOK_SECRET: optional,
    CREEM_API_BASE_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.url({ message: "must be a URL (e.g. http://localhost:4010)" }).optional(),
    ),
    ...productFields,
    LICENSE_SIGNING_KEY: licenseSigningKey,
    LICENSE_SIGNING_KEYS_PREVIOUS: previousLicenseKeys,
    // How long an offline license token stays valid after the license was last confirmed with CREEM.
    LICENSE_OFFLINE_GRACE_DAYS: z.preprocess(
      (v) => (v === "" || v === undefined ? "14" : v),
      z.coerce.number({ message: "must be a number of days" }).int().min(1).max(365),
    ),
    // Operators who may open /admin (lib/admin/guard.ts): a comma-separated list of email addresses,
    // compared lower-case. Empty or unset: nobody, the console is 404 for everyone.
    ADMIN_EMAILS: z.preprocess(
      (v) => (typeof v === "string" ? v : ""),
      z
        .string()
        .transform((list) =>
          list
            .split(",")
            .map((email) => email.trim().toLowerCase())
            .filter(Boolean),
        )
        .superRefine((emails, ctx) => {
          for (const email of emails.filter((e) => !z.email().safeParse(e).success)) {
            ctx.addIssue({
              code: "custom",
              message: `must be a comma-separated list of email addresses ("${email}" is not one)`,
            });
          }
        }),
    ),
    // Days a past-due subscription keeps access while CREEM retries the payment.
    BILLING_GRACE_DAYS: z.preprocess(
      (v) => (v === "" || v === undefined ? "7" : v),
      z.coerce.number({ message: "must be a number of days" }).int().min(0).max(60),
    ),
  })
  .superRefine((env, ctx) => {
    const prod = env.NODE_ENV === "production";
    if (prod && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "is required in production (generate one with `openssl rand -base64 32`)",
      });
    }
    if (env.AUTH_SECRET && env.AUTH_SECRET.length < 32) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "must be at least 32 characters" });
    }
    if (env.EMAIL_SERVER && !env.EMAIL_FROM) {
      ctx.addIssue({ code: "custom", path: ["EMAIL_FROM"], message: "is required when EMAIL_SERVER is set" });
    }
    for (const provider of ["GITHUB", "GOOGLE"] as const) {
      const id = env[`AUTH_${provider}_ID`];
      const secret = env[`AUTH_${provider}_SECRET`];
      if (Boolean(id) !== Boolean(secret)) {
        ctx.addIssue({
          code: "custom",
          path: [id ? `AUTH_${provider}_SECRET` : `AUTH_${provider}_ID`],
          message: `is required when AUTH_${provider}_${id ? "ID" : "SECRET"} is set`,
        });
      }
    }
    if (prod && env.DEV_OUTBOX && env.ALLOW_DEV_OUTBOX_IN_PRODUCTION !== "e2e") {
      ctx.addIssue({
        code: "custom",
        path: ["DEV_OUTBOX"],
        message:
          "must not be on in production: /dev/mail would show every user's sign-in links to anyone. " +
          "Unset DEV_OUTBOX and set EMAIL_SERVER and EMAIL_FROM to send sign-in mail.",
      });
    }
    if (prod && !env.CREEM_API_KEY) {
      ctx.addIssue({ code: "custom", path: ["CREEM_API_KEY"], message: "is required in production" });
    }
    if (prod && !env.LICENSE_SIGNING_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["LICENSE_SIGNING_KEY"],
        message:
          "is required in production (it signs offline license tokens): " +
          "openssl genpkey -algorithm ed25519 | openssl pkcs8 -topk8 -nocrypt -outform DER | base64 -w0",
      });
    }
    if (prod && !env.CREEM_WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["CREEM_WEBHOOK_SECRET"], message: "is required in production" });
    }
  })
  .transform((env) => ({
    ...env,
    AUTH_SECRET: env.AUTH_SECRET ?? DEV_AUTH_SECRET,
    // The dev outbox stores sign-in links in the database instead of mailing them. It is on by default
    // in development without SMTP and never on in production unless explicitly enabled (e2e tests).
    DEV_OUTBOX: env.DEV_OUTBOX ?? (env.NODE_ENV !== "production" && !env.EMAIL_SERVER),
    TRUST_PROXY: env.TRUST_PROXY ?? false,
    CREEM_API_KEY: env.CREEM_API_KEY ?? "",
    CREEM_WEBHOOK_SECRET: env.CREEM_WEBHOOK_SECRET ?? "",
    CREEM_PRODUCT_IDS: productIdsOf(env),
  }));

export type ServerEnv = z.output<typeof serverEnvSchema>;

/**
 * Whether the dev outbox (DevMail rows, /dev/mail) may be used: DEV_OUTBOX on, and outside production
 * unless the e2e switch is set. Checked where the outbox is used too, not only at boot, so a process
 * that skipped validation (SKIP_ENV_VALIDATION=1) still never serves sign-in links in production.
 */
export function devOutboxEnabled(
  env: Pick<ServerEnv, "NODE_ENV" | "DEV_OUTBOX" | "ALLOW_DEV_OUTBOX_IN_PRODUCTION">,
): boolean {
  if (env.DEV_OUTBOX !== true) return false;
  return env.NODE_ENV !== "production" || env.ALLOW_DEV_OUTBOX_IN_PRODUCTION === "e2e";
}

export const publicEnvSchema = z.object({
  NEXT_PUBLIC_APP_URL: z.preprocess(
    (v) => (v === "" || v === undefined ? "http://localhost:3000" : v),
    z.url({ message: "must be the app's public URL, e.g. https://app.example.com" }),
  ),
});

export type PublicEnv = z.output<typeof publicEnvSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment variables:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example.`);
    this.name = "EnvError";
  }
}

export function parseEnv<S extends z.ZodType>(
  schema: S,
  source: Record<string, string | undefined>,
): z.output<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "(environment)";
    const message =
      issue.code === "invalid_type" && issue.input === undefined ? "is required but not set" : issue.message;
    return `${name} ${message}`;
  });
  throw new EnvError(problems);
}

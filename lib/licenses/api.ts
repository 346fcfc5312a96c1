import { createHash } from "node:crypto";
import { z } from "zod";
import { isCreemError, type CreemClient, type License } from "@/lib/creem";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { PlanCatalog } from "@/lib/billing/plans";
import { clientIp } from "@/lib/client-ip";
import { consumeRateLimit, type RateLimitRule } from "@/lib/rate-limit";
import { LicenseApiError, licenseErrorFromCreem } from "./errors";
import { mirrorInstance, mirrorLicense, mirrorRefusal } from "./mirror";
import { isLicenseRevoked } from "./revocation";
import type { LicenseKeyring } from "./signing-keys";
import { signLicenseToken, type LicenseTokenPayload } from "./tokens";

// The public license API (POST /api/v1/licenses/{activate,validate,deactivate}) for the seller's own
// software: it holds CREEM's secret key so the app never does. One call: parse, rate-limit, find the key
// in the database, refuse revoked keys, ask CREEM, mirror what it said, and answer with an offline token
// when the answer grants use. Errors are LicenseApiError values (errors.ts); http.ts turns them into JSON.
//
// Unknown and malformed keys are indistinguishable: there is no format check. Any key string within the
// length limit takes the same path (two rate-limit statements, then one lookup by the unique key index)
// and a miss answers 404 license_not_found before anything else runs, so neither the body, the status
// nor the work done differs between "no such key" and "not even shaped like a key" (`npm run
// bench:licenses` times both and tests whether a difference is detectable). Keys the database
// does not hold are never sent to CREEM (a brute force costs us nothing upstream); every key the app
// sold is stored by the checkout webhook or sync before its buyer can see it.

export type LicenseAction = "activate" | "validate" | "deactivate";

export const LICENSE_RATE_LIMITS = {
  /** Per client IP (when TRUST_PROXY makes it known), over every key. */
  ip: { name: "license-api-ip", limit: 60, windowMs: 60_000 },
  /** Per key (its SHA-256, so guesses are not stored), over every IP. */
  key: { name: "license-api-key", limit: 20, windowMs: 60_000 },
} as const satisfies Record<string, RateLimitRule>;

const key = z
  .string({ error: "key is required" })
  .trim()
  .min(1, "key is required")
  .max(256, "key is too long");
const instanceId = z
  .string({ error: "instanceId is required" })
  .trim()
  .min(1, "instanceId is required")
  .max(200, "instanceId is too long");

export const LICENSE_INPUT = {
  activate: z.object({
    key,
    instanceName: z
      .string({ error: "instanceName is required" })
      .trim()
      .min(1, "instanceName is required")
      .max(200, "instanceName is at most 200 characters"),
  }),
  validate: z.object({ key, instanceId }),
  deactivate: z.object({ key, instanceId }),
};

export type LicenseDeps = {
  db: PrismaClient;
  creem: () => CreemClient;
  keyring: () => LicenseKeyring;
  catalog: PlanCatalog;
  trustProxy: boolean;
  /** The token issuer (the app's public URL). */
  issuer: string;
  graceDays: number;
  now?: () => Date;
};

type KeyRow = {
  id: string;
  key: string;
  productId: string;
  orderId: string | null;
  status: string;
  activations: number;
  activationLimit: number | null;
  expiresAt: Date | null;
};

type InstanceView = { id: string; name: string; status: string; activatedAt: string };

export type LicenseAnswer = {
  license: {
    id: string;
    status: string;
    productId: string;
    plan: string | null;
    features: string[];
    activations: number;
    activationLimit: number | null;
    expiresAt: string | null;
  };
  instance: InstanceView;
  /** Present when the answer grants use (activate, validate). */
  token?: string;
  tokenExpiresAt?: string;
  /** "creem": CREEM just confirmed it; "cache": CREEM is down and this is the state as of `asOf`. */
  source: "creem" | "cache";
  asOf?: string;
};

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** Runs one license call on already-parsed JSON; throws LicenseApiError for every refusal. */
export async function licenseCall(
  action: LicenseAction,
  body: unknown,
  headers: Headers,
  deps: LicenseDeps,
): Promise<LicenseAnswer> {
  const parsed = LICENSE_INPUT[action].safeParse(body);
  if (!parsed.success) {
    throw new LicenseApiError(
      "invalid_request",
      parsed.error.issues[0]?.message ?? "The request is not valid.",
    );
  }
  const input = parsed.data;
  const now = deps.now?.() ?? new Date();

  const ip = clientIp(headers, deps.trustProxy);
  if (ip) await limit(deps.db, LICENSE_RATE_LIMITS.ip, ip, now);
  await limit(deps.db, LICENSE_RATE_LIMITS.key, sha256(input.key), now);

  const row = await deps.db.licenseKey.findUnique({
    where: { key: input.key },
    select: {
      id: true,
      key: true,
      productId: true,
      orderId: true,
      status: true,
      activations: true,
      activationLimit: true,
      expiresAt: true,
    },
  });
  if (!row) throw new LicenseApiError("license_not_found");
  if (await isLicenseRevoked(deps.db, row.orderId)) {
    throw new LicenseApiError(
      "license_revoked",
      "This license was revoked: its purchase was refunded or disputed.",
    );
  }

  let license: License;
  try {
    const creem = deps.creem().licenses;
    license =
      "instanceName" in input
        ? await creem.activate({ key: row.key, instanceName: input.instanceName })
        : action === "validate"
          ? await creem.validate({ key: row.key, instanceId: input.instanceId })
          : await creem.deactivate({ key: row.key, instanceId: input.instanceId });
  } catch (error) {
    const refusal = licenseErrorFromCreem(error);
    if (refusal) {
      if (refusal.code === "license_revoked") await mirrorRefusal(deps.db, row.id, "disabled");
      if (refusal.code === "license_expired") await mirrorRefusal(deps.db, row.id, "expired");
      if (refusal.code === "instance_deactivated" && "instanceId" in input)
        await markDeactivated(deps.db, row.id, input.instanceId, now);
      throw refusal;
    }
    if (!isCreemError(error)) throw error;
    console.error(
      `[licenses] ${action}: CREEM ${error.code} ${error.endpoint} trace=${error.traceId ?? "-"}`,
    );
    if (action === "validate" && "instanceId" in input) return fromCache(row, input.instanceId, now, deps);
    throw new LicenseApiError("unavailable");
  }

  const instance = license.instance;
  if (!instance) throw new LicenseApiError("unavailable");
  await mirrorLicense(deps.db, row.id, license);
  await mirrorInstance(deps.db, row.id, instance, now, action !== "deactivate");

  const answer: LicenseAnswer = {
    license: licenseView(
      {
        ...row,
        status: license.status ?? row.status,
        activations: license.activation ?? row.activations,
        activationLimit:
          license.activationLimit !== undefined ? license.activationLimit : row.activationLimit,
        expiresAt: license.expiresAt !== undefined ? license.expiresAt : row.expiresAt,
      },
      deps.catalog,
    ),
    instance: {
      id: instance.id,
      name: instance.name ?? "",
      status: instance.status ?? "active",
      activatedAt: (instance.createdAt ?? now).toISOString(),
    },
    source: "creem",
  };
  if (action === "deactivate") return answer;
  // CREEM answers a validate of a deactivated device with that device (no error): it grants nothing.
  if (answer.instance.status !== "active") throw new LicenseApiError("instance_deactivated");
  return withToken(answer, now, now, deps);
}

async function limit(db: PrismaClient, rule: RateLimitRule, key: string, now: Date) {
  const result = await consumeRateLimit(db, rule, key, now);
  if (!result.ok) {
    const seconds = Math.ceil(result.retryAfterMs / 1000);
    throw new LicenseApiError("rate_limited", `Too many requests. Try again in ${seconds} s.`, seconds);
  }
}

async function markDeactivated(db: PrismaClient, licenseId: string, instanceId: string, now: Date) {
  await db.licenseInstance.updateMany({
    where: { id: instanceId, licenseId, status: { not: "deactivated" } },
    data: { status: "deactivated", deactivatedAt: now },
  });
}

function licenseView(row: KeyRow, catalog: PlanCatalog): LicenseAnswer["license"] {
  const plan = catalog.byProductId(row.productId)?.plan;
  return {
    id: row.id,
    status: row.status,
    productId: row.productId,
    plan: plan?.key ?? null,
    features: plan ? [...plan.features] : [],
    activations: row.activations,
    activationLimit: row.activationLimit,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

/**
 * The signed offline token: valid for the grace period from when CREEM last confirmed the license
 * (`confirmedAt`: now, or the cached time while CREEM is down, so an outage never extends it), and
 * never past the license's own expiry.
 */
function withToken(answer: LicenseAnswer, confirmedAt: Date, now: Date, deps: LicenseDeps): LicenseAnswer {
  const grace = deps.graceDays * 24 * 60 * 60;
  const lexp = answer.license.expiresAt ? Math.floor(Date.parse(answer.license.expiresAt) / 1000) : null;
  const exp = Math.min(Math.floor(confirmedAt.getTime() / 1000) + grace, lexp ?? Number.POSITIVE_INFINITY);
  const iat = Math.floor(now.getTime() / 1000);
  if (exp <= iat) throw new LicenseApiError("unavailable");
  const payload: LicenseTokenPayload = {
    iss: deps.issuer,
    lid: answer.license.id,
    iid: answer.instance.id,
    pid: answer.license.productId,
    plan: answer.license.plan ?? "",
    features: answer.license.features,
    iat,
    exp,
    grace,
    lexp,
  };
  const token = signLicenseToken(payload, deps.keyring().current);
  return { ...answer, token, tokenExpiresAt: new Date(exp * 1000).toISOString() };
}

/**
 * CREEM is down: a device the mirror last saw active on a license that was then active and unexpired is
 * answered from the mirror, marked `source: "cache"` with the time CREEM last confirmed it; anything
 * else is 503 (we cannot say it is usable).
 */
async function fromCache(
  row: KeyRow,
  instanceId: string,
  now: Date,
  deps: LicenseDeps,
): Promise<LicenseAnswer> {
  const instance = await deps.db.licenseInstance.findFirst({ where: { id: instanceId, licenseId: row.id } });
  const usable =
    instance?.status === "active" &&
    row.status === "active" &&
    (row.expiresAt === null || row.expiresAt > now) &&
    instance.lastValidatedAt !== null;
  if (!instance || !usable || !instance.lastValidatedAt) throw new LicenseApiError("unavailable");
  const asOf = instance.lastValidatedAt;
  const answer: LicenseAnswer = {
    license: licenseView(row, deps.catalog),
    instance: {
      id: instance.id,
      name: instance.name,
      status: instance.status,
      activatedAt: instance.activatedAt.toISOString(),
    },
    source: "cache",
    asOf: asOf.toISOString(),
  };
  return withToken(answer, asOf, now, deps);
}

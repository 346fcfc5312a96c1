import { randomBytes, randomInt } from "node:crypto";

const ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

function randomString(length: number, alphabet: string): string {
  let out = "";
  for (let i = 0; i < length; i += 1) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A CREEM-style id such as `sub_4Fq9...`: the documented prefix and 22 random base62 characters. */
export function newId(prefix: string): string {
  return `${prefix}_${randomString(22, ALPHANUMERIC)}`;
}

/** A license key in the usual five groups of five (`ABCDE-FGHJK-...`). */
export function newLicenseKey(): string {
  return Array.from({ length: 5 }, () => randomString(5, UPPER)).join("-");
}

/** An 8-character discount code for discounts created without one. */
export function newDiscountCode(): string {
  return randomString(8, UPPER);
}

/** An unguessable token for customer portal links. */
export function newToken(): string {
  return randomBytes(24).toString("hex");
}

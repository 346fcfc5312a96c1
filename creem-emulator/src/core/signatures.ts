import { createHash, createHmac } from "node:crypto";

/** `creem-signature` header: lowercase hex HMAC-SHA256 of the exact raw body, keyed with the webhook secret. */
export function webhookSignature(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("hex");
}

/**
 * The return-URL signature: plain SHA-256 (not an HMAC) of `k=v|k=v|...|salt=<api key>` over the params in
 * URL order, leaving out empty values and `signature` itself.
 */
export function successUrlSignature(
  params: ReadonlyArray<readonly [string, string | undefined]>,
  apiKey: string,
) {
  const parts = params
    .filter(([key, value]) => key !== "signature" && value !== undefined && value !== "")
    .map(([key, value]) => `${key}=${value}`);
  parts.push(`salt=${apiKey}`);
  return createHash("sha256").update(parts.join("|"), "utf8").digest("hex");
}

export interface ReturnParams {
  request_id?: string;
  checkout_id: string;
  order_id?: string;
  customer_id?: string;
  subscription_id?: string;
  product_id: string;
}

/** Appends CREEM's return params (documented order) and their signature to `successUrl`. */
export function signedSuccessUrl(successUrl: string, params: ReturnParams, apiKey: string): string {
  const ordered: Array<[string, string | undefined]> = [
    ["request_id", params.request_id],
    ["checkout_id", params.checkout_id],
    ["order_id", params.order_id],
    ["customer_id", params.customer_id],
    ["subscription_id", params.subscription_id],
    ["product_id", params.product_id],
  ];
  const present = ordered.filter((entry): entry is [string, string] => Boolean(entry[1]));
  const url = new URL(successUrl);
  for (const [key, value] of present) url.searchParams.append(key, value);
  url.searchParams.append("signature", successUrlSignature(present, apiKey));
  return url.toString();
}

import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { splitKeys } from "@/lib/env.schema";
import { parsePrivateKey, parsePublicKey, signingKeyFrom, keyId, type SigningKey } from "./tokens";

// The keys behind offline license tokens, from LICENSE_SIGNING_KEY (signs new tokens) and
// LICENSE_SIGNING_KEYS_PREVIOUS (old public keys, still published so tokens they signed keep verifying
// until they expire). Production requires the key (lib/env.schema.ts); `npm run dev` generates one into
// .data/; anything else without one (tests, a bare `next dev`) gets a key made for this process.

export type LicenseKeyring = {
  current: SigningKey;
  /** Every published public key by kid, the current one included. */
  publicKeys: Map<string, KeyObject>;
  /** In publishing order: current first. */
  published: KeyObject[];
};

type KeyEnv = {
  LICENSE_SIGNING_KEY?: string | undefined;
  LICENSE_SIGNING_KEYS_PREVIOUS?: string | undefined;
};

let processKey: KeyObject | undefined;

export function keyringFrom(env: KeyEnv): LicenseKeyring {
  const privateKey = env.LICENSE_SIGNING_KEY
    ? parsePrivateKey(env.LICENSE_SIGNING_KEY)
    : (processKey ??= generateKeyPairSync("ed25519").privateKey);
  const current = signingKeyFrom(privateKey);
  const previous = splitKeys(env.LICENSE_SIGNING_KEYS_PREVIOUS ?? "").map(parsePublicKey);
  const published = [current.publicKey, ...previous.filter((key) => keyId(key) !== current.kid)];
  return { current, published, publicKeys: new Map(published.map((key) => [keyId(key), key])) };
}

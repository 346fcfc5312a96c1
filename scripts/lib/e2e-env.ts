import { DEFAULTS } from "../../creem-emulator/src/options";

// The environment of the production build the e2e tests run against (`next build` and `next start`).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;

// The local CREEM the e2e server starts (in memory, fast webhook retries). Tests can drive it through its
// control API at `${E2E_CREEM_URL}/__emulator` (e.g. `POST /checkouts/{id}/complete`).
export const E2E_CREEM_PORT = Number(process.env.E2E_CREEM_PORT ?? 4110);
export const E2E_CREEM_URL = `http://127.0.0.1:${E2E_CREEM_PORT}`;
export const E2E_CREEM_WEBHOOK_URL = `${E2E_BASE_URL}/api/webhooks/creem`;
export const E2E_CREEM_RETRY_DELAYS_MS = [200, 500, 1000, 2000];
export const E2E_CREEM_API_KEY = DEFAULTS.apiKey;
export const E2E_CREEM_WEBHOOK_SECRET = DEFAULTS.webhookSecret;
// The operator of the e2e server's console (/admin).
export const E2E_ADMIN_EMAIL = "operator@e2e.example.com";

export const E2E_LICENSE_SIGNING_KEY = "MC4CAQAwBQYDK2VwBCIEIMfbYBr2JCA57q2GVBRfJJMBlmBOWeDmK7SGKa3qbrxy";

export function e2eEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_PUBLIC_APP_URL: E2E_BASE_URL,
    AUTH_SECRET: "e2e-only-auth-secret-0123456789abcdefghijklmnop",
    // e2e-only Ed25519 key for offline license tokens (production requires LICENSE_SIGNING_KEY).
    LICENSE_SIGNING_KEY: E2E_LICENSE_SIGNING_KEY,
    DEV_OUTBOX: "true",
    // The production server refuses DEV_OUTBOX without this switch (lib/env.schema.ts); only e2e sets it.
    ALLOW_DEV_OUTBOX_IN_PRODUCTION: "e2e",
    EMAIL_SERVER: "",
    // Always the local CREEM, whatever the shell has: the tests need its catalog and control API.
    CREEM_API_KEY: E2E_CREEM_API_KEY,
    CREEM_WEBHOOK_SECRET: E2E_CREEM_WEBHOOK_SECRET,
    CREEM_API_BASE_URL: E2E_CREEM_URL,
    ADMIN_EMAILS: E2E_ADMIN_EMAIL,
  };
}

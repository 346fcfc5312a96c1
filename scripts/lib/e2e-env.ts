// The environment of the production build the e2e tests run against (`next build` and `next start`).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;

export function e2eEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_PUBLIC_APP_URL: E2E_BASE_URL,
    AUTH_SECRET: "e2e-only-auth-secret-0123456789abcdefghijklmnop",
    DEV_OUTBOX: "true",
    EMAIL_SERVER: "",
    CREEM_API_KEY: process.env.CREEM_API_KEY ?? "creem_test_local_dev_key",
    CREEM_WEBHOOK_SECRET: process.env.CREEM_WEBHOOK_SECRET ?? "whsec_local_dev_secret",
  };
}

import "server-only";
import { parseEnv, serverEnvSchema, type ServerEnv } from "./env.schema";

// Validated once, when the server first imports it; instrumentation.ts also validates at startup so a
// bad variable fails the boot. `next build` needs no secrets: during the build a placeholder database
// URL stands in and production-only requirements wait for `next start`.
// SKIP_ENV_VALIDATION=1 lets other tooling import the app without a complete environment.
const building = process.env.NEXT_PHASE === "phase-production-build";

export const env: ServerEnv =
  process.env.SKIP_ENV_VALIDATION === "1"
    ? (process.env as unknown as ServerEnv)
    : parseEnv(
        serverEnvSchema,
        building
          ? {
              ...process.env,
              NODE_ENV: "test",
              DATABASE_URL: process.env.DATABASE_URL || "postgresql://build@localhost:5432/build",
            }
          : process.env,
      );

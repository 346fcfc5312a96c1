import "server-only";
import { parseEnv, serverEnvSchema, type ServerEnv } from "./env.schema";

// Validated once, when the server first imports it (instrumentation.ts imports it at startup).
// SKIP_ENV_VALIDATION=1 lets tooling (e.g. a Docker build without secrets) import the app.
export const env: ServerEnv =
  process.env.SKIP_ENV_VALIDATION === "1"
    ? (process.env as unknown as ServerEnv)
    : parseEnv(serverEnvSchema, process.env);

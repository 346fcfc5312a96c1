// Validates the environment when the server starts, so a missing variable fails the boot with a clear
// message instead of the first request that needs it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.SKIP_ENV_VALIDATION === "1") return;
  const { parseEnv, serverEnvSchema, publicEnvSchema } = await import("@/lib/env.schema");
  parseEnv(serverEnvSchema, process.env);
  parseEnv(publicEnvSchema, process.env);
}

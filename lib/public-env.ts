import { parseEnv, publicEnvSchema } from "./env.schema";

// Client-safe variables only. Next inlines NEXT_PUBLIC_* at build time, so each is read by its full name.
export const publicEnv = parseEnv(publicEnvSchema, {
  NEXT_PUBLIC_APP_URL: process.env.NEXT_PUBLIC_APP_URL,
});

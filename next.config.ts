import type { NextConfig } from "next";
import { securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A self-contained server (`<distDir>/standalone/server.js` with only the node_modules it uses) for the
  // Docker image and `npm start`; `npm run build` copies public/ and the static files beside it.
  output: "standalone",
  // The readiness check compares the committed migrations with the database, so they ship with the server.
  outputFileTracingIncludes: { "/api/health/ready": ["./prisma/migrations/**/migration.sql"] },
  // Lets benchmarks and parallel test runs build into their own folder (default .next).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // `npm test` type-checks the whole project (tsc, with the tests) before it builds, so its build skips
  // Next's second check of the same code (TYPECHECKED=1, set only by scripts/test-all.ts).
  typescript: { ignoreBuildErrors: process.env.TYPECHECKED === "1" },
  // `npm run bench:webhooks` builds with BENCH_BUILD=1, which adds its bare yardstick route
  // (app/api/bench/bare/route.bench.ts); every other build leaves `.bench.ts` files out.
  pageExtensions:
    process.env.BENCH_BUILD === "1" ? ["tsx", "ts", "jsx", "js", "bench.ts"] : ["tsx", "ts", "jsx", "js"],
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "nodemailer"],
  // Fixed security headers on every response; pages also get a Content-Security-Policy from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders({ production: process.env.NODE_ENV === "production" }) },
    ];
  },
};

export default nextConfig;

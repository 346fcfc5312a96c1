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
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "nodemailer"],
  // Fixed security headers on every response; pages also get a Content-Security-Policy from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders({ production: process.env.NODE_ENV === "production" }) },
    ];
  },
};

export default nextConfig;

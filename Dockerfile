# syntax=docker/dockerfile:1
# Production image in three stages: dependencies, build, and a small runtime with only the standalone server.
# The `tools` target (the build stage) runs the release step (`prisma migrate deploy`) and the job worker.
#   docker build -t launchpad .                    # the app (target `app`, the default last stage)
#   docker build -t launchpad-tools --target tools .
# compose.yaml wires them with PostgreSQL.

ARG NODE_IMAGE=node:20.20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# The slim image has no OpenSSL: Prisma's CLI then guesses "openssl-1.1.x" and fetches a schema engine that
# cannot load on bookworm (libssl3), so `prisma migrate deploy` in the tools image would fail.
RUN apt-get update && apt-get install -y --no-install-recommends openssl ca-certificates \
  && rm -rf /var/lib/apt/lists/*
# postinstall runs `prisma generate`, which needs the schema and prisma.config.ts.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

FROM deps AS tools
COPY . .
# Inlined into the browser code at build time; everything else is read when the server starts.
ARG NEXT_PUBLIC_APP_URL=http://localhost:3000
ENV NEXT_PUBLIC_APP_URL=${NEXT_PUBLIC_APP_URL}
RUN npm run build
ENV NODE_ENV=production
# Stays root: the Prisma CLI's schema engine was downloaded into root's cache during the build. Nothing here
# listens on a port; the internet-facing `app` image below runs as the unprivileged `node` user.
# The job worker, as `npm run worker` runs it but without npm and `sh -c` in between: npm passes SIGTERM
# only to the shell, which dies without passing it on, so `docker stop` killed the worker instead of letting
# its running job finish (scripts/worker.ts). tsx passes signals on to the worker and exits with its code.
CMD ["node_modules/.bin/tsx", "--import", "./scripts/lib/server-only-hook.mjs", "scripts/worker.ts"]

FROM ${NODE_IMAGE} AS app
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
# The standalone server with public/ and the static files beside it (copied by `npm run build`).
COPY --from=tools --chown=node:node /app/.next/standalone ./
USER node
EXPOSE 3000
# Asks the port the server listens on (PORT may be overridden at `docker run`).
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/api/health/ready`).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]

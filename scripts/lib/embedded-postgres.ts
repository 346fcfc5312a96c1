import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedPostgres = { url: string; shadowUrl: string; stop: () => Promise<void> };

// PGlite speaks the PostgreSQL wire protocol through pglite-socket, so Prisma (adapter-pg) and the Prisma
// CLI use it like any server. PGlite serves one database whatever name is asked for, so `migrate dev`
// gets a second, in-memory instance as its shadow database.
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  shadowPort: number;
}): Promise<EmbeddedPostgres> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir);
  const shadow = await PGlite.create();
  const servers = [
    new PGLiteSocketServer({ db, port: options.port, host: "127.0.0.1", maxConnections: 100 }),
    new PGLiteSocketServer({ db: shadow, port: options.shadowPort, host: "127.0.0.1", maxConnections: 100 }),
  ];
  try {
    for (const server of servers) await server.start();
  } catch (error) {
    await Promise.allSettled([...servers.map((s) => s.stop()), db.close(), shadow.close()]);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      throw new Error(
        `Port ${options.port} or ${options.shadowPort} is in use. Is another \`npm run dev\` running? ` +
          "Set PGLITE_PORT to use another port, or DATABASE_URL to use a PostgreSQL server.",
        { cause: error },
      );
    }
    throw error;
  }
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${options.port}/postgres?sslmode=disable`,
    shadowUrl: `postgresql://postgres:postgres@127.0.0.1:${options.shadowPort}/postgres?sslmode=disable`,
    stop: async () => {
      await Promise.allSettled(servers.map((s) => s.stop()));
      await Promise.allSettled([db.close(), shadow.close()]);
    },
  };
}

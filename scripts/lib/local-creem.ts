import { DEFAULTS, startEmulator } from "../../creem-emulator/src/index";

// The local CREEM (creem-emulator/) run in-process by `npm run dev` and the e2e server: the app talks to it
// through CREEM_API_BASE_URL with the emulator's default test key, and it POSTs signed webhooks to the app.

export interface LocalCreemOptions {
  port: number;
  /** Where the app receives webhooks, e.g. http://localhost:3000/api/webhooks/creem. */
  webhookUrl: string;
  /** JSON file the state is written through to; absent = memory only. */
  dataFile?: string;
  retryDelaysMs?: number[];
  /** The variable that sets the port, named in the "port is in use" error. */
  portVariable: string;
  /** Appended to the "port is in use" error. */
  portHint?: string;
  /** One line per request and per webhook delivery attempt. */
  log?: (line: string) => void;
}

export interface LocalCreem {
  /** Base URL of the API (`/v1`), the hosted pages and the control API (`/__emulator`). */
  url: string;
  port: number;
  /** The values the app needs to talk to it. */
  env: { CREEM_API_KEY: string; CREEM_WEBHOOK_SECRET: string; CREEM_API_BASE_URL: string };
  stop: () => Promise<void>;
}

export async function startLocalCreem(options: LocalCreemOptions): Promise<LocalCreem> {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator({
      port: options.port,
      apiKey: DEFAULTS.apiKey,
      webhookSecret: DEFAULTS.webhookSecret,
      webhookUrl: options.webhookUrl,
      ...(options.dataFile ? { dataFile: options.dataFile } : {}),
      ...(options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new Error(
        `Port ${options.port} is in use, so the local CREEM cannot start. Is another \`npm run dev\`, e2e ` +
          `run or \`npm run creem:serve\` running? Stop it or set ${options.portVariable} to another port.` +
          (options.portHint ? ` ${options.portHint}` : ""),
        { cause: error },
      );
    }
    throw error;
  }
  return {
    url: emulator.url,
    port: emulator.port,
    env: {
      CREEM_API_KEY: DEFAULTS.apiKey,
      CREEM_WEBHOOK_SECRET: DEFAULTS.webhookSecret,
      CREEM_API_BASE_URL: emulator.url,
    },
    stop: () => emulator.close(),
  };
}

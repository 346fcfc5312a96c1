// Runs the emulator as a process, configured from the environment (`npm run creem:serve`).
import { startEmulator } from "./index";
import type { EmulatorOptions } from "./options";

function parseDelays(raw: string): number[] {
  const delays = raw.split(",").map((part) => Number(part.trim()));
  if (delays.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new Error(`CREEM_EMULATOR_RETRY_DELAYS_MS must be a comma list of milliseconds, got "${raw}"`);
  }
  return delays;
}

function optionsFromEnv(env: NodeJS.ProcessEnv): EmulatorOptions {
  const value = (name: string) => (env[name] === undefined || env[name] === "" ? undefined : env[name]);
  const port = value("CREEM_EMULATOR_PORT");
  if (port !== undefined && !/^\d+$/.test(port))
    throw new Error(`CREEM_EMULATOR_PORT must be a number, got "${port}"`);
  const delays = value("CREEM_EMULATOR_RETRY_DELAYS_MS");
  const cancelMode = value("CREEM_EMULATOR_DEFAULT_CANCEL_MODE");
  if (cancelMode !== undefined && cancelMode !== "immediate" && cancelMode !== "scheduled") {
    throw new Error(
      `CREEM_EMULATOR_DEFAULT_CANCEL_MODE must be "immediate" or "scheduled", got "${cancelMode}"`,
    );
  }
  const options: EmulatorOptions = {
    log: (line) => console.log(`[creem] ${line}`),
    ...(port === undefined ? {} : { port: Number(port) }),
    ...(delays === undefined ? {} : { retryDelaysMs: parseDelays(delays) }),
    ...(cancelMode === undefined ? {} : { defaultCancelMode: cancelMode }),
  };
  const strings = {
    host: "CREEM_EMULATOR_HOST",
    publicUrl: "CREEM_EMULATOR_PUBLIC_URL",
    apiKey: "CREEM_API_KEY",
    webhookUrl: "CREEM_WEBHOOK_URL",
    webhookSecret: "CREEM_WEBHOOK_SECRET",
    dataFile: "CREEM_EMULATOR_DATA_FILE",
  } as const;
  for (const [option, name] of Object.entries(strings) as Array<[keyof typeof strings, string]>) {
    const v = value(name);
    if (v !== undefined) options[option] = v;
  }
  return options;
}

async function main(): Promise<void> {
  const options = optionsFromEnv(process.env);
  const emulator = await startEmulator(options);
  console.log(
    `[creem] local CREEM emulator on ${emulator.url} (API ${emulator.url}/v1, control ${emulator.url}/__emulator)`,
  );
  console.log(`[creem] webhooks -> ${emulator.webhooks.url ?? "(none; set CREEM_WEBHOOK_URL)"}`);
  if (options.dataFile) console.log(`[creem] state persisted to ${options.dataFile}`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`[creem] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

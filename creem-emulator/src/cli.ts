// `npm run creem -- <command>`: drives a running emulator through its control API.
import { parseArgs } from "node:util";
import { CliError, ControlClient, DEFAULT_EMULATOR_URL } from "./cli/client";
import { COMMANDS, type ParsedArgs } from "./cli/commands";
import { USAGE } from "./cli/usage";

function parse(argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        subscription: { type: "string" },
        customer: { type: "string" },
        product: { type: "string" },
        type: { type: "string" },
        event: { type: "string" },
        times: { type: "string" },
        fail: { type: "boolean" },
        reversed: { type: "boolean" },
        at: { type: "string" },
        never: { type: "boolean" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
    return { positionals: values.help ? ["help"] : positionals, flags: values };
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
}

async function run(argv: string[]): Promise<void> {
  const args = parse(argv);
  const name = args.positionals[0] ?? "help";
  const command = COMMANDS[name];
  if (!command) throw new CliError(`Unknown command "${name}".\n\n${USAGE}`);
  const client = new ControlClient(process.env.CREEM_EMULATOR_URL || DEFAULT_EMULATOR_URL);
  const result = await command(client, args);
  console.log(args.flags.json ? JSON.stringify(result.json, null, 2) : result.text);
}

run(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof CliError ? error.message : error);
  process.exitCode = 1;
});

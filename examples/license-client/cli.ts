import os from "node:os";
import path from "node:path";
import { LicenseClient, LicenseError } from "./license-client";

// A tiny CLI around license-client.ts, to try the license API by hand:
//   npx tsx examples/license-client/cli.ts activate <KEY> [device name]
//   npx tsx examples/license-client/cli.ts check | verify | validate | deactivate | show
// Options: --server URL (default http://localhost:3000), --state FILE (default ~/.license-client.json).

function option(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(name);
  if (index === -1) return fallback;
  const value = args[index + 1];
  args.splice(index, 2);
  return value ?? fallback;
}

export async function main(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const args = [...argv];
  const server = option(args, "--server", "http://localhost:3000");
  const stateFile = option(args, "--state", path.join(os.homedir(), ".license-client.json"));
  const client = new LicenseClient({ server, stateFile });
  const [command, ...rest] = args;
  try {
    switch (command) {
      case "activate": {
        const [key, ...name] = rest;
        if (!key) throw new Error("usage: activate <KEY> [device name]");
        const stored = await client.activate(key, name.join(" ") || os.hostname());
        out(`activated ${stored.instanceName} (${stored.instanceId})`);
        return 0;
      }
      case "verify":
      case "validate":
      case "check": {
        const result =
          command === "verify"
            ? await client.verifyOffline()
            : command === "validate"
              ? await client.validate()
              : await client.check();
        if (!result.ok) {
          out(`not licensed: ${result.reason}`);
          return 1;
        }
        out(
          `licensed: plan ${result.payload.plan}, until ${new Date(result.payload.exp * 1000).toISOString()}`,
        );
        return 0;
      }
      case "deactivate":
        await client.deactivate();
        out("deactivated");
        return 0;
      case "show":
        out(JSON.stringify((await client.load()) ?? null, null, 2));
        return 0;
      default:
        out("usage: cli.ts activate <KEY> [name] | check | verify | validate | deactivate | show");
        return 2;
    }
  } catch (error) {
    if (error instanceof LicenseError) {
      out(`${error.code}: ${error.message}`);
      return 1;
    }
    out(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "")) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}

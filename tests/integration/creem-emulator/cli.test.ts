import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { buy, startTestEmulator, type Emulator } from "./helpers";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript entry with tsx as a child process; killed if it takes longer than `timeoutMs`. */
function runTs(entry: string, args: string[], env: Record<string, string>, timeoutMs = 15_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, path.join(ROOT, entry), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

let emulator: Emulator;
const cli = (...args: string[]) =>
  runTs("creem-emulator/src/cli.ts", args, { CREEM_EMULATOR_URL: emulator.url });

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());

describe("npm run creem -- <command>", () => {
  it("lists events and advances a subscription", async () => {
    const { subscriptionId } = await buy(emulator, PRODUCT_IDS.proMonthly, "cli@example.com");
    const events = await cli("events", "--subscription", subscriptionId);
    expect(events.code).toBe(0);
    expect(events.stdout).toMatch(/^EVENT\s+TYPE\s+CREATED\s+SUBSCRIPTION\s+DELIVERY/);
    for (const type of ["checkout.completed", "subscription.active", "subscription.paid"]) {
      expect(events.stdout).toContain(type);
    }

    const failed = await cli("advance", subscriptionId, "--fail");
    expect(failed.code).toBe(0);
    expect(failed.stdout).toContain(`${subscriptionId} is now past_due`);
    expect(failed.stdout).toMatch(/subscription\.past_due evt_/);

    const json = await cli("advance", subscriptionId, "--json");
    expect(JSON.parse(json.stdout)).toMatchObject({ subscription: { status: "active" } });
  });

  it("resets the state and keeps the catalog", async () => {
    await buy(emulator, PRODUCT_IDS.lifetime, "reset@example.com");
    const reset = await cli("reset");
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain("State cleared; catalog seeded.");
    expect(emulator.store.state.customers).toEqual({});
    expect(Object.keys(emulator.store.state.products)).toContain(PRODUCT_IDS.lifetime);
  });

  const licenseKeyOf = async (email: string) => {
    await buy(emulator, PRODUCT_IDS.lifetime, email);
    return Object.values(emulator.store.state.licenses).find(
      (l) => emulator.store.state.customers[l.customer_id]?.email === email,
    )!.key;
  };

  it("lists licenses, and sets a key's limit and expiry", async () => {
    const key = await licenseKeyOf("cli-license@example.com");
    const listed = await cli("licenses", "--customer", "cli-license@example.com");
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^KEY\s+LICENSE\s+STATUS\s+ACTIVATIONS\s+EXPIRES\s+CUSTOMER/);
    expect(listed.stdout).toMatch(
      new RegExp(`${key}\\s+lic_\\w+\\s+inactive\\s+0/3\\s+never\\s+cli-license@example.com`),
    );
    const limited = await cli("license", "limit", key, "unlimited");
    expect(limited.stdout).toContain("Activation limit unlimited.");
    expect(limited.stdout).toContain("0/unlimited");
    const expired = await cli("license", "expire", key, "--at", "2030-05-01T00:00:00Z");
    expect(expired.stdout).toContain("Expires at 2030-05-01T00:00:00.000Z.");
  });

  it("revokes a key, and refuses a bad limit", async () => {
    const key = await licenseKeyOf("cli-revoke@example.com");
    const revoked = await cli("license", "revoke", key, "--json");
    expect(JSON.parse(revoked.stdout)).toMatchObject({ key, status: "disabled" });
    const bad = await cli("license", "limit", key, "0");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("The limit must be a whole number of at least 1, or unlimited");
  });

  it("exits 1 with a clear message on usage errors and API errors", async () => {
    const missing = await cli("advance");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Missing <subscription-id>");

    const unknown = await cli("frobnicate");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');

    const trigger = await cli("trigger", "subscription.paid");
    expect(trigger.code).toBe(1);
    expect(trigger.stderr).toContain("trigger needs --subscription ID or --customer EMAIL");

    const notFound = await cli("refund", "tran_missing");
    expect(notFound.code).toBe(1);
    expect(notFound.stderr).toContain("404 Not Found: Transaction not found");
  });
});

describe("npm run creem:serve", () => {
  it("starts from environment variables and logs one line per request", async () => {
    const child = spawn(process.execPath, [TSX, path.join(ROOT, "creem-emulator/src/main.ts")], {
      cwd: ROOT,
      env: { ...process.env, CREEM_EMULATOR_PORT: "0", CREEM_API_KEY: "creem_test_from_env" },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const closed = new Promise((resolve) => child.on("close", resolve));
    try {
      const started = Date.now();
      while (!/emulator on (http:\S+) /.test(output)) {
        if (Date.now() - started > 15_000) throw new Error(`main.ts did not start: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const url = /emulator on (http:\S+) /.exec(output)?.[1] ?? "";
      const response = await fetch(`${url}/v1/products/${PRODUCT_IDS.proMonthly}`, {
        headers: { "x-api-key": "creem_test_from_env" },
      });
      expect(response.status).toBe(200);
      const deadline = Date.now() + 5_000;
      while (!output.includes(`GET /v1/products/${PRODUCT_IDS.proMonthly} -> 200`) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(output).toContain(`[creem] GET /v1/products/${PRODUCT_IDS.proMonthly} -> 200`);
    } finally {
      child.kill("SIGTERM");
      await closed;
    }
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { devHostname } from "../../scripts/lib/dev-hostname";

describe("dev server address", () => {
  it("binds to 127.0.0.1 unless DEV_HOSTNAME says otherwise", () => {
    expect(devHostname({})).toEqual({ hostname: "127.0.0.1" });
    expect(devHostname({ DEV_HOSTNAME: "" })).toEqual({ hostname: "127.0.0.1" });
    expect(devHostname({ DEV_HOSTNAME: "  " })).toEqual({ hostname: "127.0.0.1" });
    expect(devHostname({ DEV_HOSTNAME: "::1" })).toEqual({ hostname: "::1" });
  });

  it("warns when the dev server (and /dev/mail) is opened to the network", () => {
    const open = devHostname({ DEV_HOSTNAME: "0.0.0.0" });
    expect(open.hostname).toBe("0.0.0.0");
    expect(open.warning).toMatch(/reachable from other machines.*\/dev\/mail/);
  });

  it("is what `npm run dev` passes to next dev", () => {
    const script = readFileSync(path.join(import.meta.dirname, "../../scripts/dev.ts"), "utf8");
    expect(script).toContain("devHostname(process.env)");
    expect(script).toMatch(/"next", "dev", "--port", port, "--hostname", hostname/);
  });
});

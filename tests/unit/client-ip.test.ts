import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/client-ip";

const h = (init: Record<string, string>) => new Headers(init);

describe("clientIp", () => {
  it("ignores X-Forwarded-For unless TRUST_PROXY is on (anyone can send it)", () => {
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.7" }), false)).toBeNull();
    expect(clientIp(h({ "x-real-ip": "203.0.113.7" }), false)).toBeNull();
  });

  it.each([
    [{ "x-forwarded-for": "203.0.113.7" }, "203.0.113.7"],
    // The client may send its own header; the proxy appends the address it saw: the right-most counts.
    [{ "x-forwarded-for": "1.2.3.4, 198.51.100.9" }, "198.51.100.9"],
    [{ "x-forwarded-for": "spoofed,203.0.113.7 " }, "203.0.113.7"],
    [{ "x-forwarded-for": "203.0.113.7:51234" }, "203.0.113.7"],
    [{ "x-forwarded-for": "[2001:DB8::1]:443" }, "2001:db8::1"],
    [{ "x-forwarded-for": "::ffff:203.0.113.7" }, "203.0.113.7"],
    [{ "x-real-ip": "198.51.100.1" }, "198.51.100.1"],
  ])("trusted proxy: %o -> %s", (headers, expected) => {
    expect(clientIp(h(headers), true)).toBe(expected);
  });

  it.each<Record<string, string>>([
    {},
    { "x-forwarded-for": "" },
    { "x-forwarded-for": "1.2.3.4, not-an-ip" },
    { "x-real-ip": "x" },
  ])("unknown for %o", (headers) => {
    expect(clientIp(h(headers), true)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { decodeWebhookBody, jsonDepth, WEBHOOK_MAX_DEPTH } from "@/lib/creem/webhook-events";

describe("decodeWebhookBody", () => {
  it("replaces NUL and lone surrogates (in values and keys) and says so", () => {
    const decoded = decodeWebhookBody(JSON.stringify({ a: "x\u0000y", ["k\ud800"]: ["\udc00"], ok: "é€😀" }));
    expect(decoded).toEqual({
      ok: true,
      sanitized: true,
      payload: { a: "x\ufffdy", "k\ufffd": ["\ufffd"], ok: "é€😀" },
    });
  });

  it("leaves a clean body as it is", () => {
    expect(decodeWebhookBody('{"a":[1,{"b":"ü"}]}')).toEqual({
      ok: true,
      sanitized: false,
      payload: { a: [1, { b: "ü" }] },
    });
  });

  it("keeps a __proto__ key as data", () => {
    const decoded = decodeWebhookBody('{"__proto__":{"polluted":true}}');
    expect(decoded.ok && Object.getPrototypeOf(decoded.payload)).toBe(Object.prototype);
    expect(decoded.ok && Object.keys(decoded.payload as object)).toEqual(["__proto__"]);
  });

  it("refuses invalid UTF-8 bytes, deep nesting and non-JSON without throwing", () => {
    expect(decodeWebhookBody(new Uint8Array([0x7b, 0xff, 0x7d]))).toEqual({
      ok: false,
      reason: "body is not valid UTF-8",
    });
    const deep = "[".repeat(5000) + "]".repeat(5000);
    expect(decodeWebhookBody(deep)).toMatchObject({ ok: false, reason: /nested deeper/ });
    expect(decodeWebhookBody("[".repeat(WEBHOOK_MAX_DEPTH) + "]".repeat(WEBHOOK_MAX_DEPTH)).ok).toBe(true);
    expect(decodeWebhookBody("{")).toEqual({ ok: false, reason: "body is not JSON" });
  });
});

describe("jsonDepth", () => {
  it("counts nesting outside strings only, escaped quotes included", () => {
    expect(jsonDepth('{"a":[{"b":"[[[[\\"{{"}]}')).toBe(3);
    expect(jsonDepth("1")).toBe(0);
  });
});

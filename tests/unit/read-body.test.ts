import { describe, expect, it } from "vitest";
import { readBodyWithLimit } from "@/lib/read-body";

function chunked(parts: string[]): Request {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });
  return new Request("http://localhost/x", { method: "POST", body: stream, duplex: "half" } as RequestInit);
}

describe("readBodyWithLimit", () => {
  it("returns the exact text, multi-byte characters included", async () => {
    expect(await readBodyWithLimit(chunked(['{"a":', '"ü€"}']), 100)).toBe('{"a":"ü€"}');
  });

  it("stops reading a chunked body past the limit", async () => {
    expect(await readBodyWithLimit(chunked(["12345", "67890", "x"]), 10)).toBeNull();
    expect(await readBodyWithLimit(chunked(["12345", "67890"]), 10)).toBe("1234567890");
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: "small",
      headers: { "content-length": "999999" },
    });
    expect(await readBodyWithLimit(request, 10)).toBeNull();
  });

  it("reads an empty body as an empty string", async () => {
    expect(await readBodyWithLimit(new Request("http://localhost/x", { method: "POST" }), 10)).toBe("");
  });
});

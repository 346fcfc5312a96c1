import { describe, expect, it } from "vitest";
import { readBytesWithLimit } from "@/lib/read-body";

describe("readBytesWithLimit", () => {
  it("returns the exact bytes, invalid UTF-8 included", async () => {
    const bytes = new Uint8Array([0x7b, 0xff, 0xfe, 0x00, 0x7d]);
    const request = new Request("http://localhost/x", { method: "POST", body: bytes });
    expect(Buffer.compare((await readBytesWithLimit(request, 100))!, Buffer.from(bytes))).toBe(0);
  });

  it("returns null over the limit", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: new Uint8Array(11) });
    expect(await readBytesWithLimit(request, 10)).toBeNull();
  });
});

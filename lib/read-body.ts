/**
 * The request body as bytes, or null once it exceeds `maxBytes`. Reads the stream instead of trusting
 * Content-Length, so a chunked upload cannot make the server buffer more than the limit. Bytes, not text:
 * a signature is computed over exactly what was sent, and decoding first would alter invalid UTF-8.
 */
export async function readBytesWithLimit(request: Request, maxBytes: number): Promise<Buffer | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return null;
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** Like readBytesWithLimit, decoded as UTF-8 (invalid sequences become U+FFFD). */
export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<string | null> {
  const bytes = await readBytesWithLimit(request, maxBytes);
  return bytes === null ? null : bytes.toString("utf8");
}

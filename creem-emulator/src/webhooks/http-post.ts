import http from "node:http";
import https from "node:https";

export interface PostResult {
  statusCode: number | null;
  responseBody: string;
  error: string | null;
}

const MAX_LOGGED_RESPONSE = 500;

/**
 * POSTs `body` and never throws: network errors and timeouts come back as `error`. A fresh connection per
 * request (no keep-alive) so receivers can shut down cleanly.
 */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  onRequest?: (abort: () => void) => () => void,
): Promise<PostResult> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const client = target.protocol === "https:" ? https : http;
    let settled = false;
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      release?.();
      resolve(result);
    };
    const request = client.request(
      target,
      {
        method: "POST",
        agent: false,
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => {
          if (chunks.reduce((n, c) => n + c.length, 0) < MAX_LOGGED_RESPONSE) chunks.push(chunk);
        });
        response.on("end", () =>
          finish({
            statusCode: response.statusCode ?? null,
            responseBody: Buffer.concat(chunks).toString("utf8").slice(0, MAX_LOGGED_RESPONSE),
            error: null,
          }),
        );
        response.on("error", (error) =>
          finish({ statusCode: response.statusCode ?? null, responseBody: "", error: error.message }),
        );
      },
    );
    const timer = setTimeout(() => {
      finish({ statusCode: null, responseBody: "", error: `Timed out after ${timeoutMs} ms` });
      request.destroy();
    }, timeoutMs);
    const release = onRequest?.(() => {
      finish({ statusCode: null, responseBody: "", error: "Emulator shut down" });
      request.destroy();
    });
    request.on("error", (error) => finish({ statusCode: null, responseBody: "", error: error.message }));
    request.end(body);
  });
}

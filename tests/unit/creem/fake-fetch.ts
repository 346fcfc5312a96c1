import { createCreemClient, type CreemClientOptions } from "@/lib/creem/client";
import type { FetchLike } from "@/lib/creem/transport";

export const TEST_KEY = "creem_test_5ecretKey0123456789";

export interface RecordedCall {
  url: URL;
  method: string;
  headers: Headers;
  /** Parsed JSON body, or undefined when none was sent. */
  body: unknown;
  signal: AbortSignal | undefined;
}

export type Respond = (call: RecordedCall, index: number) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

export function fakeFetch(respond: Respond): { fetch: FetchLike; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetch: FetchLike = async (url, init) => {
    const call: RecordedCall = {
      url: new URL(url),
      method: init.method ?? "GET",
      headers: new Headers(init.headers),
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    return respond(call, calls.length - 1);
  };
  return { fetch, calls };
}

/** Answers the nth call with the nth response factory (the last one repeats). */
export function inSequence(...responses: Array<() => Response | Promise<Response>>): Respond {
  return (_call, index) => {
    const next = responses[Math.min(index, responses.length - 1)];
    if (!next) throw new Error("inSequence needs at least one response");
    return next();
  };
}

/** A fetch that never answers until the request is aborted, like a hung connection. */
export const hang: Respond = (call) =>
  new Promise<Response>((_resolve, reject) => {
    call.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
  });

export function testClient(respond: Respond, options: Partial<CreemClientOptions> = {}) {
  const { fetch, calls } = fakeFetch(respond);
  const client = createCreemClient({
    apiKey: TEST_KEY,
    fetch,
    retryBaseDelayMs: 1,
    ...options,
  });
  return { client, calls };
}

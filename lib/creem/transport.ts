import type { z } from "zod";
import { codeForStatus, CreemError, parseErrorBody, redact } from "./errors";
import { backoffDelay, MAX_RETRY_DELAY_MS, parseRetryAfter, sleep } from "./retry";
import { describeIssues } from "./schemas/common";

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface TransportConfig {
  apiKey: string;
  baseUrl: string;
  timeoutMs: number;
  fetch: FetchLike;
  maxRetries: number;
  retryBaseDelayMs: number;
}

export type HttpMethod = "GET" | "POST" | "DELETE";

export interface CreemRequest<T> {
  method: HttpMethod;
  /** Path with any ids already URL-encoded. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
  schema: z.ZodType<T>;
  /** Retry transient failures. Defaults to true for GET only: a repeated POST could charge or create twice. */
  retry?: boolean;
}

export type Transport = <T>(request: CreemRequest<T>) => Promise<T>;

interface RawResponse {
  status: number;
  retryAfterMs: number | undefined;
  text: string;
}

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

function isRetryable(error: CreemError): boolean {
  return error.code === "timeout" || error.code === "network" || RETRYABLE_STATUSES.has(error.status);
}

export function createTransport(config: TransportConfig): Transport {
  return async function request<T>(req: CreemRequest<T>): Promise<T> {
    const endpoint = `${req.method} ${req.path}`;
    const url = buildUrl(config.baseUrl, req.path, req.query);
    const retry = req.retry ?? req.method === "GET";
    const init: RequestInit = {
      method: req.method,
      headers: {
        accept: "application/json",
        "x-api-key": config.apiKey,
        ...(req.body === undefined ? {} : { "content-type": "application/json" }),
        ...req.headers,
      },
      ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
    };

    for (let attempt = 0; ; attempt++) {
      let error: CreemError;
      try {
        const response = await send(config, url, init, endpoint);
        if (response.status >= 200 && response.status < 300) {
          return decode(response, req.schema, endpoint);
        }
        error = errorFromResponse(response, endpoint, config.apiKey);
      } catch (caught) {
        if (!(caught instanceof CreemError)) throw caught;
        error = caught;
      }

      if (!retry || !isRetryable(error) || attempt >= config.maxRetries) throw error;
      const delay = error.retryAfterMs ?? backoffDelay(attempt, config.retryBaseDelayMs);
      if (delay > MAX_RETRY_DELAY_MS) throw error;
      await sleep(delay);
    }
  };
}

function buildUrl(baseUrl: string, path: string, query: CreemRequest<unknown>["query"]): string {
  // Appended, not resolved, so a base URL with a path prefix (e.g. behind a proxy) keeps it.
  const url = new URL(`${baseUrl.replace(/\/+$/, "")}${path}`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

async function send(
  config: TransportConfig,
  url: string,
  init: RequestInit,
  endpoint: string,
): Promise<RawResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  try {
    const response = await config.fetch(url, { ...init, signal: controller.signal });
    // The body is read under the same timeout: a stalled body is as bad as a stalled connection.
    const text = await response.text();
    return {
      status: response.status,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
      text,
    };
  } catch (cause) {
    if (controller.signal.aborted) {
      throw new CreemError({
        code: "timeout",
        status: 0,
        endpoint,
        detail: `no response within ${config.timeoutMs} ms`,
      });
    }
    throw new CreemError({
      code: "network",
      status: 0,
      endpoint,
      detail: redact(cause instanceof Error ? cause.message : String(cause), config.apiKey),
    });
  } finally {
    clearTimeout(timer);
  }
}

function errorFromResponse(response: RawResponse, endpoint: string, apiKey: string): CreemError {
  const body = parseErrorBody(response.text);
  return new CreemError({
    code: codeForStatus(response.status),
    status: response.status,
    endpoint,
    traceId: body.traceId,
    error: body.error === undefined ? undefined : redact(body.error, apiKey),
    messages: body.messages.map((m) => redact(m, apiKey)),
    retryAfterMs: response.retryAfterMs,
  });
}

function decode<T>(response: RawResponse, schema: z.ZodType<T>, endpoint: string): T {
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch (cause) {
    throw new CreemError({
      code: "invalid_response",
      status: response.status,
      endpoint,
      detail: "response body is not JSON",
      cause,
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new CreemError({
      code: "invalid_response",
      status: response.status,
      endpoint,
      detail: `unexpected response shape: ${describeIssues(parsed.error)}`,
      cause: parsed.error,
    });
  }
  return parsed.data;
}

export type CreemErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "gone"
  | "rate_limited"
  | "unavailable"
  | "timeout"
  | "network"
  | "invalid_response"
  | "not_configured";

export interface CreemErrorInit {
  code: CreemErrorCode;
  /** HTTP status, or 0 when no response arrived (network, timeout, configuration). */
  status: number;
  /** "METHOD /path" without the query string (queries can carry e-mail addresses). */
  endpoint: string;
  traceId?: string | undefined;
  messages?: string[] | undefined;
  /** CREEM's short error name, e.g. "Bad Request". */
  error?: string | undefined;
  retryAfterMs?: number | undefined;
  /** Extra developer detail (e.g. which fields failed validation); never shown to users. */
  detail?: string | undefined;
  cause?: unknown;
}

const UNAVAILABLE = "Payments are temporarily unavailable. Please try again in a few minutes.";
const MISCONFIGURED = "Payments are not set up correctly right now. Please contact support.";

export class CreemError extends Error {
  override readonly name = "CreemError";
  readonly code: CreemErrorCode;
  readonly status: number;
  readonly endpoint: string;
  readonly traceId: string | undefined;
  readonly messages: string[];
  readonly retryAfterMs: number | undefined;
  /** A message that is safe to show to end users: no keys, ids or internals. */
  readonly userMessage: string;

  constructor(init: CreemErrorInit) {
    super(developerMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.endpoint = init.endpoint;
    this.traceId = init.traceId;
    this.messages = init.messages ?? [];
    this.retryAfterMs = init.retryAfterMs;
    this.userMessage = userMessageFor(init.code, init.endpoint, this.messages);
  }

  /** Whether the same request may succeed later (rate limits, outages, network). */
  get transient(): boolean {
    return (
      this.code === "rate_limited" ||
      this.code === "unavailable" ||
      this.code === "timeout" ||
      this.code === "network"
    );
  }
}

/** Also recognises errors from a second copy of this module (e.g. after a dev-server reload). */
export function isCreemError(value: unknown): value is CreemError {
  return (
    value instanceof CreemError ||
    (value instanceof Error && value.name === "CreemError" && typeof (value as CreemError).code === "string")
  );
}

export function codeForStatus(status: number): CreemErrorCode {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 409:
      return "conflict";
    case 410:
      return "gone";
    case 429:
      return "rate_limited";
  }
  if (status >= 500) return "unavailable";
  if (status >= 400) return "bad_request";
  // A 1xx/3xx that reached us is not a response this client understands.
  return "invalid_response";
}

function developerMessage(init: CreemErrorInit): string {
  const parts = [`CREEM ${init.endpoint || "request"} failed: ${init.code}`];
  if (init.status > 0) parts.push(`(HTTP ${init.status}${init.error ? ` ${init.error}` : ""})`);
  if (init.messages && init.messages.length > 0) parts.push(`- ${init.messages.join("; ")}`);
  if (init.detail) parts.push(`- ${init.detail}`);
  if (init.traceId) parts.push(`[trace_id ${init.traceId}]`);
  return parts.join(" ");
}

const MAX_USER_DETAIL = 200;

function userMessageFor(code: CreemErrorCode, endpoint: string, messages: string[]): string {
  // The reference documents license-specific meanings for these statuses.
  if (endpoint.includes("/v1/licenses/")) {
    const license = LICENSE_MESSAGES[code];
    if (license) return license;
  }
  switch (code) {
    case "bad_request": {
      const first = messages[0]?.trim();
      if (!first) return "The request was invalid.";
      const detail = first.length > MAX_USER_DETAIL ? `${first.slice(0, MAX_USER_DETAIL)}…` : first;
      return `The request was invalid: ${detail}`;
    }
    case "unauthorized":
    case "forbidden":
    case "not_configured":
      return MISCONFIGURED;
    case "not_found":
      return "The requested item was not found.";
    case "conflict":
      return "This request conflicts with the current state. Please refresh and try again.";
    case "gone":
      return "This item is no longer available.";
    case "rate_limited":
      return "Payments are busy right now. Please try again in a moment.";
    case "unavailable":
    case "timeout":
    case "network":
    case "invalid_response":
      return UNAVAILABLE;
  }
}

const LICENSE_MESSAGES: Partial<Record<CreemErrorCode, string>> = {
  forbidden: "This license key has reached its activation limit.",
  not_found: "This license key or activation was not found.",
  conflict: "This activation has already been deactivated.",
  gone: "This license key has been revoked or has expired.",
};

export interface ParsedErrorBody {
  traceId: string | undefined;
  error: string | undefined;
  messages: string[];
}

/** Reads CREEM's `{trace_id, status, error, message, timestamp}` body; anything else yields empty fields. */
export function parseErrorBody(text: string): ParsedErrorBody {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { traceId: undefined, error: undefined, messages: [] };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { traceId: undefined, error: undefined, messages: [] };
  }
  const record = body as Record<string, unknown>;
  const message = record.message;
  const messages = (Array.isArray(message) ? message : [message]).filter(
    (m): m is string => typeof m === "string" && m.length > 0,
  );
  return {
    traceId: typeof record.trace_id === "string" ? record.trace_id : undefined,
    error: typeof record.error === "string" ? record.error : undefined,
    messages,
  };
}

/** Removes a secret from text that came back from the network, in case the server echoes it. */
export function redact(text: string, secret: string): string {
  return secret.length > 0 ? text.split(secret).join("[redacted]") : text;
}

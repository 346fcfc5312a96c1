import { randomUUID } from "node:crypto";

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  410: "Gone",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

/** An error that becomes CREEM's documented error body and HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly messages: string[],
  ) {
    super(messages.join("; ") || reasonPhrase(status));
    this.name = "ApiError";
  }
}

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? "Error";
}

export interface ErrorBody {
  trace_id: string;
  status: number;
  error: string;
  message: string[];
  timestamp: number;
}

export function errorBody(status: number, messages: string[]): ErrorBody {
  return {
    trace_id: randomUUID(),
    status,
    error: reasonPhrase(status),
    message: messages,
    timestamp: Date.now(),
  };
}

export const badRequest = (message: string) => new ApiError(400, [message]);
export const notFound = (what: string) => new ApiError(404, [`${what} not found`]);
export const conflict = (message: string) => new ApiError(409, [message]);

import http from "node:http";
import type { Ctx } from "../context";
import { ApiError, errorBody, reasonPhrase } from "../core/errors";
import { messagePage } from "../pages/layout";
import type { HttpResult, RouteKind, Router } from "./router";

const MAX_BODY_BYTES = 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new ApiError(413, ["Request body is too large"]));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** x-api-key on every /v1 call: missing -> 401, wrong -> 403. */
function checkApiKey(headers: http.IncomingHttpHeaders, apiKey: string): void {
  const key = headers["x-api-key"];
  if (key === undefined || key === "") throw new ApiError(401, ["Missing x-api-key header"]);
  if (key !== apiKey) throw new ApiError(403, ["Invalid API key"]);
}

const kindOf = (path: string): RouteKind =>
  path.startsWith("/v1/") || path === "/v1" ? "api" : path.startsWith("/__emulator") ? "control" : "page";

function errorResult(error: unknown, kind: RouteKind, log?: (line: string) => void): HttpResult {
  const apiError =
    error instanceof ApiError
      ? error
      : new ApiError(500, [error instanceof Error ? error.message : "Internal server error"]);
  if (!(error instanceof ApiError))
    log?.(`internal error: ${error instanceof Error ? error.stack : String(error)}`);
  if (kind === "page") {
    return {
      status: apiError.status,
      html: messagePage(reasonPhrase(apiError.status), apiError.messages.join(" ")),
    };
  }
  return { status: apiError.status, json: errorBody(apiError.status, apiError.messages) };
}

function send(res: http.ServerResponse, result: HttpResult): void {
  if ("location" in result) {
    res.writeHead(result.status, { location: result.location, "content-length": 0 });
    res.end();
  } else if ("html" in result) {
    res.writeHead(result.status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(result.html);
  } else {
    const body = JSON.stringify(result.json);
    res.writeHead(result.status, { "content-type": "application/json; charset=utf-8" });
    res.end(body);
  }
}

/** One node:http server for the API, the hosted pages and the control API; state is saved after writes. */
export function createHttpServer(ctx: Ctx, router: Router, log?: (line: string) => void): http.Server {
  return http.createServer((req, res) => {
    const started = Date.now();
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", "http://emulator.local");
    let kind = kindOf(url.pathname);
    const run = async (): Promise<HttpResult> => {
      const body = await readBody(req);
      const match = router.match(method, url.pathname);
      if (!match) throw new ApiError(404, [`Cannot ${method} ${url.pathname}`]);
      kind = match.route.kind;
      if (kind === "api") checkApiKey(req.headers, ctx.config.apiKey);
      return match.route.handler({
        method,
        path: url.pathname,
        params: match.params,
        query: url.searchParams,
        headers: req.headers,
        body,
      });
    };
    void run()
      .catch((error: unknown) => errorResult(error, kind, log))
      .then((outcome) => {
        let result = outcome;
        if (method !== "GET" && method !== "HEAD") {
          try {
            ctx.store.save();
          } catch (error) {
            log?.(`could not save state: ${error instanceof Error ? error.message : String(error)}`);
            result = errorResult(new ApiError(500, ["Could not save the emulator state"]), kind, log);
          }
        }
        send(res, result);
        log?.(`${method} ${url.pathname}${url.search} -> ${result.status} (${Date.now() - started} ms)`);
      });
  });
}

import type { IncomingHttpHeaders } from "node:http";

/** How errors are answered: CREEM JSON for `api` and `control`, an HTML page for `page`. */
export type RouteKind = "api" | "page" | "control";

export interface RequestContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export type HttpResult =
  { status: number; json: unknown } | { status: number; html: string } | { status: 303; location: string };

export type Handler = (req: RequestContext) => HttpResult | Promise<HttpResult>;

interface Route {
  method: string;
  segments: string[];
  kind: RouteKind;
  handler: Handler;
}

const split = (path: string) => path.split("/").filter(Boolean);

/** Matches `/v1/products/:id`-style patterns; the first registered match wins. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, kind: RouteKind, handler: Handler): this {
    this.routes.push({ method, segments: split(pattern), kind, handler });
    return this;
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    const parts = split(path);
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const matched = route.segments.every((segment, i) => {
        const part = parts[i] ?? "";
        if (segment.startsWith(":")) {
          params[segment.slice(1)] = decodeURIComponent(part);
          return true;
        }
        return segment === part;
      });
      if (matched) return { route, params };
    }
    return undefined;
  }
}

export const json = (body: unknown, status = 200): HttpResult => ({ status, json: body });
export const html = (body: string, status = 200): HttpResult => ({ status, html: body });
export const redirect = (location: string): HttpResult => ({ status: 303, location });

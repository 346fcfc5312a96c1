import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createPlanCatalog, localProductIds } from "@/lib/billing/plans";
import type { PrismaClient } from "@/lib/prisma";
import { PRODUCT_IDS } from "../../../creem-emulator/src/index";
import { personalWorkspaceId } from "../support/workspaces";

// Shared by the checkout tests: the plan catalog with the local CREEM's product ids, users, form data.

export const catalog = createPlanCatalog(localProductIds());
export { PRODUCT_IDS };

export const APP_URL = "http://app.test";

/** A new user with the personal workspace the database gave them (where their purchases go). */
export async function newUser(db: PrismaClient) {
  const user = await db.user.create({ data: { email: `buyer-${randomUUID()}@example.com` } });
  return { ...user, workspaceId: await personalWorkspaceId(db, user.id) };
}

export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** The URL a server action redirected to (Next implements redirect() by throwing), or a failure. */
export async function redirectOf(promise: Promise<unknown>): Promise<string> {
  const outcome: unknown = await promise.then(
    (value) => ({ returned: value }),
    (error: unknown) => error,
  );
  const digest = (outcome as { digest?: unknown }).digest;
  if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT;")) {
    throw new Error(`expected a redirect, got ${JSON.stringify(outcome)}`);
  }
  // "NEXT_REDIRECT;<replace|push>;<url>;<status>;"
  return digest.split(";").slice(2, -2).join(";");
}

/** A subscription of the user's personal workspace, as the webhooks would have stored it. */
export async function storeSubscription(
  db: PrismaClient,
  userId: string,
  fields: { productId?: string; status?: string; periodEnd?: Date } = {},
) {
  return db.subscription.create({
    data: {
      id: `sub_${randomUUID().replace(/-/g, "")}`,
      userId,
      workspaceId: await personalWorkspaceId(db, userId),
      customerId: `cust_${randomUUID().replace(/-/g, "")}`,
      productId: fields.productId ?? PRODUCT_IDS.proMonthly,
      status: fields.status ?? "active",
      currentPeriodEnd: fields.periodEnd ?? new Date(Date.now() + 30 * 86_400_000),
      stateAt: new Date(),
      stateSource: "test",
    },
  });
}

export type CreemRequest = { method: string; path: string; body: string };

/**
 * The local CREEM behind a recording proxy: every request the app sends is kept (to assert on what CREEM
 * received), and `failWith` makes CREEM answer a path with an error, as the real API would (status and
 * CREEM's error body), until `heal`.
 */
export async function startCreemProxy(target: string) {
  const received: CreemRequest[] = [];
  let fault: { method: string; path: string; status: number; message?: string } | undefined;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = req.url ?? "/";
      received.push({ method: req.method ?? "GET", path, body });
      if (fault && req.method === fault.method && path.startsWith(fault.path)) {
        res.writeHead(fault.status, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            trace_id: "trace-proxy",
            status: fault.status,
            error: http.STATUS_CODES[fault.status],
            message: fault.message ? [fault.message] : [],
            timestamp: Date.now(),
          }),
        );
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          ([key]) => !["host", "content-length", "connection"].includes(key),
        ),
      ) as Record<string, string>;
      const upstream = await fetch(`${target}${path}`, {
        method: req.method,
        headers,
        ...(body ? { body } : {}),
      });
      res.writeHead(upstream.status, {
        "content-type": upstream.headers.get("content-type") ?? "text/plain",
      });
      res.end(await upstream.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    /** Requests CREEM received for `method path` (path prefix). */
    requests: (method: string, path: string) =>
      received.filter((r) => r.method === method && r.path.startsWith(path)),
    failWith: (method: string, path: string, status: number, message?: string) => {
      fault = { method, path, status, message };
    },
    heal: () => {
      fault = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

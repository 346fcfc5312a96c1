import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testDb } from "../support/db";
import { personalWorkspaceId } from "../support/workspaces";
import { API_KEY, form, newUser, signInAs, uid, WEBHOOK_SECRET } from "./support";

vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), requireUser: vi.fn() }));
vi.mock("next/headers", async () => (await import("../support/workspaces")).nextHeadersMock());

// A CREEM that answers every request with the status under test and CREEM's error body, to check what
// the user sees: a friendly message, never CREEM's own text, ids or a stack.

const db = testDb();
let status = 500;
const received: string[] = [];
const creem = http.createServer((req, res) => {
  received.push(`${req.method} ${req.url}`);
  res.writeHead(status, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      trace_id: "6f1c2d3e-0000-4000-8000-000000000000",
      status,
      error: http.STATUS_CODES[status],
      message: ["Subscription sub_internal is in state X (internal detail)"],
      timestamp: Date.now(),
    }),
  );
});

let actions: typeof import("@/app/dashboard/billing/actions");
let portal: typeof import("@/app/dashboard/billing/portal/route");
let subscriptionId: string;
let workspaceId: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => creem.listen(0, "127.0.0.1", resolve));
  process.env.CREEM_API_KEY = API_KEY;
  process.env.CREEM_WEBHOOK_SECRET = WEBHOOK_SECRET;
  process.env.CREEM_API_BASE_URL = `http://127.0.0.1:${(creem.address() as AddressInfo).port}`;
  actions = await import("@/app/dashboard/billing/actions");
  portal = await import("@/app/dashboard/billing/portal/route");

  const user = await newUser(db, "creem-errors");
  const customerId = uid("cust");
  workspaceId = await personalWorkspaceId(db, user.id);
  await db.workspace.update({ where: { id: workspaceId }, data: { creemCustomerId: customerId } });
  subscriptionId = uid("sub");
  await db.subscription.create({
    data: {
      id: subscriptionId,
      userId: user.id,
      workspaceId,
      customerId,
      productId: "prod_local_team_monthly",
      status: "active",
      units: 2,
      currentPeriodEnd: new Date(Date.now() + 20 * 86_400_000),
      stateAt: new Date(),
      stateSource: "test",
    },
  });
  signInAs(user);
});

afterAll(async () => {
  await new Promise((resolve) => creem.close(resolve));
  const { db: appDb } = await import("@/lib/db");
  await appDb.$disconnect();
});

const UNAVAILABLE = "Payments are temporarily unavailable. Please try again in a few minutes.";

describe("CREEM errors become messages a user can act on", () => {
  it.each([
    [409, "This request conflicts with the current state. Please refresh and try again."],
    [500, UNAVAILABLE],
    [503, UNAVAILABLE],
    [429, "Payments are busy right now. Please try again in a moment."],
    [404, "The requested item was not found."],
    [401, "Payments are not set up correctly right now. Please contact support."],
  ])("HTTP %i on pause", async (code, message) => {
    status = code;
    const before = received.length;
    const result = await actions.pauseSubscriptionAction({}, form({ subscriptionId }));
    expect(result).toEqual({ error: message });
    const sent = received.slice(before).filter((line) => line.startsWith("POST"));
    expect(sent).toEqual([`POST /v1/subscriptions/${subscriptionId}/pause`]);
  });

  it("HTTP 500 while reading the subscription before a seat change", async () => {
    status = 500;
    const before = received.length;
    const result = await actions.changeSeatsAction(
      {},
      form({ subscriptionId, seats: 4, proration: "next_renewal" }),
    );
    expect(result).toEqual({ error: UNAVAILABLE });
    // Reads are retried; the change itself was never sent.
    expect(received.slice(before)).toEqual(
      Array(4).fill(`GET /v1/subscriptions?subscription_id=${subscriptionId}`),
    );
  });

  it("HTTP 500 when opening the billing portal", async () => {
    status = 500;
    const response = await portal.GET();
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/dashboard/billing?portal=unavailable");
  });

  it("billing history says CREEM is unavailable instead of failing the page", async () => {
    status = 503;
    const { getBillingHistory } = await import("@/lib/billing/account/queries");
    expect(await getBillingHistory(workspaceId, 1)).toEqual({ kind: "unavailable", message: UNAVAILABLE });
  });

  it("HTTP 409 on a plan change", async () => {
    status = 409;
    const result = await actions.changePlanAction(
      {},
      form({ subscriptionId, productId: "prod_local_team_yearly" }),
    );
    expect(result.error).toBe("This request conflicts with the current state. Please refresh and try again.");
  });
});

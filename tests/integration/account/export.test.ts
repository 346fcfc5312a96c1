import { beforeAll, describe, expect, it, vi } from "vitest";
import type { UserDataExport } from "@/lib/account/export";
import { testDb } from "../support/db";
import { headersMock, linkAccount, newSession, newUser, signInAs, uid, type TestUser } from "./support";

vi.mock("@/lib/auth", () => ({
  getCurrentUser: vi.fn(),
  requireUser: vi.fn(),
  configuredProviders: vi.fn(),
}));
vi.mock("next/headers", () => headersMock());

const db = testDb();
const route = await import("@/app/api/account/export/route");

/** A user with one of everything, every secret and id recorded so the export can be searched for it. */
async function filledUser(label: string) {
  const user = await newUser(db, label);
  const account = await linkAccount(db, user.id, "github");
  const session = await newSession(db, user.id, "Mozilla/5.0 Firefox/133.0");
  const subId = uid("sub");
  await db.subscription.create({
    data: {
      id: subId,
      userId: user.id,
      customerId: uid("cust"),
      customerEmail: user.email,
      productId: "prod_local_pro_monthly",
      status: "active",
      stateAt: new Date(),
      stateSource: "test",
    },
  });
  const orderId = uid("ord");
  await db.purchase.create({
    data: { id: orderId, userId: user.id, status: "paid", amount: 9900, currency: "EUR" },
  });
  const key = `KEY-${uid("lic")}-WXYZ`;
  await db.licenseKey.create({
    data: {
      id: uid("lk"),
      userId: user.id,
      customerId: uid("cust"),
      productId: "prod_local_lifetime",
      key,
      status: "active",
    },
  });
  const requestId = uid("req");
  await db.checkout.create({ data: { requestId, userId: user.id, productId: "prod_local_pro_monthly" } });
  return {
    user,
    ids: [subId, orderId, requestId, session.id, user.email],
    secrets: [session.sessionToken, account.access_token!, account.refresh_token!, account.id_token!, key],
  };
}

let me: Awaited<ReturnType<typeof filledUser>>;
let other: Awaited<ReturnType<typeof filledUser>>;
beforeAll(async () => {
  me = await filledUser("exporter");
  other = await filledUser("bystander");
});

async function download(user: TestUser | null) {
  signInAs(user);
  const response = await route.GET();
  return { response, text: await response.text() };
}

describe("GET /api/account/export", () => {
  it("refuses a signed-out visitor", async () => {
    const { response } = await download(null);
    expect(response.status).toBe(401);
  });

  it("downloads everything of mine as JSON", async () => {
    const { response, text } = await download(me.user);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="account-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    const data = JSON.parse(text) as UserDataExport;
    expect(data.profile).toMatchObject({ id: me.user.id, email: me.user.email, name: me.user.name });
    expect(data.signInMethods).toEqual([expect.objectContaining({ provider: "github" })]);
    expect(data.sessions).toHaveLength(1);
    expect(data.subscriptions).toHaveLength(1);
    expect(data.purchases).toHaveLength(1);
    expect(data.checkouts).toHaveLength(1);
    expect(data.licenses).toHaveLength(1);
    expect(data.licenses[0]!.key).toMatch(/^\*+WXYZ$/);
    for (const id of me.ids) expect(text).toContain(id);
  });

  it("contains no secret and nothing of another user", async () => {
    const { text } = await download(me.user);
    for (const secret of me.secrets) expect(text).not.toContain(secret);
    for (const value of [...other.ids, ...other.secrets, other.user.id, other.user.name!]) {
      expect(text).not.toContain(value);
    }
    expect(text).not.toMatch(/sessionToken|access_token|refresh_token|id_token/);
  });
});

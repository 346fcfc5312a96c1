import { randomUUID } from "node:crypto";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { describe, expect, it } from "vitest";
import { testDb } from "./support/db";

const db = testDb();
const adapter = PrismaAdapter(db);

describe("Auth.js Prisma adapter on the migrated schema", () => {
  it("creates a user, links an OAuth account and finds the user by it", async () => {
    const email = `${randomUUID()}@example.com`;
    const user = await adapter.createUser!({ id: randomUUID(), email, emailVerified: null, name: "Ada" });
    await adapter.linkAccount!({
      userId: user.id,
      type: "oauth",
      provider: "github",
      providerAccountId: `gh-${user.id}`,
      access_token: "token",
    });
    const found = await adapter.getUserByAccount!({ provider: "github", providerAccountId: `gh-${user.id}` });
    expect(found?.email).toBe(email);
  });

  it("keeps database sessions and deletes them on sign-out", async () => {
    const user = await adapter.createUser!({
      id: randomUUID(),
      email: `${randomUUID()}@example.com`,
      emailVerified: null,
    });
    const sessionToken = randomUUID();
    await adapter.createSession!({ sessionToken, userId: user.id, expires: new Date(Date.now() + 60_000) });
    const current = await adapter.getSessionAndUser!(sessionToken);
    expect(current?.user.id).toBe(user.id);
    await adapter.deleteSession!(sessionToken);
    expect(await adapter.getSessionAndUser!(sessionToken)).toBeNull();
  });

  it("lets a magic-link token be used exactly once", async () => {
    const token = {
      identifier: `${randomUUID()}@example.com`,
      token: randomUUID(),
      expires: new Date(Date.now() + 60_000),
    };
    await adapter.createVerificationToken!(token);
    expect(
      await adapter.useVerificationToken!({ identifier: token.identifier, token: token.token }),
    ).toMatchObject({
      token: token.token,
    });
    expect(
      await adapter.useVerificationToken!({ identifier: token.identifier, token: token.token }),
    ).toBeNull();
  });

  it("refuses a second user with the same email", async () => {
    const email = `${randomUUID()}@example.com`;
    await db.user.create({ data: { email } });
    await expect(db.user.create({ data: { email } })).rejects.toThrow(/Unique constraint/);
  });

  it("deleting a user removes their sessions and accounts", async () => {
    const user = await db.user.create({ data: { email: `${randomUUID()}@example.com` } });
    await db.session.create({
      data: { sessionToken: randomUUID(), userId: user.id, expires: new Date(Date.now() + 1000) },
    });
    await db.user.delete({ where: { id: user.id } });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

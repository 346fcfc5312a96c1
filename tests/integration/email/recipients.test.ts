import { describe, expect, it, vi } from "vitest";
import { formatDate } from "@/lib/format";
import { testDb } from "../support/db";
import { personalWorkspaceId, teamWorkspace } from "../support/workspaces";
import { newUser, uid } from "../admin/support";

// Billing belongs to the workspace: a lifecycle email goes to every owner and admin of the subscription's
// (or order's) workspace, one per person and occasion however often it is decided; never to a plain
// member or a deleted account; the trial reminder follows each person's own setting; a team's email says
// whose subscription it is. With no reachable owner or admin it goes where it went before: the buyer,
// else the CREEM customer's address.

vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), requireUser: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const db = testDb();
const { decideEmails, deliverQueued, dueEmails, sendDueEmails } = await import("@/lib/email/lifecycle");

const DAY = 86_400_000;
const mailsTo = (to: string) => db.devMail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
const deliveriesOf = async (where: { subscriptionId?: string; orderId?: string }) =>
  (await db.emailDelivery.findMany({ where, orderBy: { to: "asc" } })).map((d) => ({
    kind: d.kind,
    to: d.to,
    key: d.key,
    status: d.status,
  }));

async function pastDueRow(data: {
  workspaceId?: string | null;
  userId?: string | null;
  customerEmail?: string;
}) {
  const now = Date.now();
  return db.subscription.create({
    data: {
      id: uid("sub"),
      customerId: uid("cust"),
      productId: "prod_local_pro_monthly",
      status: "past_due",
      pastDueSince: new Date(now - DAY),
      coveredThrough: new Date(now - DAY),
      currentPeriodStart: new Date(now - 31 * DAY),
      currentPeriodEnd: new Date(now - DAY),
      stateAt: new Date(now),
      stateSource: "test",
      ...data,
    },
  });
}

/** A team of an owner who bought it, an admin, a plain member and a deleted admin. */
async function team(name = `Acme ${uid("t")}`) {
  const [owner, admin, member, gone] = await Promise.all([
    newUser(db),
    newUser(db),
    newUser(db),
    newUser(db),
  ]);
  await db.user.update({
    where: { id: gone.id },
    data: { deletedAt: new Date(), email: `deleted-${gone.id}@deleted.invalid` },
  });
  const workspaceId = await teamWorkspace(
    db,
    [
      { userId: owner.id, role: "owner" },
      { userId: admin.id, role: "admin" },
      { userId: member.id, role: "member" },
      { userId: gone.id, role: "admin" },
    ],
    name,
  );
  return { name, workspaceId, owner, admin, member, gone };
}

describe("lifecycle email of a team workspace", () => {
  it("goes to each owner and admin once (the key names the person), never to a member or a deleted admin", async () => {
    const t = await team();
    // Bought by the admin: the owner, who did not buy it, is told too.
    const sub = await pastDueRow({ workspaceId: t.workspaceId, userId: t.admin.id });

    await sendDueEmails(db);
    // CREEM's retry, the backstop job and another decision: nothing new.
    await sendDueEmails(db);
    expect(await decideEmails(db, new Date(), { subscriptionId: sub.id })).toBe(0);
    await deliverQueued(db, new Date(), { subscriptionId: sub.id });

    const occasion = `payment_failed:${sub.id}:${sub.pastDueSince!.toISOString()}`;
    expect(await deliveriesOf({ subscriptionId: sub.id })).toEqual(
      [
        { kind: "payment_failed", to: t.owner.email, key: `${occasion}:user:${t.owner.id}`, status: "sent" },
        { kind: "payment_failed", to: t.admin.email, key: `${occasion}:user:${t.admin.id}`, status: "sent" },
      ].sort((a, b) => a.to.localeCompare(b.to)),
    );
    expect(await mailsTo(t.member.email)).toEqual([]);
    expect(await mailsTo(`deleted-${t.gone.id}@deleted.invalid`)).toEqual([]);

    for (const person of [t.owner, t.admin]) {
      const mails = await mailsTo(person.email);
      expect(mails).toHaveLength(1);
      const mail = mails[0]!;
      expect(mail.subject).toBe(`Action needed: the ${t.name} workspace's Pro payment failed`);
      expect(mail.text).toContain(`Hi ${person.name}`);
      expect(mail.text).toContain(
        `We could not charge the card for the ${t.name} workspace's Pro subscription`,
      );
      expect(mail.text).toContain("The workspace keeps full access until");
      expect(mail.text).not.toMatch(/\byour card\b|You keep full access/);
      expect(mail.text).toContain(`you are an owner or admin of the ${t.name} workspace`);
      expect(mail.html).toContain("http://localhost:3000/dashboard/billing/portal");
    }
  });

  it("a member who bought it gets nothing once the workspace has owners and admins; a role change moves the mail", async () => {
    const t = await team();
    const sub = await pastDueRow({ workspaceId: t.workspaceId, userId: t.member.id });
    const to = async () =>
      (await dueEmails(db, new Date(), { subscriptionId: sub.id })).map((d) => d.to).sort();
    expect(await to()).toEqual([t.owner.email, t.admin.email].sort());

    // The member becomes an admin, the admin a member: the next decision follows the roles.
    await db.membership.update({
      where: { workspaceId_userId: { workspaceId: t.workspaceId, userId: t.member.id } },
      data: { role: "admin" },
    });
    await db.membership.update({
      where: { workspaceId_userId: { workspaceId: t.workspaceId, userId: t.admin.id } },
      data: { role: "member" },
    });
    expect(await to()).toEqual([t.owner.email, t.member.email].sort());
  });

  it("the trial reminder follows each recipient's own setting", async () => {
    const t = await team();
    await db.user.update({ where: { id: t.owner.id }, data: { emailTrialReminders: false } });
    const now = new Date();
    const sub = await db.subscription.create({
      data: {
        id: uid("sub"),
        workspaceId: t.workspaceId,
        userId: t.owner.id,
        customerId: uid("cust"),
        productId: "prod_local_pro_monthly",
        status: "trialing",
        trialEnd: new Date(now.getTime() + 2 * DAY),
        currentPeriodEnd: new Date(now.getTime() + 2 * DAY),
        stateAt: now,
        stateSource: "test",
      },
    });
    expect(await decideEmails(db, now, { subscriptionId: sub.id })).toBe(1);
    // A new owner is decided for, then turns reminders off: skipped at sending, as the buyer's own would be.
    const other = await newUser(db);
    await db.membership.create({ data: { workspaceId: t.workspaceId, userId: other.id, role: "owner" } });
    expect(await decideEmails(db, now, { subscriptionId: sub.id })).toBe(1);
    await db.user.update({ where: { id: other.id }, data: { emailTrialReminders: false } });
    await deliverQueued(db, now, { subscriptionId: sub.id });

    const rows = await deliveriesOf({ subscriptionId: sub.id });
    expect(rows.map((r) => [r.to, r.status]).sort()).toEqual(
      [
        [t.admin.email, "sent"],
        [other.email, "skipped"],
      ].sort(),
    );
    const [mail] = await mailsTo(t.admin.email);
    expect(mail!.subject).toMatch(new RegExp(`^The ${t.name} workspace's Pro trial ends on `));
    expect(mail!.text).toContain("The subscription then continues");
    expect(await mailsTo(t.owner.email)).toEqual([]);
  });

  it("cancellation scheduled, ended and a lifetime purchase speak of the workspace too", async () => {
    const t = await team();
    const now = new Date();
    const base = {
      workspaceId: t.workspaceId,
      customerId: uid("cust"),
      productId: "prod_local_pro_monthly",
      stateAt: now,
      stateSource: "test",
    };
    const canceling = await db.subscription.create({
      data: {
        ...base,
        id: uid("sub"),
        status: "scheduled_cancel",
        cancelAtPeriodEnd: true,
        currentPeriodStart: new Date(now.getTime() - DAY),
        currentPeriodEnd: new Date(now.getTime() + 20 * DAY),
      },
    });
    const ended = await db.subscription.create({
      data: {
        ...base,
        id: uid("sub"),
        status: "canceled",
        currentPeriodEnd: new Date(now.getTime() - DAY),
        canceledAt: new Date(now.getTime() - DAY),
      },
    });
    const orderId = uid("ord");
    await db.purchase.create({
      data: { id: orderId, workspaceId: t.workspaceId, productId: "prod_local_lifetime", status: "paid" },
    });
    const key = `KEY-${uid("k")}`;
    await db.licenseKey.create({
      data: {
        id: uid("lic"),
        key,
        productId: "prod_local_lifetime",
        orderId,
        customerId: uid("cust"),
        workspaceId: t.workspaceId,
        status: "active",
        activationLimit: 3,
      },
    });
    for (const s of [canceling, ended]) await decideEmails(db, now, { subscriptionId: s.id });
    await decideEmails(db, now, { orderId });
    for (const scope of [{ subscriptionId: canceling.id }, { subscriptionId: ended.id }, { orderId }])
      await deliverQueued(db, now, scope);

    for (const person of [t.owner, t.admin]) {
      const subjects = (await mailsTo(person.email)).map((m) => m.subject).sort();
      expect(subjects).toEqual(
        [
          `The ${t.name} workspace's Pro subscription ends on ${formatDate(canceling.currentPeriodEnd!)}`,
          `The ${t.name} workspace's Pro subscription has ended`,
          `The ${t.name} workspace's Launchpad Lifetime license key`,
        ].sort(),
      );
      const mails = await mailsTo(person.email);
      const license = mails.find((m) => m.subject.endsWith("license key"))!;
      expect(license.text).toContain(key);
      expect(license.text).toContain(`The ${t.name} workspace bought Lifetime`);
      const scheduled = mails.find((m) => m.subject.includes("ends on"))!;
      expect(scheduled.text).toContain("The workspace keeps access until");
      const gone = mails.find((m) => m.subject.endsWith("has ended"))!;
      expect(gone.text).toContain("The workspace and its data are still here");
    }
    expect(await mailsTo(t.member.email)).toEqual([]);
  });
});

describe("who gets it when no owner or admin can be reached", () => {
  it("a personal workspace: its owner, whoever the row names as buyer, in the personal wording", async () => {
    const person = await newUser(db);
    const sub = await pastDueRow({
      workspaceId: await personalWorkspaceId(db, person.id),
      userId: null,
      customerEmail: `${uid("other")}@example.com`,
    });
    const due = await dueEmails(db, new Date(), { subscriptionId: sub.id });
    expect(due.map((d) => [d.to, d.key.endsWith(`:user:${person.id}`)])).toEqual([[person.email, true]]);
    await decideEmails(db, new Date(), { subscriptionId: sub.id });
    await deliverQueued(db, new Date(), { subscriptionId: sub.id });
    expect((await mailsTo(person.email)).map((m) => m.subject)).toEqual([
      "Action needed: your Pro payment failed",
    ]);
  });

  it("only deleted managers: the buyer, unless the buyer is a plain member; no account: the CREEM address", async () => {
    const [gone, buyer, member] = await Promise.all([newUser(db), newUser(db), newUser(db)]);
    await db.user.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    const name = `Orphan ${uid("t")}`;
    const workspaceId = await teamWorkspace(
      db,
      [
        { userId: gone.id, role: "owner" },
        { userId: member.id, role: "member" },
      ],
      name,
    );
    const toBuyer = await pastDueRow({ workspaceId, userId: buyer.id });
    const toMember = await pastDueRow({ workspaceId, userId: member.id });
    const memberByAddress = await pastDueRow({ workspaceId, userId: null, customerEmail: member.email });
    const address = `${uid("buyer")}@example.com`;
    const toAddress = await pastDueRow({ workspaceId: null, userId: null, customerEmail: address });
    const deletedBuyer = await pastDueRow({ workspaceId: null, userId: gone.id, customerEmail: address });

    const due = async (id: string) =>
      (await dueEmails(db, new Date(), { subscriptionId: id })).map((d) => ({
        to: d.to,
        userId: d.userId,
        key: d.key.split(":").slice(-2).join(":"),
        workspaceName: d.email.props.workspaceName,
      }));
    expect(await due(toBuyer.id)).toEqual([
      { to: buyer.email, userId: buyer.id, key: `user:${buyer.id}`, workspaceName: name },
    ]);
    expect(await due(toMember.id)).toEqual([]);
    expect(await due(memberByAddress.id)).toEqual([]);
    expect(await due(toAddress.id)).toEqual([
      { to: address, userId: null, key: `email:${address}`, workspaceName: null },
    ]);
    // An anonymised buyer is never mailed, not even at the address the purchase was made with.
    expect(await due(deletedBuyer.id)).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmulator, type RunningEmulator } from "../../../creem-emulator/src/index";
import { testDb } from "../support/db";
import { ADMIN_EMAIL, form, newUser, signInAs, uid, type TestUser } from "./support";

// Discounts created, looked up and deleted at (the local) CREEM from the console, each audited; the
// product check flags a catalog product CREEM does not have or prices differently.

vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), requireUser: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const db = testDb();
let emulator: RunningEmulator;
let actions: typeof import("@/app/admin/discounts/actions");
let admin: TestUser;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    apiKey: "creem_test_console",
    webhookSecret: "whsec_console",
    log: () => {},
  });
  process.env.CREEM_API_KEY = "creem_test_console";
  process.env.CREEM_API_BASE_URL = emulator.url;
  actions = await import("@/app/admin/discounts/actions");
  admin = await newUser(db, ADMIN_EMAIL);
});
afterAll(async () => {
  await emulator?.close();
  const { db: appDb } = await import("@/lib/db");
  await appDb.$disconnect();
});

describe("discounts", () => {
  it("creates a repeating percentage code for chosen products, finds it by code, deletes it; all audited", async () => {
    signInAs(admin);
    const code = uid("SAVE").toUpperCase();
    const created = await actions.createDiscountAction(
      {},
      form({
        name: "Launch week",
        code,
        type: "percentage",
        percentage: 25,
        duration: "repeating",
        durationInMonths: 3,
        products: "prod_local_pro_monthly,prod_local_pro_yearly",
        expiryDate: "2030-01-31",
        maxRedemptions: 50,
      }),
    );
    expect(created.success).toMatch(new RegExp(`Created ${code}`));
    const { findDiscount } = await import("@/lib/admin/discounts");
    const { creem } = await import("@/lib/creem/server");
    const found = await findDiscount(creem, code);
    expect(found).toMatchObject({
      code,
      type: "percentage",
      percentage: 25,
      duration: "repeating",
      durationInMonths: 3,
      maxRedemptions: 50,
      appliesToProducts: ["prod_local_pro_monthly", "prod_local_pro_yearly"],
      status: "active",
    });
    expect(found.expiryDate?.toISOString()).toBe("2030-01-31T23:59:59.000Z");

    expect((await actions.deleteDiscountAction({}, form({ discountId: found.id }))).success).toMatch(
      /Deleted/,
    );
    const audit = await db.adminAudit.findMany({ where: { target: found.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => [a.action, a.adminEmail])).toEqual([
      ["discount.create", admin.email],
      ["discount.delete", admin.email],
    ]);
    expect(audit[1]!.before).toMatchObject({ code, status: "active" });
  });

  it("refuses a form without what its type needs, naming the field", async () => {
    signInAs(admin);
    const result = await actions.createDiscountAction(
      {},
      form({ name: "x", type: "fixed", duration: "repeating", products: "prod_local_pro_monthly" }),
    );
    expect(result.fieldErrors).toMatchObject({
      amount: "Enter the amount off.",
      durationInMonths: "Enter for how many months.",
    });
  });
});

describe("products", () => {
  it("every catalog product exists at the local CREEM with the catalog's price; a changed price is flagged", async () => {
    const { checkProducts } = await import("@/lib/admin/products");
    const { creem } = await import("@/lib/creem/server");
    const { catalog } = await import("@/lib/billing/catalog");
    const checks = await checkProducts(creem, catalog);
    expect(checks.length).toBeGreaterThanOrEqual(7);
    expect(checks.filter((c) => c.problems.length > 0)).toEqual([]);

    const pricier = {
      ...catalog,
      plans: catalog.plans.map((p) =>
        p.key === "pro"
          ? { ...p, prices: p.prices.map((price) => ({ ...price, amount: price.amount + 100 })) }
          : p,
      ),
    };
    const missing = {
      ...catalog,
      plans: catalog.plans.map((p) =>
        p.key === "starter"
          ? { ...p, prices: p.prices.map((price) => ({ ...price, productId: "prod_gone" })) }
          : p,
      ),
    };
    expect(
      (await checkProducts(creem, pricier)).filter((c) => c.problems.length).map((c) => c.problems),
    ).toEqual([["price 1900 ≠ 2000"], ["price 19000 ≠ 19100"]]);
    const gone = (await checkProducts(creem, missing)).find((c) => c.productId === "prod_gone")!;
    expect(gone.found).toBeNull();
    expect(gone.problems[0]).toMatch(/^missing at CREEM/);
  });
});

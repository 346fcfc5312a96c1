import { z } from "zod";
import type { CurrentUser } from "@/lib/auth";
import type { CreemClient } from "@/lib/creem";
import type { CreateDiscountInput } from "@/lib/creem/discounts";
import type { Discount } from "@/lib/creem/schemas/discount";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "./audit";

// Discount codes are CREEM's (it applies them at checkout); the console creates, looks up and deletes them
// through lib/creem, and audits each change with what CREEM answered.

const optionalNumber = z.preprocess(
  (v) => (v === "" || v === undefined ? undefined : v),
  z.coerce.number().optional(),
);

export const discountFormSchema = z
  .object({
    name: z.string().trim().min(1, "Give the discount a name.").max(100),
    code: z
      .string()
      .trim()
      .max(50)
      .regex(/^[A-Za-z0-9_-]*$/, "Letters, digits, - and _ only.")
      .optional(),
    type: z.enum(["percentage", "fixed"], { error: "Choose percentage or fixed." }),
    percentage: optionalNumber.pipe(z.number().int().min(1).max(100, "At most 100 %.").optional()),
    /** In major units (dollars); stored by CREEM in minor units. */
    amount: optionalNumber.pipe(z.number().positive().max(100_000).optional()),
    currency: z.enum(["USD", "EUR"]).default("USD"),
    duration: z.enum(["forever", "once", "repeating"], { error: "Choose a duration." }),
    durationInMonths: optionalNumber.pipe(z.number().int().min(1).max(36).optional()),
    products: z.string().trim().min(1, "Choose at least one product."),
    expiryDate: z.preprocess((v) => (v === "" ? undefined : v), z.iso.date().optional()),
    maxRedemptions: optionalNumber.pipe(z.number().int().min(1).max(1_000_000).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.type === "percentage" && v.percentage === undefined)
      ctx.addIssue({ code: "custom", path: ["percentage"], message: "Enter the percent off." });
    if (v.type === "fixed" && v.amount === undefined)
      ctx.addIssue({ code: "custom", path: ["amount"], message: "Enter the amount off." });
    if (v.duration === "repeating" && v.durationInMonths === undefined)
      ctx.addIssue({ code: "custom", path: ["durationInMonths"], message: "Enter for how many months." });
  });

export type DiscountForm = z.output<typeof discountFormSchema>;

export function toCreateInput(form: DiscountForm): CreateDiscountInput {
  const base = {
    name: form.name,
    code: form.code || undefined,
    duration: form.duration,
    durationInMonths: form.duration === "repeating" ? form.durationInMonths : undefined,
    appliesToProducts: form.products
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean),
    // The end of that day, UTC.
    expiryDate: form.expiryDate ? `${form.expiryDate}T23:59:59.000Z` : undefined,
    maxRedemptions: form.maxRedemptions,
  };
  return form.type === "percentage"
    ? { ...base, type: "percentage", percentage: form.percentage! }
    : { ...base, type: "fixed", amount: Math.round(form.amount! * 100), currency: form.currency };
}

type Admin = Pick<CurrentUser, "id" | "email">;

export async function createDiscount(db: PrismaClient, creem: CreemClient, admin: Admin, form: DiscountForm) {
  const discount = await creem.discounts.create(toCreateInput(form));
  await recordAudit(db, admin, { action: "discount.create", target: discount.id, after: discount });
  return discount;
}

export async function deleteDiscount(db: PrismaClient, creem: CreemClient, admin: Admin, discountId: string) {
  const before = await creem.discounts.get(discountId);
  const after = await creem.discounts.delete(discountId);
  await recordAudit(db, admin, { action: "discount.delete", target: discountId, before, after });
  return after;
}

export function findDiscount(creem: CreemClient, code: string): Promise<Discount> {
  return creem.discounts.getByCode(code);
}

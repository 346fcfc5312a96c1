"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAdminAction } from "@/lib/admin/actions";
import { createDiscount, deleteDiscount, discountFormSchema } from "@/lib/admin/discounts";
import { creem } from "@/lib/creem/server";
import { db } from "@/lib/db";

// Creating and deleting CREEM discount codes from the console, audited.

export const createDiscountAction = validatedAdminAction(discountFormSchema, async (input, admin) => {
  const discount = await createDiscount(db, creem, admin, input);
  revalidatePath("/admin/discounts");
  return { success: `Created ${discount.code ?? discount.id} (${discount.id}).` };
});

const deleteSchema = z.object({ discountId: z.string().trim().min(1, "Choose a discount.").max(100) });

export const deleteDiscountAction = validatedAdminAction(deleteSchema, async (input, admin) => {
  const discount = await deleteDiscount(db, creem, admin, input.discountId);
  revalidatePath("/admin/discounts");
  return { success: `Deleted ${discount.code ?? input.discountId}.` };
});

import type { Metadata } from "next";
import { ActionForm } from "@/components/account/action-form";
import { DiscountForm } from "@/components/admin/discount-form";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { findDiscount } from "@/lib/admin/discounts";
import { requireAdmin } from "@/lib/admin/guard";
import { catalog } from "@/lib/billing/catalog";
import { isCreemError } from "@/lib/creem";
import { creem } from "@/lib/creem/server";
import type { Discount } from "@/lib/creem/schemas/discount";
import { formatDate, formatMoney } from "@/lib/format";
import { createDiscountAction, deleteDiscountAction } from "./actions";

export const metadata: Metadata = { title: "Discounts" };

async function lookup(code: string): Promise<{ discount?: Discount; error?: string }> {
  try {
    return { discount: await findDiscount(creem, code) };
  } catch (error) {
    if (!isCreemError(error)) throw error;
    return { error: error.code === "not_found" ? `No discount with the code “${code}”.` : error.userMessage };
  }
}

// CREEM discount codes: create one, look one up by code, delete it.
export default async function DiscountsPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  await requireAdmin();
  const { code } = await searchParams;
  const found = code?.trim() ? await lookup(code.trim()) : null;
  const products = catalog.plans.flatMap((plan) =>
    plan.prices.flatMap((price) => [
      {
        id: price.productId,
        label: `${plan.name} ${price.interval === "once" ? "" : `/${price.interval}`}`.trim(),
      },
      ...(price.productIdWithoutTrial
        ? [{ id: price.productIdWithoutTrial, label: `${plan.name} /${price.interval} (no trial)` }]
        : []),
    ]),
  );
  const d = found?.discount;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Discounts</h1>
        <p className="mt-1 text-zinc-600">Codes customers enter at checkout. CREEM applies them.</p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Look up a code</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <form method="get" className="flex gap-3" role="search" aria-label="Find a discount">
            <input
              name="code"
              defaultValue={code ?? ""}
              aria-label="Discount code"
              className="h-10 flex-1 rounded-lg border border-zinc-300 px-3 text-sm"
            />
            <button type="submit" className={buttonClasses("primary")}>
              Look up
            </button>
          </form>
          {found?.error && <Alert tone="error">{found.error}</Alert>}
          {d && (
            <div className="flex flex-col gap-3 text-sm" data-testid="discount">
              <p>
                <span className="font-mono font-semibold">{d.code}</span> · {d.name} · {d.status} ·{" "}
                {d.type === "percentage"
                  ? `${d.percentage}% off`
                  : formatMoney(d.amount ?? 0, d.currency ?? "USD") + " off"}{" "}
                · {d.duration}
                {d.durationInMonths ? ` (${d.durationInMonths} months)` : ""} · redeemed {d.redeemCount ?? 0}
                {d.maxRedemptions ? ` of ${d.maxRedemptions}` : ""} · expires{" "}
                {formatDate(d.expiryDate ?? null)}
              </p>
              <p className="text-zinc-600">Products: {(d.appliesToProducts ?? []).join(", ") || "all"}</p>
              {d.status !== "deleted" && (
                <ActionForm
                  action={deleteDiscountAction}
                  label="Delete discount"
                  variant="destructive"
                  size="sm"
                >
                  <input type="hidden" name="discountId" value={d.id} />
                </ActionForm>
              )}
            </div>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>New discount</CardTitle>
          <CardDescription>Created at CREEM; the code works at checkout right away.</CardDescription>
        </CardHeader>
        <CardContent>
          <DiscountForm action={createDiscountAction} products={products} />
        </CardContent>
      </Card>
    </div>
  );
}

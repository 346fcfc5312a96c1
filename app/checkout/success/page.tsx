import type { Metadata } from "next";
import { CheckoutResult } from "@/components/checkout/checkout-result";
import { requireUser } from "@/lib/auth";
import { catalog } from "@/lib/billing/catalog";
import { resolveCheckoutReturn, type CheckoutReturn } from "@/lib/billing/checkout/return";
import { creem } from "@/lib/creem/server";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Checkout", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// CREEM's success URL. The signature covers the parameters in the order CREEM sent them; Next keeps that
// order in `searchParams`. A repeated parameter cannot come from CREEM, so it fails verification.
export default async function CheckoutSuccessPage({ searchParams }: Props) {
  const entries = Object.entries(await searchParams);
  const query = new URLSearchParams();
  let repeated = false;
  for (const [key, value] of entries) {
    if (Array.isArray(value)) repeated = true;
    else if (value !== undefined) query.append(key, value);
  }
  const user = await requireUser(`/checkout/success?${query}`);
  const result: CheckoutReturn = repeated
    ? { kind: "unverified" }
    : await resolveCheckoutReturn({ db, creem, catalog, apiKey: env.CREEM_API_KEY }, user.id, query);
  return <CheckoutResult result={result} email={user.email} />;
}

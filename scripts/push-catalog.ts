import nextEnv from "@next/env";
import path from "node:path";

// `npm run creem:push-catalog`: makes sure every product of lib/billing/plans.ts exists in the configured
// CREEM account (CREEM_API_KEY: a test or live key; or the local CREEM through CREEM_API_BASE_URL), and
// prints the CREEM_PRODUCT_* lines for .env.local. Idempotent: a product is found by its name, and its
// price, currency, billing period and trial are checked; it is created only when missing (with an
// Idempotency-Key, so a retried run never creates it twice). A product with the right name but other
// terms is reported, never changed or duplicated: archive or rename it in CREEM, then run again.
nextEnv.loadEnvConfig(path.resolve(import.meta.dirname, ".."));

const { createCreemClient, isCreemError } = await import("@/lib/creem");
const { productEnvName, productSpecs } = await import("@/lib/billing/plans");
type Product = import("@/lib/creem").Product;

const apiKey = process.env.CREEM_API_KEY;
if (!apiKey) {
  console.error(
    "CREEM_API_KEY is not set. Put your key in .env.local (a creem_test_ key for test mode), or run this\n" +
      "against the local CREEM: CREEM_API_KEY=<its key> CREEM_API_BASE_URL=http://127.0.0.1:4010 npm run creem:push-catalog",
  );
  process.exit(2);
}
const creem = createCreemClient({ apiKey, baseUrl: process.env.CREEM_API_BASE_URL || undefined });
const PERIOD = { month: "every-month", year: "every-year", once: "once" } as const;

async function allProducts(): Promise<Product[]> {
  const products: Product[] = [];
  for (let page = 1; ; page++) {
    const result = await creem.products.search({ pageNumber: page, pageSize: 50 });
    products.push(...result.items);
    const totalPages = result.pagination?.totalPages ?? page;
    if (result.items.length === 0 || page >= totalPages) return products;
  }
}

function differences(product: Product, spec: ReturnType<typeof productSpecs>[number]): string[] {
  const problems: string[] = [];
  if (product.price !== spec.amount) problems.push(`price ${product.price} (plans.ts: ${spec.amount})`);
  if (product.currency?.toUpperCase() !== spec.currency)
    problems.push(`currency ${product.currency} (plans.ts: ${spec.currency})`);
  if (product.billingPeriod !== PERIOD[spec.interval])
    problems.push(`billing period ${product.billingPeriod} (plans.ts: ${PERIOD[spec.interval]})`);
  if ((product.trialPeriodDays ?? 0) !== spec.trialDays)
    problems.push(`trial ${product.trialPeriodDays ?? 0} days (plans.ts: ${spec.trialDays})`);
  return problems;
}

try {
  const existing = (await allProducts()).filter((p) => p.status !== "archived");
  const lines: string[] = [];
  let problems = 0;
  for (const spec of productSpecs()) {
    const named = existing.filter((p) => p.name === spec.name);
    const match = named.find((p) => differences(p, spec).length === 0);
    if (match) {
      console.log(`✓ ${spec.name}: ${match.id} (exists)`);
      lines.push(`${productEnvName(spec.key)}=${match.id}`);
      continue;
    }
    if (named.length > 0) {
      problems++;
      for (const p of named)
        console.error(`✗ ${spec.name}: ${p.id} differs: ${differences(p, spec).join(", ")}`);
      continue;
    }
    const created = await creem.products.create(
      {
        name: spec.name,
        description: spec.description,
        price: spec.amount,
        currency: spec.currency,
        billingType: spec.interval === "once" ? "onetime" : "recurring",
        billingPeriod: PERIOD[spec.interval],
        taxMode: "exclusive",
        taxCategory: "saas",
        ...(spec.trialDays > 0 ? { trialPeriodDays: spec.trialDays } : {}),
        ...(spec.licenseActivations
          ? {
              features: [
                {
                  type: "licenseKey",
                  description: `License key (${spec.licenseActivations} activations)`,
                },
              ],
            }
          : {}),
      },
      {
        idempotencyKey: `push-catalog:${spec.key}:${spec.amount}:${spec.currency}:${spec.interval}:${spec.trialDays}`,
      },
    );
    console.log(`+ ${spec.name}: ${created.id} (created)`);
    lines.push(`${productEnvName(spec.key)}=${created.id}`);
  }
  console.log(`\n# For .env.local (${creem.baseUrl}):\n${lines.join("\n")}`);
  if (productSpecs().some((s) => s.licenseActivations)) {
    console.log(
      "\n# License keys: set the activation limit of the license key feature in CREEM's dashboard if your\n" +
        "# account did not take it from the API (plans.ts: " +
        productSpecs()
          .filter((s) => s.licenseActivations)
          .map((s) => `${s.name} ${s.licenseActivations}`)
          .join(", ") +
        ").",
    );
  }
  if (problems > 0) {
    console.error(`\n${problems} product(s) differ from lib/billing/plans.ts; nothing was changed for them.`);
    process.exit(1);
  }
} catch (error) {
  if (isCreemError(error)) {
    console.error(`CREEM ${error.code} (${error.status}) on ${error.endpoint}: ${error.userMessage}`);
    process.exit(1);
  }
  throw error;
}

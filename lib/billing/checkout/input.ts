import { z } from "zod";
import { MAX_SEATS, PAID_PLAN_KEYS, type PlanCatalog } from "@/lib/billing/plans";
import { DISCOUNT_CODE_MESSAGE, DISCOUNT_CODE_PATTERN } from "./selection";

// The checkout form's input. Plans and billing periods are names from the catalog, never product ids, so a
// visitor can only buy what the app sells; the server resolves the CREEM product id.

const INTERVAL_NAMES = { month: "monthly", year: "yearly", once: "one-time" } as const;

const trimmedOrUndefined = (value: unknown) =>
  typeof value === "string" ? value.trim() || undefined : value;
const discountCode = (missing: string) =>
  z.string({ message: missing }).regex(DISCOUNT_CODE_PATTERN, DISCOUNT_CODE_MESSAGE);

/** An optional discount code: blank means none; anything else must look like a code. */
export const discountCodeField = z.preprocess(
  trimmedOrUndefined,
  discountCode(DISCOUNT_CODE_MESSAGE).optional(),
);

/** The discount field's own "Apply" button: a code is required. */
export const discountCheckSchema = z.object({
  code: z.preprocess(trimmedOrUndefined, discountCode("Enter a discount code to apply.")),
});

const seatsField = z.preprocess(
  (value) => (value === undefined || value === "" ? 1 : value),
  z.coerce
    .number({ message: "Enter the number of seats as a number." })
    .int("Seats must be a whole number.")
    .min(1, "Choose at least 1 seat.")
    .max(MAX_SEATS, `Choose at most ${MAX_SEATS} seats. For more, contact us.`),
);

export function checkoutInputSchema(catalog: PlanCatalog) {
  return z
    .object({
      plan: z.enum(PAID_PLAN_KEYS, { message: "Choose one of the plans on this page." }),
      interval: z.enum(["month", "year", "once"], { message: "Choose monthly or yearly billing." }),
      seats: seatsField,
      discountCode: discountCodeField,
    })
    .superRefine((input, ctx) => {
      const plan = catalog.byKey(input.plan);
      if (!plan.prices.some((price) => price.interval === input.interval)) {
        ctx.addIssue({
          code: "custom",
          path: ["interval"],
          message: `${plan.name} is not available with ${INTERVAL_NAMES[input.interval]} billing.`,
        });
      }
      // A seat count the field itself refused already has its message.
      const fieldValid = Number.isInteger(input.seats) && input.seats >= 1 && input.seats <= MAX_SEATS;
      if (fieldValid && (input.seats < plan.seats.min || input.seats > plan.seats.max)) {
        const perSeat = catalog.plans.find((p) => p.perSeat)?.name;
        ctx.addIssue({
          code: "custom",
          path: ["seats"],
          message: plan.perSeat
            ? `${plan.name} has ${plan.seats.min} to ${plan.seats.max} seats.`
            : `${plan.name} is for one person.${perSeat ? ` Choose ${perSeat} for more seats.` : ""}`,
        });
      }
    });
}

export type CheckoutInput = z.output<ReturnType<typeof checkoutInputSchema>>;

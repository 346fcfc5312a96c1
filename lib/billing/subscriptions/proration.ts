import type { UpdateBehavior } from "@/lib/creem";

// What a subscriber may choose when changing seats, shared by the billing forms (to explain the choice)
// and the server actions (to check it and map it to CREEM's `update_behavior`).

export const MIN_SEATS = 1;
export const MAX_SEATS = 100;

export const PRORATION_CHOICES = {
  now: {
    behavior: "proration-charge-immediately",
    label: "Charge the difference now",
    description:
      "You pay the prorated difference for the rest of this billing period today. Removing seats leaves a credit for your next renewal.",
  },
  next_renewal: {
    behavior: "proration-charge",
    label: "Add it to the next renewal",
    description:
      "Nothing is charged today. The prorated difference for the rest of this period is added to (or credited on) your next renewal.",
  },
  none: {
    behavior: "proration-none",
    label: "No proration",
    description:
      "Nothing is charged or credited for the rest of this period. The new seat count is billed from your next renewal.",
  },
} as const satisfies Record<string, { behavior: UpdateBehavior; label: string; description: string }>;

export type ProrationChoice = keyof typeof PRORATION_CHOICES;
export const PRORATION_KEYS = Object.keys(PRORATION_CHOICES) as [ProrationChoice, ...ProrationChoice[]];
// CREEM's own default for seat changes.
export const DEFAULT_PRORATION: ProrationChoice = "next_renewal";

/** What a plan change does with money; CREEM's default for upgrades, explained once for every form. */
export const PLAN_CHANGE_BEHAVIOR: UpdateBehavior = "proration-charge-immediately";
export const PLAN_CHANGE_EXPLANATION =
  "The prorated difference for the rest of this period is charged right away. Moving to a cheaper plan leaves a credit for your next renewal.";

export type CancelTiming = "period_end" | "now";

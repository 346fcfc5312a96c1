import type { UpdateBehavior } from "@/lib/creem";

// How plan and seat changes are billed, in CREEM's words, for the forms (to explain) and the changes (to
// ask CREEM). Every change charges or refunds the prorated difference now: never `proration-none`, which
// would hand out more seats or a better plan for free until the renewal (1 -> 100 seats and back to 1
// would cost nothing), and never the deprecated `proration-charge`.

export const CHANGE_BEHAVIOR: UpdateBehavior = "proration-charge-immediately";

export const CHANGE_EXPLANATION =
  "Changes take effect at once. Moving up charges the prorated difference for the rest of this period today; moving down refunds the unused time to your original payment method.";

export type CancelTiming = "period_end" | "now";

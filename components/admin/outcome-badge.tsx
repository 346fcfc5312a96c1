import { Badge, type BadgeTone } from "@/components/ui/badge";

// One colour per inbox outcome, so a failed or invalid event stands out in any list.
const tones: Record<string, BadgeTone> = {
  applied: "success",
  stale: "neutral",
  ignored: "neutral",
  invalid: "danger",
  failed: "danger",
  pending: "warning",
};

export function OutcomeBadge({ outcome }: { outcome: string }) {
  return <Badge tone={tones[outcome] ?? "brand"}>{outcome}</Badge>;
}

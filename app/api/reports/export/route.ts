import { EntitlementError, entitlementErrorResponse, requireEntitlement } from "@/lib/billing/access";
import { toCsv } from "@/lib/csv";
import { activityReport } from "@/lib/reports";

export const dynamic = "force-dynamic";

// Gated API example: 401 signed out, 402 without a paid plan, 403 when the plan lacks the feature.
export async function GET() {
  try {
    const { workspace } = await requireEntitlement("reports");
    const rows = await activityReport(workspace.id);
    const csv = toCsv(
      ["date", "type", "plan", "status", "detail"],
      rows.map((r) => [r.date.toISOString(), r.kind, r.plan, r.status, r.detail]),
    );
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="billing-activity.csv"',
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof EntitlementError) return entitlementErrorResponse(error);
    throw error;
  }
}

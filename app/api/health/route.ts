import { databaseReachable } from "@/lib/health";

export const dynamic = "force-dynamic";

// Liveness for load balancers and the e2e runner: 200 when the database answers. Readiness (schema
// migrated) is /api/health/ready.
export async function GET() {
  if (await databaseReachable()) return Response.json({ status: "ok" });
  return Response.json({ status: "error", reason: "database unavailable" }, { status: 503 });
}

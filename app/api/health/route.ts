import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// Liveness and readiness for load balancers and the e2e runner: 200 when the database answers.
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "error", reason: "database unavailable" }, { status: 503 });
  }
}

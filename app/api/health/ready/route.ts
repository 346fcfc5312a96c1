import { readiness } from "@/lib/health";

export const dynamic = "force-dynamic";

// Readiness: 200 once the database is reachable and every committed migration is applied; 503 with the
// pending migrations otherwise, so traffic waits for the release step (`prisma migrate deploy`).
export async function GET() {
  const state = await readiness();
  if (state.ready) return Response.json({ status: "ready", migrations: state.migrations });
  return Response.json({ status: "not_ready", ...state }, { status: 503 });
}

import { handleLicenseRequest, preflight } from "@/lib/licenses/http";

export const dynamic = "force-dynamic";

// POST /api/v1/licenses/activate: the public license API (lib/licenses/api.ts), called by the seller's app.
export function POST(request: Request) {
  return handleLicenseRequest("activate", request);
}

export function OPTIONS() {
  return preflight();
}

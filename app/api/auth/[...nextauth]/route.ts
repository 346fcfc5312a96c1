import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { mailLimitScope } from "@/lib/auth-email";
import { MAIL_LIMIT_ERROR_CODE } from "@/lib/auth-rate-limit";

export const { GET } = handlers;

// A POST straight to /api/auth/signin/email is limited where the mail is sent (lib/auth-email.ts); Auth.js
// would report a refused mail as `?error=Configuration`, so the sign-in page is told the real reason.
export async function POST(request: NextRequest): Promise<Response> {
  const scope: { retryAfterMinutes?: number } = {};
  const response = await mailLimitScope.run(scope, () => handlers.POST(request));
  if (scope.retryAfterMinutes === undefined) return response;
  const query = new URLSearchParams({
    error: MAIL_LIMIT_ERROR_CODE,
    retryIn: String(scope.retryAfterMinutes),
  });
  const location = `/signin?${query}`;
  if (response.headers.get("content-type")?.includes("application/json")) {
    return Response.json({ url: location }, { status: 429 });
  }
  return new Response(null, { status: 303, headers: { Location: location } });
}

import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth";
import { confirmEmailChange } from "@/lib/account/email-change";

export const dynamic = "force-dynamic";

// The link mailed to a new email address. It works only for the signed-in user who asked for it: signed
// out, it goes through sign-in and comes back here. The outcome is shown on the settings page.
export async function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  const here = `${request.nextUrl.pathname}?token=${encodeURIComponent(token)}`;
  const user = await getCurrentUser();
  if (!user) return redirectTo(request, "/signin", { callbackUrl: here });
  const outcome = await confirmEmailChange(user.id, token);
  return redirectTo(request, "/dashboard/settings", { email: outcome });
}

function redirectTo(request: NextRequest, pathname: string, params: Record<string, string>) {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  url.search = new URLSearchParams(params).toString();
  return NextResponse.redirect(url, 303);
}

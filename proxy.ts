import { NextResponse, type NextRequest } from "next/server";

// Optimistic check only: a request without a session cookie is sent to sign-in straight away, and
// comes back to where it was going. Pages and actions still validate the session (requireUser()).
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/dashboard", "/dashboard/:path*"],
};

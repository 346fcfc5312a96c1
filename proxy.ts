import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce, formActionSources, usesNonce } from "@/lib/security-headers";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

// Every page passes through here for its Content-Security-Policy (lib/security-headers.ts): pages rendered
// per request get a fresh nonce, put on the request so Next stamps it on its inline scripts.
//
// Dashboard pages: an optimistic check only. A request without a session cookie is sent to sign-in
// straight away, and comes back to where it was going. Pages and actions still validate the session.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isDashboard = pathname === "/dashboard" || pathname.startsWith("/dashboard/");
  if (isDashboard && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  const nonce = usesNonce(pathname) ? createNonce() : undefined;
  const policy = contentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === "development",
    formActions: formActionSources(process.env),
  });
  const requestHeaders = new Headers(request.headers);
  if (nonce) {
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", policy);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: not API routes, static files or images (they run no scripts).
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|icon\\.svg|robots\\.txt|sitemap\\.xml).*)"],
};

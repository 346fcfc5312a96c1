import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signInWithOAuth } from "@/app/(auth)/actions";
import { SignInForm } from "@/components/sign-in-form";
import { SubmitButton } from "@/components/submit-button";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { configuredProviders, getCurrentUser } from "@/lib/auth";
import { authErrorMessage } from "@/lib/auth-errors";
import { safeCallbackUrl } from "@/lib/safe-callback-url";
import { site } from "@/lib/site";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; retryIn?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (!params.error && (await getCurrentUser())) redirect(callbackUrl);

  const providers = configuredProviders();
  const email = providers.find((p) => p.type === "email");
  const oauth = providers.filter((p) => p.type === "oauth");
  const error = authErrorMessage(params.error, params.retryIn);

  return (
    <div className="mx-auto flex max-w-md flex-col px-4 py-16 sm:py-24">
      <Card>
        <CardHeader>
          <CardTitle className="text-2xl">Sign in to {site.name}</CardTitle>
          <CardDescription>New here? Signing in creates your account.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          {error && <Alert tone="error">{error}</Alert>}
          {oauth.length > 0 && (
            <div className="flex flex-col gap-3">
              {oauth.map((provider) => (
                <form key={provider.id} action={signInWithOAuth}>
                  <input type="hidden" name="provider" value={provider.id} />
                  <input type="hidden" name="callbackUrl" value={callbackUrl} />
                  <SubmitButton variant="outline" size="lg" className="w-full">
                    Continue with {provider.name}
                  </SubmitButton>
                </form>
              ))}
            </div>
          )}
          {oauth.length > 0 && email && (
            <div className="flex items-center gap-3 text-xs text-zinc-500 uppercase">
              <span className="h-px flex-1 bg-zinc-200" /> or <span className="h-px flex-1 bg-zinc-200" />
            </div>
          )}
          {email && <SignInForm callbackUrl={callbackUrl} />}
          {providers.length === 0 && (
            <Alert tone="warning" title="No sign-in method is configured">
              Set EMAIL_SERVER and EMAIL_FROM, or a GitHub or Google OAuth app. See the README.
            </Alert>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

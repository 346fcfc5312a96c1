import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { env } from "@/lib/env";
import { devOutboxEnabled } from "@/lib/env.schema";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage() {
  await connection(); // the outbox hint depends on runtime configuration
  return (
    <div className="mx-auto flex max-w-md flex-col px-4 py-16 sm:py-24">
      <Card>
        <CardHeader>
          <div
            aria-hidden="true"
            className="bg-brand-50 mb-2 grid size-12 place-items-center rounded-full text-2xl"
          >
            ✉
          </div>
          <CardTitle className="text-2xl">Check your email</CardTitle>
          <CardDescription>
            We sent you a sign-in link. It works once and expires in 24 hours. You can close this tab.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-3 text-sm text-zinc-600">
          {devOutboxEnabled(env) && !env.EMAIL_SERVER && (
            <p>
              Development mode: no mail server is configured, so the link is in the{" "}
              <Link href="/dev/mail" className="text-brand-700 font-medium underline underline-offset-4">
                dev outbox
              </Link>
              .
            </p>
          )}
          <p>
            Wrong address?{" "}
            <Link href="/signin" className="text-brand-700 font-medium underline underline-offset-4">
              Try again
            </Link>
            .
          </p>
        </CardContent>
      </Card>
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { devOutboxEnabled } from "@/lib/env.schema";

export const metadata: Metadata = { title: "Dev outbox", robots: { index: false } };

const timeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium" });

// Sign-in mails stored instead of sent (no SMTP in development). 404 unless DEV_OUTBOX is on; in
// production the server refuses to boot with it, and this page stays 404 there unless the e2e-only
// switch ALLOW_DEV_OUTBOX_IN_PRODUCTION=e2e is set.
export default async function DevMailPage() {
  await connection();
  if (!devOutboxEnabled(env)) notFound();
  const mails = await db.devMail.findMany({ orderBy: { createdAt: "desc" }, take: 50 });

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Dev outbox</h1>
        <p className="mt-1 text-zinc-600">
          Mails the app would have sent. Configure EMAIL_SERVER to send real mail instead.
        </p>
      </div>
      {mails.length === 0 && <Alert tone="info">No mail yet. Request a sign-in link to see it here.</Alert>}
      <ul className="flex flex-col gap-4" aria-label="Mails">
        {mails.map((mail) => (
          <li key={mail.id}>
            <Card>
              <CardHeader>
                <CardTitle className="text-base">{mail.subject}</CardTitle>
                <CardDescription>
                  To <span className="font-medium text-zinc-800">{mail.to}</span> ·{" "}
                  <time dateTime={mail.createdAt.toISOString()}>{timeFormat.format(mail.createdAt)}</time>
                </CardDescription>
              </CardHeader>
              <CardContent className="flex flex-col gap-3 text-sm">
                <pre className="font-sans whitespace-pre-wrap text-zinc-700">{mail.text}</pre>
                {/* The HTML part as a mail client shows it; sandboxed (no scripts, no same-origin). */}
                <details>
                  <summary className="cursor-pointer text-zinc-600">HTML version</summary>
                  <iframe
                    title={`HTML of ${mail.subject}`}
                    sandbox=""
                    srcDoc={mail.html}
                    className="mt-2 h-96 w-full rounded-lg border border-zinc-200 bg-white"
                  />
                </details>
                {mail.url && (
                  <a
                    href={mail.url}
                    className="text-brand-700 self-start font-medium underline underline-offset-4"
                    aria-label={`Open ${linkName(mail.subject)} for ${mail.to}`}
                  >
                    Open {linkName(mail.subject)}
                  </a>
                )}
              </CardContent>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Sign-in mails and the account page's mails (email change) share the outbox; say which link it is. */
function linkName(subject: string): string {
  return subject.startsWith("Sign in") ? "sign-in link" : "link";
}

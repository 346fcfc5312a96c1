import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import Link from "next/link";
import { MailHtml } from "@/components/dev/mail-html";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { devOutboxEnabled } from "@/lib/env.schema";

export const metadata: Metadata = { title: "Dev outbox", robots: { index: false } };

const timeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium" });

// Sign-in mails stored instead of sent (no SMTP in development). 404 unless DEV_OUTBOX is on; in
// production the server refuses to boot with it, and this page stays 404 there unless the e2e-only
// switch ALLOW_DEV_OUTBOX_IN_PRODUCTION=e2e is set. `?to=<address>` shows only the mails to that address.
export default async function DevMailPage({
  searchParams,
}: {
  searchParams: Promise<{ to?: string | string[] }>;
}) {
  await connection();
  if (!devOutboxEnabled(env)) notFound();
  const { to: toParam } = await searchParams;
  const to = typeof toParam === "string" ? toParam.trim() : "";
  const mails = await db.devMail.findMany({
    where: to ? { to: { equals: to, mode: "insensitive" } } : {},
    orderBy: { createdAt: "desc" },
    take: 50,
  });

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Dev outbox</h1>
        <p className="mt-1 text-zinc-600">
          Mails the app would have sent. Configure EMAIL_SERVER to send real mail instead.
        </p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-2" role="search" aria-label="Mails to">
        <label className="flex flex-col gap-1.5 text-sm font-medium text-zinc-800">
          To
          <input
            type="email"
            name="to"
            defaultValue={to}
            placeholder="any address"
            className="h-9 w-72 max-w-full rounded-lg border border-zinc-300 bg-white px-3 text-sm font-normal"
          />
        </label>
        <button
          type="submit"
          className="h-9 rounded-lg border border-zinc-300 bg-white px-3 text-sm font-medium hover:bg-zinc-50"
        >
          Show
        </button>
        {to && (
          <Link href="/dev/mail" className="h-9 px-1 text-sm leading-9 text-zinc-600 underline">
            All mails
          </Link>
        )}
      </form>
      {mails.length === 0 && (
        <Alert tone="info">
          {to ? `No mail to ${to}.` : "No mail yet. Request a sign-in link to see it here."}
        </Alert>
      )}
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
                <MailHtml title={`HTML of ${mail.subject}`} html={mail.html} />
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

import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { site } from "@/lib/site";

const features = [
  {
    title: "Checkout in minutes",
    body: "Hosted CREEM checkout for subscriptions, seats, trials and lifetime deals. CREEM is the merchant of record, so tax and invoices are handled.",
  },
  {
    title: "Webhooks you can trust",
    body: "Signatures checked in constant time, every event stored once, applied in order, retried safely. Duplicates and late events change nothing.",
  },
  {
    title: "Entitlements in one place",
    body: "Plans and features are typed data; access is a pure function of stored state, checked the same way in pages, actions and APIs.",
  },
  {
    title: "Runs offline",
    body: "An embedded PostgreSQL and a local CREEM start with the app. Clone, run one command, and buy your own product with a test card.",
  },
  {
    title: "Sign-in that just works",
    body: "Magic links (with a dev outbox), GitHub and Google. Database sessions that end everywhere on sign-out.",
  },
  {
    title: "Tested end to end",
    body: "Unit, integration against real PostgreSQL, and browser tests in Chromium run with one command, in CI too.",
  },
];

export default function HomePage() {
  return (
    <>
      <section className="from-brand-50 relative overflow-hidden border-b border-zinc-200 bg-gradient-to-b to-white">
        <div className="mx-auto flex max-w-6xl flex-col items-center px-4 py-20 text-center sm:px-6 sm:py-28">
          <p className="border-brand-200 text-brand-700 rounded-full border bg-white px-3 py-1 text-xs font-medium">
            Next.js 16 · CREEM · PostgreSQL
          </p>
          <h1 className="mt-6 max-w-3xl text-4xl font-semibold tracking-tight text-balance text-zinc-900 sm:text-6xl">
            {site.tagline}
          </h1>
          <p className="mt-6 max-w-2xl text-lg text-pretty text-zinc-600">{site.description}</p>
          <div className="mt-10 flex flex-col gap-3 sm:flex-row">
            <Link href="/pricing" className={buttonClasses("primary", "lg")}>
              Get started
            </Link>
            <Link href="/#features" className={buttonClasses("outline", "lg")}>
              See what&apos;s inside
            </Link>
          </div>
        </div>
      </section>
      <section
        id="features"
        aria-labelledby="features-title"
        className="mx-auto max-w-6xl px-4 py-20 sm:px-6"
      >
        <h2 id="features-title" className="text-3xl font-semibold tracking-tight">
          Everything a paid product needs
        </h2>
        <p className="mt-2 max-w-2xl text-zinc-600">
          The boring, critical parts done right, so you can build the part your customers pay for.
        </p>
        <ul className="mt-10 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {features.map((feature) => (
            <li key={feature.title}>
              <Card className="h-full">
                <CardContent>
                  <h3 className="font-semibold text-zinc-900">{feature.title}</h3>
                  <p className="mt-2 text-sm leading-6 text-zinc-600">{feature.body}</p>
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

import type { Metadata } from "next";
import { signOutAction } from "@/app/(auth)/actions";
import { SubmitButton } from "@/components/submit-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth";
import { getEntitlements } from "@/lib/billing/access";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Dashboard" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long" });

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const account = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { createdAt: true, emailVerified: true, accounts: { select: { provider: true } } },
  });
  const methods = ["email", ...account.accounts.map((a) => a.provider)];
  const entitlements = await getEntitlements(user.id);

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Welcome{user.name ? `, ${user.name}` : ""}</h1>
        <p className="mt-1 text-zinc-600">Your account at a glance.</p>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Account</CardTitle>
            <CardDescription>How you sign in.</CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-3 text-sm">
              <dt className="text-zinc-500">Email</dt>
              <dd className="flex flex-wrap items-center gap-2 font-medium break-all">
                {user.email}
                {account.emailVerified && <Badge tone="success">Verified</Badge>}
              </dd>
              <dt className="text-zinc-500">Member since</dt>
              <dd>{dateFormat.format(account.createdAt)}</dd>
              <dt className="text-zinc-500">Sign-in methods</dt>
              <dd className="flex flex-wrap gap-2">
                {[...new Set(methods)].map((m) => (
                  <Badge key={m} tone="neutral" className="capitalize">
                    {m}
                  </Badge>
                ))}
              </dd>
            </dl>
          </CardContent>
          <CardFooter>
            <form action={signOutAction}>
              <SubmitButton variant="outline" size="sm" pendingLabel="Signing out…">
                Sign out
              </SubmitButton>
            </form>
          </CardFooter>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Plan</CardTitle>
            <CardDescription>Your current subscription.</CardDescription>
          </CardHeader>
          <CardContent className="flex items-center gap-3">
            <span className="text-2xl font-semibold">{entitlements.plan.name}</span>
            <Badge tone="brand">Current plan</Badge>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

// Product identity in one place: rename the starter here.
export const site = {
  name: "Launchpad",
  tagline: "Ship your SaaS this weekend",
  description:
    "A production-ready Next.js starter with CREEM payments: checkout, subscriptions, licenses and webhooks that are correct under retries.",
  repo: "https://github.com/your-org/creem-saas-starter",
} as const;

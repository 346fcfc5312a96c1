import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

// The tab primitive (components/ui/tab-nav.tsx) through the two navs that use it, rendered to HTML with
// the path Next would report: which tab is current (exact or prefix), the landmark names the e2e tests
// find them by, and the console's failed-event badge inside the Webhooks link.

let pathname = "/";
vi.mock("next/navigation", () => ({ usePathname: () => pathname }));

const { isCurrentTab } = await import("@/components/ui/tab-nav");
const { DashboardNav } = await import("@/components/dashboard-nav");
const { AdminNav } = await import("@/components/admin/admin-nav");

/** The nav's label and, per link, its href, text and whether it is the current page. */
function read(html: string) {
  const nav = /<nav aria-label="([^"]+)"/.exec(html)?.[1];
  const links = [
    ...html.matchAll(/<a( aria-current="page")? class="([^"]*)" href="([^"]+)">(.*?)<\/a>/g),
  ].map((m) => ({
    href: m[3],
    current: Boolean(m[1]),
    underlined: m[2]!.includes("border-brand-600"),
    inner: m[4],
  }));
  return { nav, links };
}

beforeEach(() => {
  pathname = "/";
});

describe("isCurrentTab", () => {
  it("matches exactly by default and below the tab with prefix, never a longer sibling", () => {
    expect(isCurrentTab("/dashboard", { href: "/dashboard" })).toBe(true);
    expect(isCurrentTab("/dashboard/billing", { href: "/dashboard" })).toBe(false);
    expect(isCurrentTab("/admin/webhooks/evt_1", { href: "/admin/webhooks", match: "prefix" })).toBe(true);
    expect(isCurrentTab("/admin/webhooks", { href: "/admin/webhooks", match: "prefix" })).toBe(true);
    expect(isCurrentTab("/admin/webhooksx", { href: "/admin/webhooks", match: "prefix" })).toBe(false);
    expect(isCurrentTab("/admin/webhooks/evt_1", { href: "/admin/webhooks", match: "exact" })).toBe(false);
  });
});

describe("DashboardNav", () => {
  it("is the Dashboard landmark with Settings current (and only it) on the settings page", () => {
    pathname = "/dashboard/settings";
    const { nav, links } = read(renderToStaticMarkup(createElement(DashboardNav)));
    expect(nav).toBe("Dashboard");
    expect(links.map((l) => l.inner)).toEqual([
      "Overview",
      "Billing",
      "Reports",
      "Members",
      "Activity",
      "Settings",
    ]);
    expect(links.filter((l) => l.current).map((l) => l.href)).toEqual(["/dashboard/settings"]);
    expect(links.filter((l) => l.underlined).map((l) => l.href)).toEqual(["/dashboard/settings"]);
  });

  it("marks Overview only on /dashboard itself, and adds Console for operators", () => {
    pathname = "/dashboard";
    const operator = read(renderToStaticMarkup(createElement(DashboardNav, { showConsole: true })));
    expect(operator.links.filter((l) => l.current).map((l) => l.inner)).toEqual(["Overview"]);
    expect(operator.links.at(-1)).toMatchObject({ href: "/admin", inner: "Console", current: false });

    pathname = "/dashboard/billing/history";
    expect(read(renderToStaticMarkup(createElement(DashboardNav))).links.some((l) => l.current)).toBe(false);
  });
});

describe("AdminNav", () => {
  it("is the Console landmark; a tab stays current on its detail pages", () => {
    pathname = "/admin/customers/ws_1";
    const { nav, links } = read(renderToStaticMarkup(createElement(AdminNav, { failed: 0 })));
    expect(nav).toBe("Console");
    expect(links.filter((l) => l.current).map((l) => l.inner)).toEqual(["Customers"]);
  });

  it("shows the not-applied count inside the Webhooks link only when there is one", () => {
    pathname = "/admin/webhooks";
    const none = read(renderToStaticMarkup(createElement(AdminNav, { failed: 0 })));
    expect(none.links[0]).toMatchObject({ href: "/admin/webhooks", inner: "Webhooks", current: true });

    const some = read(renderToStaticMarkup(createElement(AdminNav, { failed: 3 })));
    expect(some.links[0]!.inner).toMatch(
      /^Webhooks<span class="[^"]*bg-red-600[^"]*" aria-label="3 not applied" data-testid="failed-count">3<\/span>$/,
    );
    expect(some.links.slice(1).every((l) => !l.inner!.includes("<span"))).toBe(true);
  });
});

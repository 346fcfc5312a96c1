import { TabNav, type TabNavItem } from "@/components/ui/tab-nav";

// The dashboard's tabs. Each is current on its own page only: "Overview" (/dashboard) must not stay
// underlined on every page below it.
const links: TabNavItem[] = [
  { href: "/dashboard", label: "Overview" },
  { href: "/dashboard/billing", label: "Billing" },
  { href: "/dashboard/reports", label: "Reports" },
  { href: "/dashboard/members", label: "Members" },
  { href: "/dashboard/activity", label: "Activity" },
  { href: "/dashboard/settings", label: "Settings" },
];

/** `showConsole`: the signed-in user is an operator (decided on the server; /admin checks again). */
export function DashboardNav({ showConsole = false }: { showConsole?: boolean }) {
  return (
    <TabNav
      label="Dashboard"
      items={showConsole ? [...links, { href: "/admin", label: "Console" }] : links}
    />
  );
}
